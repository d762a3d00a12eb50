import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useParams } from 'wouter';
import type { MeetingSummary } from '#contracts/meetings-api';
import { call, isApiRequestError } from '../../api/client';
import { useDescribeError } from '../../api/describeError';
import { ButtonLink, Button } from '../../ui/Button';
import { FormAlert } from '../../ui/FormAlert';
import { Notice } from '../../ui/Notice';
import { usePageTitle } from '../../ui/Page';
import { ErrorState, LoadingState } from '../../ui/States';
import { agendaName, currentStepOf } from '../format';
import { useMeetingsT } from '../i18n';
import { useNavigationFocus } from '../useNavigationFocus';
import { LiveMeetingProvider, useLiveMeeting } from '../live/LiveMeetingContext';
import { useLiveMeetingValue } from '../live/useLiveMeetingValue';
import { meetingKeys, useMeetingSummary } from '../queries';
import { ActionItems } from './ActionItems';
import { WaitingGuests } from '../guests/WaitingGuests';
import { isGuest } from '#core/meeting/index';
import { ConnectionBanner } from './ConnectionBanner';
import { FacilitatorSettings, StepNavigation } from './FacilitatorControls';
import { PresenceList } from './PresenceList';
import { PrivateReflections } from './PrivateReflections';
import { StepAnnouncer } from './StepAnnouncer';
import { StepList } from './StepList';
import { reflectionLeads, StepTools } from './StepTools';
import { SoundSetting, TimerPanel } from './TimerPanel';

/**
 * What only the lobby draws loads apart (DAY-PERF-5): a started meeting never needs it. It starts loading as
 * soon as the summary says the meeting has not started, while the device joins the room.
 */
const loadLobby = () => import('./Lobby');
const Lobby = lazy(() => loadLobby().then((module) => ({ default: module.Lobby })));
/** Only Peer Modeling needs its plan, observations and visit-note sharing: loaded apart (page weight). */
const PeerModelingPanel = lazy(() =>
  import('../../peer-modeling/PeerModelingPanel').then((m) => ({ default: m.PeerModelingPanel })),
);

/** FOLLOW-PANEL-1: the follow-up of earlier next steps, only when the meeting carried some (loaded apart). */
const FollowUpPanel = lazy(() =>
  import('../../next-steps/FollowUpPanel').then((m) => ({ default: m.FollowUpPanel })),
);

/** /meetings/:meetingId — the meeting on each participant's own device. */
export function MeetingPage() {
  const t = useMeetingsT();
  const { meetingId = '' } = useParams();
  const summary = useMeetingSummary(meetingId);

  if (summary.isPending) return <LoadingState />;
  if (summary.isError) {
    return (
      <div className="page page--narrow stack">
        <ErrorState
          error={summary.error}
          {...(isApiRequestError(summary.error) && summary.error.status < 500
            ? {}
            : { onRetry: () => void summary.refetch() })}
        />
        <ButtonLink to="/">{t('common.backToTeam')}</ButtonLink>
      </div>
    );
  }
  // SERIES-MOVE-2: a cancelled meeting says so, and is never opened.
  if (summary.data.status === 'scheduled' || summary.data.status === 'cancelled')
    return <NotOpenYet summary={summary.data} />;
  if (summary.data.status === 'ended') return <EndedMeeting summary={summary.data} />;
  return <LiveDeviceView key={meetingId} summary={summary.data} />;
}

function LiveDeviceView({ summary }: { summary: MeetingSummary }) {
  const live = useLiveMeetingValue(summary);
  const notStarted = summary.startedAt === null;
  useEffect(() => {
    if (notStarted) {
      loadLobby().catch(() => {
        // Only a head start: the lobby shows the failure when it renders (RouteError, with a way to reload).
      });
    }
  }, [notStarted]);
  return (
    <LiveMeetingProvider value={live}>
      <DeviceView />
    </LiveMeetingProvider>
  );
}

