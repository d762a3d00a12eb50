import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useGroups } from '../api/queries';
import { useSignedInUser } from '../shell/session';
import { ButtonLink } from '../ui/Button';
import { Icon } from '../ui/Icon';
import { Page } from '../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../ui/States';
import { groupKindLabel } from './labels';
import { InvitedMeetings } from '../peer-modeling/InvitedMeetings';
import { ReminderBanner } from '../next-steps/ReminderBanner';
import { SurveyBanner } from '../surveys/SurveyBanner';
import { UpcomingMeetings } from '../schedule/UpcomingMeetings';
import './i18n';
import '../i18n/group-kinds';

export function MyTeamsPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const groups = useGroups();

  return (
    <Page
      title={t('myTeams.title')}
      intro={
        <>
          <p>{t('myTeams.intro')}</p>
          {/* SHARE-LIB-2: on a phone the header has no room for "Shared"; the way there is here. */}
          <p className="site-nav-narrow-only">
            <Link to="/shared">{t('myTeams.sharedLink')}</Link>
          </p>
          {/* MEASURE-WEB-4: the same for Surveys. */}
          <p className="site-nav-narrow-only">
            <Link to="/surveys">{t('myTeams.surveysLink')}</Link>
          </p>
          {/* NET-WEB-4: and for Networks, for those who may find and start them. */}
          {me.districtRole === 'district_admin' || me.schools.some((s) => s.role === 'school_leader') ? (
            <p className="site-nav-narrow-only">
              <Link to="/networks">{t('myTeams.networksLink')}</Link>
            </p>
          ) : null}
        </>
      }
    >
      {/* NEXT-REMIND-1: my next steps overdue or due this week, when there are any. */}
      <ReminderBanner />
      {/* MEASURE-WEB-4: an open survey waiting for me, when there is one. */}
      <SurveyBanner />
      {groups.isPending ? (
        <LoadingState />
      ) : groups.isError ? (
        <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />
      ) : groups.data.length === 0 ? (
        <EmptyState title={t('myTeams.emptyTitle')}>
          <p>{t('myTeams.emptyBody')}</p>
          <div className="actions">
            <ButtonLink to="/join" variant="primary">
              {t('myTeams.emptyJoin')}
            </ButtonLink>
          </div>
          {me.districtRole === 'district_admin' ? (
            <p>
              {t('myTeams.emptyAdmin')} <Link to="/admin">{t('myTeams.emptyAdminLink')}</Link>
            </p>
          ) : null}
        </EmptyState>
      ) : (
        <ul className="card-grid">
          {groups.data.map((group) => (
            <li key={group.id} className="card card--link">
              <h2 className="card__title">
                <Link to={`/teams/${group.id}`} className="card__link">
                  {group.name}
                </Link>
              </h2>
              <p className="card__kind">{groupKindLabel(t, group)}</p>
              <ul className="card__facts">
                <li>
                  <Icon name="school" />
                  {group.schoolName
                    ? t('myTeams.school', { school: group.schoolName })
                    : t('myTeams.districtWide')}
                </li>
                <li>
                  <Icon name="users" />
                  {t('myTeams.memberCount', { count: group.memberCount })}
                </li>
                <li>
                  <Icon name="check" />
                  {group.myRole
                    ? t('myTeams.myRole', { role: t(`groupRole.${group.myRole}`) })
                    : t('myTeams.leading')}
                </li>
              </ul>
            </li>
          ))}
        </ul>
      )}
      {/* PWA-UPCOMING-1: below the teams, so arriving later it pushes nothing the reader is looking at. */}
      <UpcomingMeetings />
      <InvitedMeetings />
    </Page>
  );
}
