import { useTranslation } from 'react-i18next';
import { useParams } from 'wouter';
import { isApiRequestError } from '../api/client';
import { useGroup } from '../api/queries';
import { ButtonLink } from '../ui/Button';
import { Page } from '../ui/Page';
import { ErrorState, LoadingState } from '../ui/States';
import { TeamMeetingsSection } from '../meetings/team/TeamMeetingsSection';
import { useGroupMeetings, useRoutines } from '../meetings/queries';
import { TeamRoutinesLink } from '../routines/TeamRoutinesLink';
import { TeamMemoryLinks } from '../memory/MemoryNav';
import { useMyFeed, useSeries } from '../schedule/queries';
import { InviteForm } from './InviteForm';
import { JoinCodePanel } from './JoinCodePanel';
import { JoinRequestsSection } from './JoinRequestsSection';
import { MeetingSettingsSection, useMeetingSettings } from './MeetingSettingsSection';
import { MembersSection } from './MembersSection';
import { groupKindLabel } from './labels';
import { TeamHome } from '../team-home/TeamHome';
import { useTeamHome } from '../team-home/queries';
import { useCurrentNetwork } from '../shell/space';
import { CohortCycleFacts } from '../networks/CohortCycleFacts';
import { NextCycle } from '../networks/NextCycle';
import { useCohorts } from '../networks/queries';
import { BookStudiesSection } from '../book-study/BookStudiesSection';
import { useGroupBookStudies } from '../book-study/queries';
import './i18n';
import '../i18n/group-kinds';

// BOOK-WEB-2: the book-study page loads with this module (router.tsx: one `import()` for both pages).
export { BookStudyPage } from '../book-study/BookStudyPage';

export function TeamPage() {
  const { t } = useTranslation();
  const { groupId = '' } = useParams();
  const group = useGroup(groupId);
  // NET-WEB-6: in a network the team is a cohort of it: no school, no district links (join codes, email
  // invitations, calendar subscriptions), and its current cycle's focus and goal at the top.
  const inNetwork = useCurrentNetwork() !== null;
  const myFeed = useMyFeed(!inNetwork);
  const cohorts = useCohorts(inNetwork);
  // DAY-PERF-4: what the sections below ask for is asked now, beside the team itself, and the page draws once
  // it is all in: one round trip instead of two, and no section grows and pushes the next one down (the
  // schedule form's routines, the meeting list). A section whose answer failed shows its own error.
  const firstScreen = [
    useGroupMeetings(groupId),
    useRoutines(groupId),
    useMeetingSettings(groupId),
    // The team's weekly series (above its meetings) and the person's calendar link (SERIES, CAL-FEED).
    useSeries(groupId),
    ...(inNetwork ? [cohorts] : [myFeed]),
    // HOME-1: the team home at the top (a non-member is refused it at once and never shown it).
    useTeamHome(groupId),
    // BOOK-WEB-1: the group's book studies (and whether the viewer may start one).
    useGroupBookStudies(groupId),
  ];

  if (group.isPending || (group.isSuccess && firstScreen.some((query) => query.isPending))) {
    return (
      <Page title={t('app.loading')}>
        <LoadingState />
      </Page>
    );
  }
  if (group.isError) {
    const missing =
      isApiRequestError(group.error) &&
      (group.error.status === 404 || group.error.status === 403 || group.error.status === 400);
    return (
      <Page title={missing ? t('errors.pageNotFoundTitle') : t('errors.crashTitle')} width="narrow">
        <ErrorState error={group.error} {...(missing ? {} : { onRetry: () => void group.refetch() })} />
        <ButtonLink to="/">{t('common.goHome')}</ButtonLink>
      </Page>
    );
  }

  const detail = group.data;
  const facts = [groupKindLabel(t, detail)];
  if (detail.schoolName) facts.push(detail.schoolName);
  else if (detail.kind !== 'cohort') facts.push(t('myTeams.districtWide'));
  if (detail.myRole) facts.push(t('myTeams.myRole', { role: t(`groupRole.${detail.myRole}`) }));
  const showJoinCode = !inNetwork && (detail.can.manageJoinCode || detail.joinCode !== null);
  const canInvite = !inNetwork && detail.can.invite;
  const cohort = cohorts.data?.find((c) => c.id === detail.id);
  const cycle = cohort?.cycle;

  return (
    <Page
      title={detail.name}
      intro={
        <>
          <p className="page__facts">{facts.join(' · ')}</p>
          {cycle ? <CohortCycleFacts cycle={cycle} /> : null}
          {/* NET-WEB-7: those who run the cohort start its next cycle. */}
          {cohort?.canManage ? (
            <div className="actions">
              <NextCycle cohort={cohort} />
            </div>
          ) : null}
          <p>
            <TeamRoutinesLink groupId={detail.id} canAdapt={detail.can.manageMembers} />
          </p>
          {/* MEM-UI-1: the team's memory, for its members. */}
          {detail.myRole ? <TeamMemoryLinks groupId={detail.id} /> : null}
        </>
      }
    >
      <div className={showJoinCode || canInvite ? 'team-layout' : undefined}>
        <div className="team-layout__main">
          {/* HOME-1: the team's home, for its members (the team's own: not its principal or admin). */}
          {detail.myRole ? <TeamHome groupId={detail.id} /> : null}
          <JoinRequestsSection group={detail} />
          <TeamMeetingsSection groupId={detail.id} />
          <MeetingSettingsSection groupId={detail.id} />
          <BookStudiesSection groupId={detail.id} />
          <MembersSection group={detail} />
        </div>
        {showJoinCode || canInvite ? (
          <div className="team-layout__side">
            {showJoinCode ? <JoinCodePanel group={detail} /> : null}
            {canInvite ? <InviteForm group={detail} /> : null}
          </div>
        ) : null}
      </div>
    </Page>
  );
}
