import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InviteeRole, MeetingPlanView } from '#contracts/peer-modeling';
import { useDescribeError } from '../api/describeError';
import { formatDay } from './dates';
import { useToast } from '../shell/Toaster';
import { announce } from '../ui/announcer';
import { Button } from '../ui/Button';
import { FormAlert } from '../ui/FormAlert';
import { SelectField } from '../ui/SelectField';
import { LoadingState } from '../ui/States';
import { TextField } from '../ui/TextField';
import { usePeerModelingT } from './i18n';
import { useInvite, useInviteCandidates, useUninvite } from './queries';

/**
 * PM-GUEST-1, PM-GUEST-4: who is invited to this meeting only, and (for those who run the team) finding a coach
 * or specialist of the district to invite, as the model or an observer.
 */
export function InviteSection({ view }: { view: MeetingPlanView }) {
  const t = usePeerModelingT();
  const { i18n } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const uninvite = useUninvite(view.meetingId);

  return (
    <section className="panel stack" aria-labelledby="invitees-heading">
      <h2 id="invitees-heading" className="section__title">
        {t('invite.title')}
      </h2>
      {view.canInvite ? <p className="muted">{t('invite.intro')}</p> : null}
      {view.invitees.length === 0 ? (
        <p className="muted">{t('invite.none')}</p>
      ) : (
        <ul className="invitee-list" data-testid="invitees">
          {view.invitees.map((i) => (
            <li key={i.userId} className="invitee-list__item">
              <span>
                <span className="invitee-list__name">{i.name}</span>
                <span className="muted">
                  {' · '}
                  {t(`invite.role.${i.role}`)}
                  {' · '}
                  {t('invite.invitedOn', { date: formatDay(i.invitedAt, i18n.language) })}
                </span>
              </span>
              {view.canInvite ? (
                <Button
                  variant="quiet"
                  isPending={uninvite.isPending && uninvite.variables === i.userId}
                  onPress={() => {
                    uninvite.mutate(i.userId, {
                      onSuccess: () => toast(t('invite.removed', { name: i.name })),
                    });
                  }}
                >
                  {t('invite.remove', { name: i.name })}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {uninvite.error ? <FormAlert messages={[describe(uninvite.error)]} /> : null}
      {view.canInvite ? <InvitePicker meetingId={view.meetingId} /> : null}
    </section>
  );
}

function InvitePicker({ meetingId }: { meetingId: string }) {
  const t = usePeerModelingT();
  const toast = useToast();
  const describe = useDescribeError();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [role, setRole] = useState<InviteeRole>('model');
  const invite = useInvite(meetingId);
  // The search waits for a pause in typing.
  useEffect(() => {
    const timer = setTimeout(() => {
      setQ(search.trim());
    }, 300);
    return () => {
      clearTimeout(timer);
    };
  }, [search]);
  const found = useInviteCandidates(meetingId, q);
  useEffect(() => {
    if (found.data) announce(t('invite.results') + `: ${found.data.length}`);
  }, [found.data, t]);

  return (
    <div className="stack invite-picker">
      <SelectField
        label={t('invite.roleLabel')}
        options={[
          { id: 'model', label: t('invite.role.model') },
          { id: 'observer', label: t('invite.role.observer') },
        ]}
        value={role}
        onChange={(value) => {
          setRole(value === 'observer' ? 'observer' : 'model');
        }}
      />
      <TextField
        type="search"
        label={t('invite.search')}
        description={t('invite.searchHint')}
        value={search}
        onChange={setSearch}
        maxLength={100}
        autoComplete="off"
      />
      {q.length >= 2 && found.isFetching && !found.data ? (
        <LoadingState label={t('invite.searching')} />
      ) : null}
      {found.error ? <FormAlert messages={[describe(found.error)]} /> : null}
      {invite.error ? <FormAlert messages={[describe(invite.error)]} /> : null}
      {q.length >= 2 && found.data ? (
        found.data.length === 0 ? (
          <p className="muted">{t('invite.noMatch')}</p>
        ) : (
          <ul className="invitee-list" aria-label={t('invite.results')}>
            {found.data.map((p) => (
              <li key={p.id} className="invitee-list__item">
                <span>
                  <span className="invitee-list__name">{p.name}</span>
                  <span className="muted">
                    {' · '}
                    {p.schools.length
                      ? t('invite.schools', { schools: p.schools.join(', ') })
                      : t('invite.noSchool')}
                  </span>
                </span>
                <Button
                  variant="secondary"
                  isPending={invite.isPending && invite.variables.userId === p.id}
                  onPress={() => {
                    invite.mutate(
                      { userId: p.id, role },
                      {
                        onSuccess: () => {
                          toast(t('invite.invited', { name: p.name }));
                          setSearch('');
                          setQ('');
                        },
                      },
                    );
                  }}
                >
                  {t('invite.inviteButton', { name: p.name })}
                </Button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