/** The device view of the meeting in context; also a meeting guest's (src/web/meetings/guests). */
export function DeviceView() {
  const t = useMeetingsT();
  const { state, summary, snapshot, meId } = useLiveMeeting();
  const current = currentStepOf(state);
  // Peer Modeling: the plan leads the Observe step when there is one; shared visit notes are beside every step.
  const part = state.agenda[state.currentPart];
  const peerModeling = part?.routine.focus === 'observed-practice';
  const planFirst = peerModeling && current?.step.kind === 'observe' && part.plan !== null;

  return (
    <div className="meeting">
      <MeetingHeader />
      <ConnectionBanner />
      <StepAnnouncer />
      {state.phase === 'empty' && !snapshot.joinProblem ? (
        <LoadingState label={t('connection.joining')} />
      ) : null}
      {state.phase === 'lobby' ? (
        <div className="meeting-layout">
          <div className="meeting-layout__main stack">
            {state.followUps.length ? (
              <Suspense fallback={null}>
                <FollowUpPanel />
              </Suspense>
            ) : null}
            <Suspense fallback={<LoadingState />}>
              <Lobby waiting={<WaitingGuests />} />
            </Suspense>
          </div>
          <aside className="meeting-layout__side stack" aria-label={t('device.people')}>
            <PresenceList />
          </aside>
        </div>
      ) : null}
      {state.phase === 'running' && current ? (
        <div className="meeting-layout">
          <div className="meeting-layout__main stack" data-testid="step-work">
            <TimerPanel current={current} />
            <StepNavigation current={current} />
            {planFirst ? (
              <Suspense fallback={null}>
                <PeerModelingPanel section="plan" />
              </Suspense>
            ) : null}
            <StepTools step={current.step} stepId={current.stepId} />
            {state.followUps.length && state.currentStepIndex === 0 ? (
              <Suspense fallback={null}>
                <FollowUpPanel />
              </Suspense>
            ) : null}
          </div>
          <aside className="meeting-layout__side stack" aria-label={t('device.details')}>
            {/* Personal, so beside the shared work on a wide screen; right after it on a phone. */}
            {reflectionLeads(current.step) ? null : <PrivateReflections stepId={current.stepId} />}
            {/* Visit notes shared into a Peer Modeling part, and sharing one's own (DAY-DEVICE-4: after the step). */}
            {peerModeling ? (
              <Suspense fallback={null}>
                <PeerModelingPanel section="observations" />
              </Suspense>
            ) : null}
            <WaitingGuests onlyWhenWaiting />
            <PresenceList />
            {current.step.kind === 'final' ? null : <ActionItems collapsed />}
            <FacilitatorSettings current={current} />
            <SoundSetting />
            <StepList />
          </aside>
        </div>
      ) : null}
      {state.phase === 'ended' ? (
        <div className="meeting-layout">
          <div className="meeting-layout__main stack">
            <Notice tone="success" title={t('device.endedTitle')}>
              <p>{t('device.endedBody')}</p>
            </Notice>
            {/* The minutes are the team's: a meeting guest's place ends with the meeting (DAY-FIRST-5). */}
            {isGuest(state, meId) ? null : (
              <div className="actions">
                <ButtonLink to={`/meetings/${summary.id}/minutes`} variant="primary">
                  {t('device.openMinutes')}
                </ButtonLink>
              </div>
            )}
            <ActionItems />
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** Routine, step n of m and the step's title: the one <h1>, focused after navigating here. */
function MeetingHeader() {
  const t = useMeetingsT();
  const { state, summary } = useLiveMeeting();
  const current = currentStepOf(state);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const title = current
    ? current.step.title
    : state.phase === 'ended'
      ? t('device.endedTitle')
      : summary.title;
  usePageTitle(t('device.documentTitle', { step: title, meeting: summary.title }));
  useNavigationFocus(headingRef);

  return (
    <header className="meeting-header">
      <p className="meeting-header__eyebrow">
        <span>
          {current && current.partCount > 1
            ? t('device.routineOf', {
                n: current.part + 1,
                total: current.partCount,
                name: current.routineName,
              })
            : (current?.routineName ?? agendaName(summary))}
        </span>
        {current ? (
          <>
            <span aria-hidden="true"> · </span>
            <span>{t('device.stepOf', { n: current.numberInPart, total: current.stepsInPart })}</span>
          </>
        ) : null}
      </p>
      <h1 ref={headingRef} tabIndex={-1} className="meeting-header__title" data-testid="step-title">
        {title}
      </h1>
      <p className="meeting-header__meeting">
        {/* The meeting's title is the <h1> until a step is current. */}
        {current ? `${summary.title} · ` : ''}
        {summary.groupName}
        {summary.canRun ? (
          <>
            {' · '}
            {/* A new tab loads the page itself: a plain link (the router's would open it in this tab). */}
            <a href={`/meetings/${summary.id}/projector`} target="_blank">
              {t('device.projector')} <span className="visually-hidden">{t('device.projectorHint')}</span>
            </a>
          </>
        ) : null}
      </p>
      {current ? (
        <div
          className="meeting-progress"
          role="progressbar"
          aria-label={t('device.progress')}
          aria-valuemin={1}
          aria-valuemax={current.total}
          aria-valuenow={current.index + 1}
          aria-valuetext={t('device.agendaStepOf', { n: current.index + 1, total: current.total })}
        >
          <span
            className="meeting-progress__bar"
            style={{ width: `${((current.index + 1) / current.total) * 100}%` }}
          />
        </div>
      ) : null}
    </header>
  );
}

function NotOpenYet({ summary }: { summary: MeetingSummary }) {
  const t = useMeetingsT();
  const queryClient = useQueryClient();
  const describe = useDescribeError();
  const headingRef = useRef<HTMLHeadingElement>(null);
  usePageTitle(summary.title);
  useNavigationFocus(headingRef);
  const cancelled = summary.status === 'cancelled';
  const open = useMutation({
    mutationFn: () => call('openMeeting', { params: { meetingId: summary.id } }),
    onSuccess: (opened) => {
      queryClient.setQueryData(meetingKeys.meeting(summary.id), opened);
      void queryClient.invalidateQueries({ queryKey: meetingKeys.forGroup(summary.groupId) });
    },
  });
  return (
    <div className="page page--narrow stack">
      <header className="meeting-header">
        <p className="meeting-header__eyebrow">{agendaName(summary)}</p>
        <h1 ref={headingRef} tabIndex={-1} className="meeting-header__title">
          {summary.title}
        </h1>
        <p className="meeting-header__meeting">{summary.groupName}</p>
      </header>
      <Notice
        tone="info"
        title={t(cancelled ? 'device.cancelledTitle' : 'device.notOpenTitle')}
        role="status"
      >
        <p>{t(cancelled ? 'device.cancelledBody' : 'device.notOpenBody')}</p>
      </Notice>
      {open.error ? <FormAlert messages={[describe(open.error)]} /> : null}
      {summary.canRun && !cancelled ? (
        <div className="actions">
          <Button
            variant="primary"
            onPress={() => {
              open.mutate();
            }}
            isDisabled={open.isPending}
          >
            {t('device.openLive')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

function EndedMeeting({ summary }: { summary: MeetingSummary }) {
  const t = useMeetingsT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  usePageTitle(summary.title);
  useNavigationFocus(headingRef);
  return (
    <div className="page page--narrow stack">
      <header className="meeting-header">
        <p className="meeting-header__eyebrow">{agendaName(summary)}</p>
        <h1 ref={headingRef} tabIndex={-1} className="meeting-header__title">
          {summary.title}
        </h1>
        <p className="meeting-header__meeting">{summary.groupName}</p>
      </header>
      <Notice tone="success" title={t('device.endedTitle')}>
        <p>{t('device.endedBody')}</p>
      </Notice>
      <div className="actions">
        <ButtonLink to={`/meetings/${summary.id}/minutes`} variant="primary">
          {t('device.openMinutes')}
        </ButtonLink>
      </div>
    </div>
  );
}
