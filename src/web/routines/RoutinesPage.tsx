import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { isApiRequestError } from '../api/client';
import { useGroup } from '../api/queries';
import { ButtonLink } from '../ui/Button';
import { Page } from '../ui/Page';
import { ErrorState, LoadingState } from '../ui/States';
import { useRoutinesT } from './i18n';
import { factsLine, versionLine } from './labels';
import { useRoutines } from './queries';

/**
 * `/teams/:groupId/routines`: the routines a team can run, its own versions first.
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
      {routines.isPending ? <LoadingState /> : null}
      {routines.isError ? (
        <ErrorState error={routines.error} onRetry={() => void routines.refetch()} />
      ) : null}
      {routines.data ? (
        routines.data.length === 0 ? (
          <p className="muted">{t('list.none')}</p>
        ) : (
          <ul className="card-grid routine-cards" data-testid="routine-list">
            {routines.data.map((routine) => (
              <li key={routine.id} className="card card--link routine-card">
                <h2 className="card__title">
                  <Link to={`/teams/${team.id}/routines/${routine.id}`} className="card__link">
                    {routine.name}
                  </Link>
                </h2>
                <p className="card__kind">{factsLine(t, routine.totalMinutes, routine.stepCount)}</p>
                <p>{routine.summary}</p>
                <p className="routine-card__version">{versionLine(t, routine)}</p>
                {canEdit ? (
                  <div className="routine-card__actions">
                    <ButtonLink
                      to={`/teams/${team.id}/routines/${routine.id}?edit=1`}
                      variant="quiet"
                      aria-label={t('list.adaptLabel', { name: routine.name })}
                    >
                      {t('list.adapt')}
                    </ButtonLink>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </Page>
  );
}
