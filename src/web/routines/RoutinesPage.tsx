import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { isApiRequestError } from '../api/client';
import { useGroup } from '../api/queries';
import type { RoutineSummary } from '#contracts/meetings-api';
import { ButtonLink } from '../ui/Button';
import { Page } from '../ui/Page';
import { ErrorState, LoadingState } from '../ui/States';
import { useRoutinesT } from './i18n';
import { factsLine, summaryVersionLine } from './labels';
import {
  audienceOf,
  CopyButton,
  ImportPanel,
  NewRoutineButton,
  ShareButton,
  WithdrawButton,
} from './LibraryActions';
import { exportUrl, useRoutines } from './queries';

/**
 * `/teams/:groupId/routines`: the routines a team can run: Ensemble's (default first), the team's own, the
 * library's (ROUTINE-LIB), with the actions that grow them.
 * One <Page> whatever the state, so the focus on its <h1> survives the data arriving.
 */
export function RoutinesPage() {
  const t = useRoutinesT();
  const { t: appT } = useTranslation();
  const { groupId = '' } = useParams();
  const group = useGroup(groupId);
  const routines = useRoutines(groupId);

  if (!group.data) {
    const missing =
      isApiRequestError(group.error) &&
      (group.error.status === 404 || group.error.status === 403 || group.error.status === 400);
    return (
      <Page
        title={
          group.isError
            ? missing
              ? appT('errors.pageNotFoundTitle')
              : appT('errors.crashTitle')
            : t('list.title')
        }
      >
        {group.isError ? (
          <>
            <ErrorState error={group.error} {...(missing ? {} : { onRetry: () => void group.refetch() })} />
            <ButtonLink to="/">{appT('common.goHome')}</ButtonLink>
          </>
        ) : (
          <LoadingState />
        )}
      </Page>
    );
  }

  const team = group.data;
  // The server's `run-meetings` (which saving a routine needs) is the same rule as managing the team.
  const canEdit = team.can.manageMembers;
  const items = routines.data ?? [];
  // A team's adapted copy of an Ensemble routine stays in that routine's place (ROUTINE-LIB-ORDER-1).
  const byOrigin = (origin: RoutineSummary['origin']) =>
    items.filter((r) =>
      origin === 'shipped'
        ? r.origin === 'shipped' || r.adaptsShipped
        : r.origin === origin && !r.adaptsShipped,
    );
  return (
    <Page
      title={t('list.title')}
      documentTitle={t('list.documentTitle', { team: team.name })}
      intro={
        <>
          <p>{t('list.intro', { team: team.name })}</p>
          <p>{canEdit ? t('list.introEditor') : t('list.introReader')}</p>
        </>
      }
    >
      <p className="routines-back">
        <Link to={`/teams/${team.id}`}>{t('common.backToTeam', { team: team.name })}</Link>
      </p>
      {canEdit ? (
        <div className="routines-toolbar">
          <NewRoutineButton team={team} />
        </div>
      ) : null}
      {routines.isPending ? <LoadingState /> : null}
      {routines.isError ? (
        <ErrorState error={routines.error} onRetry={() => void routines.refetch()} />
      ) : null}
      {routines.data ? (
        <>
          <RoutineSection
            id="shipped"
            title={t('list.shippedHeading')}
            intro={t('list.shippedIntro')}
            team={team}
            canEdit={canEdit}
            all={items}
            routines={byOrigin('shipped')}
            empty={t('list.none')}
          />
          <RoutineSection
            id="own"
            title={t('list.ownHeading')}
            intro={t('list.ownIntro')}
            team={team}
            canEdit={canEdit}
            all={items}
            routines={byOrigin('team')}
            empty={t('list.ownNone')}
          />
          <RoutineSection
            id="library"
            title={t('list.libraryHeading')}
            intro={t('list.libraryIntro')}
            team={team}
            canEdit={canEdit}
            all={items}
            routines={byOrigin('library')}
            empty={t('list.libraryNone')}
          />
          {canEdit ? <ImportPanel groupId={team.id} /> : null}
        </>
      ) : null}
    </Page>
  );
}

interface TeamInfo {
  id: string;
  name: string;
  schoolName: string | null;
}

function RoutineSection({
  id,
  title,
  intro,
  team,
  canEdit,
  all,
  routines,
  empty,
}: {
  id: string;
  title: string;
  intro: string;
  team: TeamInfo;
  canEdit: boolean;
  all: readonly RoutineSummary[];
  routines: readonly RoutineSummary[];
  empty: string;
}) {
  const t = useRoutinesT();
  const headingId = `routines-${id}-heading`;
  return (
    <section className="routine-section" aria-labelledby={headingId} data-testid={`routines-${id}`}>
      <h2 id={headingId} className="section__title">
        {title}
      </h2>
      <p className="muted">{intro}</p>
      {routines.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="card-grid routine-cards" data-testid={id === 'shipped' ? 'routine-list' : undefined}>
          {routines.map((routine) => (
            <li key={routine.id} className="card card--link routine-card">
              <h3 className="card__title">
                <Link to={`/teams/${team.id}/routines/${routine.id}`} className="card__link">
                  {routine.name}
                </Link>
              </h3>
              <p className="card__kind">{factsLine(t, routine.totalMinutes, routine.stepCount)}</p>
              <p>{routine.summary}</p>
              {routine.for?.includes('district_leadership') ? (
                <p className="routine-card__tag">{t('list.forLeaders')}</p>
              ) : null}
              <p className="routine-card__version">{summaryVersionLine(t, routine, all)}</p>
              {routine.origin === 'team' && routine.library ? (
                <p className="routine-card__version">
                  {t('list.sharedAs', {
                    audience: audienceOf(t, routine.library),
                    version: routine.library.version,
                  })}
                </p>
              ) : null}
              <div className="routine-card__actions">
                {canEdit && routine.origin !== 'library' ? (
                  <ButtonLink
                    to={`/teams/${team.id}/routines/${routine.id}?edit=1`}
                    variant="quiet"
                    aria-label={t('list.adaptLabel', { name: routine.name })}
                  >
                    {t('list.adapt')}
                  </ButtonLink>
                ) : null}
                {canEdit ? <CopyButton team={team} routine={routine} /> : null}
                {canEdit && routine.origin === 'team' && !routine.adaptsShipped ? (
                  <ShareButton team={team} routine={routine} />
                ) : null}
                {routine.library?.canWithdraw ? <WithdrawButton groupId={team.id} routine={routine} /> : null}
                <a
                  className="button button--quiet"
                  href={exportUrl(team.id, routine.id)}
                  download={`${routine.id}.yaml`}
                  aria-label={t('list.exportLabel', { name: routine.name })}
                >
                  {t('list.exportYaml')}
                </a>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
