/**
 * The team home (HOME-*, ADR 0022), at the top of the team page for the team's members: the next meeting with
 * Start for those who run it, open next steps and recent successes (slots filled by other features), the routine
 * journey, what changed since the last visit, the sources of efficacy over time, the meeting pulse, and the memory
 * downloads.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { OpenNextSteps } from '../next-steps/OpenNextSteps';
import { PendingShares } from '../sharing/PendingShares';
import { RecentSuccesses } from '../memory/RecentSuccesses';
import { teamHomeApi } from '#contracts/api-team-home';
import { pathFor } from '#contracts/endpoint';
import type {
  HomeMeeting,
  Journey,
  JourneyReason,
  JourneyStage,
  SinceLastVisit,
  TeamHome as Home,
} from '#contracts/team-home';
import { call } from '../api/client';
import { useDescribeError } from '../api/describeError';
import { formatDateTime } from '../meetings/format';
import { meetingKeys } from '../meetings/queries';
import { useNavigate } from '../shell/navigation';
import { useToast } from '../shell/Toaster';
import { Button, ButtonLink } from '../ui/Button';
import { ErrorState, LoadingState } from '../ui/States';
import { StatusBadge } from '../ui/StatusBadge';
import { useTeamHomeT, type TeamHomeT } from './i18n';
import { useHomeFollowsMeetings, useTeamHome } from './queries';
import { SourcesChart, SourceWords } from './SourcesChart';
import './team-home.css';

const STAGES: readonly JourneyStage[] = ['successes', 'problem-solving', 'peer-modeling'];

/** The meeting pulse's trend loads with its own chunk (MEASURE-PULSE-6), as the team page's later sections do. */
const PulseTrend = lazy(() =>
  import('../pulse/PulseTrend').then((module) => ({ default: module.PulseTrend })),
);

export function TeamHome({ groupId }: { groupId: string }) {
  const t = useTeamHomeT();
  const home = useTeamHome(groupId);
  useHomeFollowsMeetings(groupId);
  return (
    <div className="team-home" data-testid="team-home">
      {home.isPending ? <LoadingState /> : null}
      {home.isError ? <ErrorState error={home.error} onRetry={() => void home.refetch()} /> : null}
      {home.data ? <HomeSections home={home.data} t={t} /> : null}
    </div>
  );
}

function HomeSections({ home, t }: { home: Home; t: TeamHomeT }) {
  return (
    <>
      <NextMeeting meeting={home.nextMeeting} timeZone={home.timeZone} groupId={home.groupId} t={t} />
      <JourneyCard journey={home.journey} t={t} />
      <SinceYourLastVisit since={home.sinceLastVisit} t={t} />
      {/* DAY-PERF-4: sections with their own queries come after the home's first screen and draw nothing until
          their data is there, so they push nothing a phone is showing when they arrive. */}
      <OpenNextSteps groupId={home.groupId} />
      <PendingShares groupId={home.groupId} />
      <RecentSuccesses groupId={home.groupId} />
      <section className="section" aria-labelledby="team-home-sources">
        <h2 id="team-home-sources" className="section__title">
          {t('sources.title')}
        </h2>
        <p>{t('sources.intro')}</p>
        <SourcesChart sources={home.sources} t={t} />
        <SourceWords sources={home.sources} t={t} />
      </section>
      {/* MEASURE-PULSE-6: the team's meeting pulse, pooled so every number stands for enough answers. */}
      <Suspense fallback={null}>
        <PulseTrend groupId={home.groupId} />
      </Suspense>
      <MemoryDownloads groupId={home.groupId} t={t} />
    </>
  );
}

