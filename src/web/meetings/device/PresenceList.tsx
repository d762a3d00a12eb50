import type { Roles } from '#core/meeting/index';
import { useMeetingsT, type MeetingsT } from '../i18n';
import { useLiveMeeting } from '../live/LiveMeetingContext';

function rolesOf(t: MeetingsT, roles: Roles, userId: string): string[] {
  const names: string[] = [];
  if (roles.facilitator === userId) names.push(t('roles.facilitator'));
  if (roles.presenter === userId) names.push(t('roles.presenter'));
  if (roles.timekeeper === userId) names.push(t('roles.timekeeper'));
  if (roles.noteTaker === userId) names.push(t('roles.noteTaker'));
  return names;
}

/** Who is here now (from the server's presence), with their roles; the rest of the roster below. */
export function PresenceList() {
  const t = useMeetingsT();
  const { state, snapshot, meId, nameOf } = useLiveMeeting();
  const presentIds = new Set(snapshot.present.map((p) => p.userId));
  const here = state.memberIds.filter((id) => presentIds.has(id));
  const away = state.memberIds.filter((id) => !presentIds.has(id));

  const row = (id: string) => {
    const roles = rolesOf(t, state.roles, id);
    return (
      <li key={id} className="presence__person">
        <span className="presence__name">
          {nameOf(id)} {id === meId ? <span className="muted">{t('common.you')}</span> : null}
        </span>
        {roles.length > 0 ? <span className="presence__roles">{roles.join(', ')}</span> : null}
      </li>
    );
  };

  return (
    <section className="panel stack presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading" className="section__title">
        {t('presence.title')} <span className="section__count">({here.length})</span>
      </h2>
      <ul className="presence__list" data-testid="presence">
        {here.map(row)}
      </ul>
      {away.length > 0 ? (
        <>
          <h3 className="presence__away-title">{t('presence.notHere')}</h3>
          <ul className="presence__list presence__list--away">{away.map(row)}</ul>
        </>
      ) : null}
    </section>
  );
}
