import { useParams } from 'react-router';
import type { MeetingSummary } from '#contracts/meetings-api';
import { Button } from '../../ui/Button';
import { usePageTitle } from '../../ui/Page';
import { ErrorState, LoadingState } from '../../ui/States';
import { classNames } from '../../ui/classNames';
import { useSoundPreference } from '../cue/sound';
import { useTimeUpCue } from '../cue/useTimeUpCue';
import { TimerStatusIcon, useLiveTimer } from '../device/TimerPanel';
import { speakerText } from '../device/StepGuide';
import { agendaName, currentStepOf, formatClock } from '../format';
import { formatMeetingCode } from '../format-code';
import { useMeetingsT } from '../i18n';
import { LiveMeetingProvider, useLiveMeeting } from '../live/LiveMeetingContext';
import { useLiveMeetingValue } from '../live/useLiveMeetingValue';
import { useMeetingSummary } from '../queries';
import { JoinQrCode } from './JoinQrCode';
import { useScreenWakeLock } from './useWakeLock';

/**
 * /meetings/:meetingId/projector — the shared screen: readable from the back of the room, high contrast,
 * no controls except a small pause for whoever may pause. Shown without the app's header (full screen).
 */
export function ProjectorPage() {
  const { meetingId = '' } = useParams();
  const summary = useMeetingSummary(meetingId);
  useScreenWakeLock();
  if (summary.isPending) return <LoadingState />;
  if (summary.isError) return <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />;
  return <LiveProjector key={meetingId} summary={summary.data} />;
}

function LiveProjector({ summary }: { summary: MeetingSummary }) {
  const live = useLiveMeetingValue(summary);
  return (
    <LiveMeetingProvider value={live}>
      <ProjectorView />
    </LiveMeetingProvider>
  );
}

function ProjectorView() {
  const t = useMeetingsT();
  const { state, summary, snapshot, nameOf } = useLiveMeeting();
  const current = currentStepOf(state);
  usePageTitle(t('projector.documentTitle', { meeting: summary.title }));

  if (state.phase === 'empty' || state.phase === 'lobby') {
    return (
      <div className="projector projector--lobby">
        <div className="projector__main">
          <p className="projector__eyebrow">{agendaName(summary)}</p>
          <h1 className="projector__title">{summary.title}</h1>
          <p className="projector__purpose">
            {state.phase === 'lobby'
              ? t('projector.startingSoon')
              : snapshot.joinProblem
                ? snapshot.joinProblem.message
                : t('connection.joining')}
          </p>
        </div>
        <JoinPanel large />
      </div>
    );
  }
  if (state.phase === 'ended' || !current) {
    return (
      <div className="projector projector--ended">
        <div className="projector__main">
          <p className="projector__eyebrow">{summary.title}</p>
          <h1 className="projector__title">{t('projector.thanks')}</h1>
          <p className="projector__purpose">{t('projector.minutesReady')}</p>
        </div>
      </div>
    );
  }

  const { step } = current;
  return (
    <div className="projector">
      <div className="projector__main">
        <p className="projector__eyebrow">
          {current.partCount > 1
            ? t('device.routineOf', {
                n: current.part + 1,
                total: current.partCount,
                name: current.routineName,
              })
            : current.routineName}{' '}
          <span aria-hidden="true">·</span>{' '}
          {t('device.stepOf', { n: current.numberInPart, total: current.stepsInPart })}
        </p>
        <h1 className="projector__title" data-testid="step-title">
          {step.title}
        </h1>
        <p className="projector__purpose">{step.purpose}</p>
        <h2 className="visually-hidden">{t('projector.currentPrompt')}</h2>
        <ul className="projector__prompts">
          {(step.kind === 'final' && step.finalPrompts
            ? [step.finalPrompts.learned, step.finalPrompts.nextSteps, step.finalPrompts.sources]
            : step.prompts
          ).map((prompt) => (
            <li key={prompt}>{prompt}</li>
          ))}
        </ul>
        <dl className="projector__facts">
          <div>
            <dt>{t('speaker.label')}</dt>
            <dd>{speakerText(t, step.speaker, state.roles.presenter, nameOf)}</dd>
          </div>
          {step.norm ? (
            <div>
              <dt>{t('device.norm')}</dt>
              <dd>{step.norm}</dd>
            </div>
          ) : null}
        </dl>
      </div>
      <div className="projector__side">
        <ProjectorTimer />
        <JoinPanel />
      </div>
    </div>
  );
}

function ProjectorTimer() {
  const t = useMeetingsT();
  const { state, snapshot, summary, can, send } = useLiveMeeting();
  const { timer, remainingMs, timeUp } = useLiveTimer(state, snapshot.clockOffsetMs);
  const [soundOn] = useSoundPreference();
  useTimeUpCue(summary.id, timer, soundOn);
  if (!timer) return null;
  const status = timeUp ? 'time-up' : timer.status;
  return (
    <section
      className={classNames('projector-timer', timeUp && 'projector-timer--time-up')}
      aria-labelledby="projector-timer-label"
    >
      <h2 id="projector-timer-label" className="visually-hidden">
        {t('timer.label')}
      </h2>
      <div
        role="timer"
        aria-labelledby="projector-timer-label"
        className="projector-timer__clock"
        data-testid="timer"
      >
        {formatClock(remainingMs)}
      </div>
      <p className="projector-timer__status">
        <TimerStatusIcon status={status} />
        <span>{timeUp ? t('timer.timeUp') : t(`timer.${timer.status}`)}</span>
      </p>
      {(timer.status === 'running' && can.pauseTimer) || (timer.status === 'paused' && can.resumeTimer) ? (
        <Button
          variant="quiet"
          onPress={() => void send({ type: timer.status === 'running' ? 'pauseTimer' : 'resumeTimer' })}
        >
          {timer.status === 'running' ? t('projector.pause') : t('projector.resume')}
        </Button>
      ) : null}
    </section>
  );
}

function JoinPanel({ large = false }: { large?: boolean }) {
  const t = useMeetingsT();
  const { summary } = useLiveMeeting();
  const meetingUrl = `${window.location.origin}/meetings/${summary.id}`;
  const joinPage = `${window.location.host}/join-meeting`;
  const code = formatMeetingCode(summary.joinCode);
  return (
    <section
      className={classNames('projector-join', large && 'projector-join--large')}
      aria-labelledby="projector-join-heading"
    >
      <JoinQrCode url={meetingUrl} label={t('projector.qrLabel', { url: meetingUrl })} />
      <div className="projector-join__text">
        <h2 id="projector-join-heading" className="projector-join__title">
          {t('projector.joinTitle')}
        </h2>
        <p className="projector-join__code">
          <span aria-hidden="true" data-testid="join-code">
            {code}
          </span>
          {/* Read out letter by letter, which is how people will type it. */}
          <span className="visually-hidden">
            {t('projector.codeLabel', { code: summary.joinCode.split('').join(' ') })}
          </span>
        </p>
      </div>
      <p className="projector-join__url">
        {t('projector.orGoTo')} <strong>{joinPage}</strong> {t('projector.andTypeCode')}
      </p>
    </section>
  );
}