function NextMeeting({
  meeting,
  timeZone,
  groupId,
  t,
}: {
  meeting: HomeMeeting | null;
  timeZone: string;
  groupId: string;
  t: TeamHomeT;
}) {
  const { i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const toast = useToast();
  const describe = useDescribeError();
  const start = useMutation({
    mutationFn: (meetingId: string) => call('openMeeting', { params: { meetingId } }),
    onSuccess: (opened) => {
      queryClient.setQueryData(meetingKeys.meeting(opened.id), opened);
      void queryClient.invalidateQueries({ queryKey: meetingKeys.forGroup(groupId) });
      navigate(`/meetings/${opened.id}`);
    },
    onError: (error) => {
      toast(describe(error), 'error');
    },
  });
  return (
    <section
      className="section panel team-home__next"
      aria-labelledby="team-home-next"
      data-testid="next-meeting"
    >
      <h2 id="team-home-next" className="section__title">
        {t('next.title')}
      </h2>
      {meeting ? (
        <div className="row team-home__next-row">
          <div className="row__main">
            <span className="row__title">{meeting.title}</span>
            <span className="row__detail">
              {meeting.status === 'live' && meeting.startedAt
                ? t('next.startedAt', { time: formatDateTime(meeting.startedAt, i18n.language, timeZone) })
                : meeting.scheduledFor
                  ? formatDateTime(meeting.scheduledFor, i18n.language, timeZone)
                  : t('next.noDate')}
            </span>
            <span className="row__detail">
              {t('next.routines', { names: meeting.routineNames.join(' + '), minutes: meeting.totalMinutes })}
            </span>
            <span className="row__badges" data-testid="next-meeting-status">
              <StatusBadge tone={meeting.status === 'live' ? 'attention' : 'neutral'}>
                {meeting.status === 'live' ? t('next.live') : t('next.scheduled')}
              </StatusBadge>
            </span>
          </div>
          <div className="row__actions">
            {meeting.status === 'live' ? (
              <ButtonLink
                to={`/meetings/${meeting.id}`}
                variant="primary"
                aria-label={t('next.joinLabel', { title: meeting.title })}
              >
                {t('next.join')}
              </ButtonLink>
            ) : meeting.canStart ? (
              <Button
                variant="primary"
                aria-label={t('next.startLabel', { title: meeting.title })}
                onPress={() => start.mutate(meeting.id)}
                isDisabled={start.isPending}
              >
                {t('next.start')}
              </Button>
            ) : null}
          </div>
        </div>
      ) : (
        <p className="muted">{t('next.none')}</p>
      )}
    </section>
  );
}

function reasonText(r: JourneyReason, t: TeamHomeT): string {
  switch (r.kind) {
    case 'nothing-yet':
      return t('journey.reasons.nothingYet');
    case 'success-analyses':
      return t('journey.reasons.successAnalyses', { count: r.count });
    case 'presented':
      return t('journey.reasons.presented', { count: r.count ?? 0, of: r.of ?? 0 });
    case 'everyone-presented':
      return t('journey.reasons.everyonePresented');
    case 'dilemmas-brought':
      return t('journey.reasons.dilemmasBrought', { count: r.count });
    case 'dilemmas-resolved':
      return t('journey.reasons.dilemmasResolved', { count: r.count });
    case 'peer-modelings':
      return t('journey.reasons.peerModelings', { count: r.count });
    case 'least-recent':
      return t('journey.reasons.leastRecent', { routine: t(`journey.routines.${r.focus ?? 'success'}`) });
  }
}

function JourneyCard({ journey, t }: { journey: Journey; t: TeamHomeT }) {
  const { facts, suggestion } = journey;
  const here = STAGES.indexOf(journey.stage);
  const reason = suggestion.reasons.map((r) => reasonText(r, t)).join('; ');
  return (
    <section
      className="section panel team-home__journey"
      aria-labelledby="team-home-journey"
      data-testid="journey"
    >
      <h2 id="team-home-journey" className="section__title">
        {t('journey.title')}
      </h2>
      <p className="muted">{t('journey.intro')}</p>
      <ol className="journey-stages">
        {STAGES.map((stage, i) => (
          <li
            key={stage}
            className={
              i === here
                ? 'journey-stages__stage is-current'
                : i < here
                  ? 'journey-stages__stage is-done'
                  : 'journey-stages__stage'
            }
            aria-current={i === here ? 'step' : undefined}
          >
            <span className="journey-stages__number" aria-hidden="true">
              {i + 1}
            </span>
            <span>
              {t(`journey.stages.${stage}`)}
              {i === here ? <strong className="journey-stages__here"> · {t('journey.here')}</strong> : null}
            </span>
          </li>
        ))}
      </ol>
      <ul className="journey-facts">
        <li>{t('journey.facts.successAnalyses', { count: facts.successAnalyses })}</li>
        <li>{t('journey.facts.presented', { count: facts.membersPresented, of: facts.members })}</li>
        <li>{t('journey.facts.dilemmasBrought', { count: facts.dilemmasBrought })}</li>
        <li>{t('journey.facts.dilemmasResolved', { count: facts.dilemmasResolved })}</li>
        <li>{t('journey.facts.peerModelings', { count: facts.peerModelings })}</li>
      </ul>
      <div className="journey-suggestion" data-testid="journey-suggestion" data-rule={suggestion.rule}>
        <p className="journey-suggestion__what">
          <strong>{t('journey.suggestion', { routine: t(`journey.routines.${suggestion.focus}`) })}</strong>
        </p>
        <p>{t('journey.why', { reason })}</p>
        <p className="muted">{t('journey.decide')}</p>
      </div>
    </section>
  );
}

function SinceYourLastVisit({ since, t }: { since: SinceLastVisit; t: TeamHomeT }) {
  const { i18n } = useTranslation();
  const day = (iso: string) => formatDateTime(iso, i18n.language);
  const groups: {
    key: 'meetingsEnded' | 'successes' | 'dilemmasResolved' | 'nextStepsDone' | 'membersJoined';
    items: { id: string; label: string; to?: string }[];
  }[] = [
    {
      key: 'meetingsEnded',
      items: since.meetingsEnded.map((m) => ({ id: m.id, label: m.title, to: `/meetings/${m.id}/minutes` })),
    },
    { key: 'successes', items: since.successes.map((s) => ({ id: s.id, label: s.title })) },
    { key: 'dilemmasResolved', items: since.dilemmasResolved.map((s) => ({ id: s.id, label: s.title })) },
    {
      key: 'nextStepsDone',
      items: since.nextStepsDone.map((s) => ({ id: `${s.meetingId}:${s.itemId}`, label: s.text })),
    },
    { key: 'membersJoined', items: since.membersJoined.map((m) => ({ id: m.id, label: m.name })) },
  ];
  const any = groups.some((g) => g.items.length > 0);
  return (
    <section className="section" aria-labelledby="team-home-since" data-testid="since-last-visit">
      <h2 id="team-home-since" className="section__title">
        {t('since.title')}
      </h2>
      {since.since === null ? (
        <p>{t('since.welcome')}</p>
      ) : !any ? (
        <p className="muted">{t('since.nothing', { date: day(since.since) })}</p>
      ) : (
        <>
          <p>{t('since.lead', { date: day(since.since) })}</p>
          <div className="since-groups">
            {groups
              .filter((g) => g.items.length > 0)
              .map((g) => (
                <div key={g.key} className="since-groups__group">
                  <h3 className="since-groups__title">{t(`since.${g.key}`)}</h3>
                  <ul>
                    {g.items.map((item) => (
                      <li key={item.id}>
                        {item.to ? (
                          <Link to={item.to} aria-label={t('since.minutes', { title: item.label })}>
                            {item.label}
                          </Link>
                        ) : (
                          item.label
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
          </div>
        </>
      )}
    </section>
  );
}

function MemoryDownloads({ groupId, t }: { groupId: string; t: TeamHomeT }) {
  return (
    <section className="section" aria-labelledby="team-home-memory">
      <h2 id="team-home-memory" className="section__title">
        {t('memory.title')}
      </h2>
      <div className="actions">
        <a
          className="button button--secondary"
          href={pathFor(teamHomeApi.teamMemoryMarkdown.path, { groupId })}
          download
        >
          {t('memory.markdown')}
        </a>
        <a
          className="button button--secondary"
          href={pathFor(teamHomeApi.teamMemoryCsv.path, { groupId })}
          download
        >
          {t('memory.csv')}
        </a>
      </div>
      <p className="field__hint">{t('memory.hint')}</p>
    </section>
  );
}
