import { useParams } from 'wouter';
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
import { addMeetingsStrings, useMeetingsT } from '../i18n';
import { LiveMeetingProvider, useLiveMeeting } from '../live/LiveMeetingContext';
import { useLiveMeetingValue } from '../live/useLiveMeetingValue';
import { useMeetingSummary } from '../queries';
import { meetingJoinLinks } from '../join-links';
import { JoinQrCode } from './JoinQrCode';
import { hasWallWork, wallWorkOf, type WallWork } from './wall';
import { useScreenWakeLock } from './useWakeLock';
import { projectorStrings } from './strings.en';
import { joinProblemMessage } from '../device/ConnectionBanner';

addMeetingsStrings(projectorStrings, { es: () => import('./strings.es').then((m) => m.projectorStrings) });

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
  // DAY-PROJ-3: joined as a shared screen, so no private reflection is ever sent here.
  const live = useLiveMeetingValue(summary, 'projector');
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
                ? joinProblemMessage(t, snapshot.joinProblem.code)
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
  const work = wallWorkOf(state, current.stepId, step.kind, current.part);
  const showsWork = hasWallWork(work);
  // With the team's work on the wall, who speaks and the norm move beside it, under the join panel.
  const facts = (
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
  );
  return (
    <div className={classNames('projector', showsWork && 'projector--with-work')}>
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
        {showsWork ? <WallWorkPanel work={work} final={step.kind === 'final'} /> : null}
        {showsWork ? null : facts}
      </div>
      <div className="projector__side">
        <ProjectorTimer />
        <JoinPanel />
        {showsWork ? facts : null}
      </div>
    </div>
  );
}

/** The team's shared work as it is written, large enough to read from the back of the room (DAY-PROJ-2). */
function WallWorkPanel({ work, final }: { work: WallWork; final: boolean }) {
  const t = useMeetingsT();
  const { state, nameOf } = useLiveMeeting();
  const focus = state.agenda[state.currentPart]?.routine.focus ?? 'success';
  return (
    <section className="wall" aria-labelledby="wall-heading" data-testid="projector-work">
      <h2 id="wall-heading" className="visually-hidden">
        {t('projector.teamWork')}
      </h2>
      {work.presentation ? (
        <div className="wall__block">
          <h3 className="wall__label">{t(`focus.${focus}`)}</h3>
          <p className="wall__title">{work.presentation.title}</p>
          {work.presentation.summary ? <p className="wall__text">{work.presentation.summary}</p> : null}
        </div>
      ) : null}
      {work.questions && work.questions.shown.length > 0 ? (
        <div className="wall__block">
          <h3 className="wall__label">
            {t('questions.title')} ({work.questions.shown.length + work.questions.more})
          </h3>
          <ul className="wall__list" data-testid="projector-questions">
            {work.questions.shown.map((q) => (
              <li key={q.id} className="wall__card">
                <span className="wall__kind">{t(`questions.${q.kind}`)}</span> {q.text}
              </li>
            ))}
          </ul>
          {work.questions.more > 0 ? (
            <p className="wall__more">{t('projector.earlier', { count: work.questions.more })}</p>
          ) : null}
        </div>
      ) : null}
      {work.note ? (
        <div className="wall__block">
          <h3 className="wall__label">{final ? t('note.learnedTitle') : t('note.title')}</h3>
          <p className="wall__text" data-testid="projector-note">
            {work.note}
          </p>
        </div>
      ) : null}
      {work.nextSteps && work.nextSteps.shown.length > 0 ? (
        <div className="wall__block">
          <h3 className="wall__label">{t('actions.title')}</h3>
          <ul className="wall__list" data-testid="projector-next-steps">
            {work.nextSteps.shown.map((item) => (
              <li key={item.id} className="wall__card">
                {item.text} <span className="wall__who">· {nameOf(item.ownerId)}</span>
              </li>
            ))}
          </ul>
          {work.nextSteps.more > 0 ? (
            <p className="wall__more">{t('projector.earlier', { count: work.nextSteps.more })}</p>
          ) : null}
        </div>
      ) : null}
      {work.sources && work.sources.shown.length > 0 ? (
        <div className="wall__block">
          <h3 className="wall__label">{t('tags.title')}</h3>
          <ul className="wall__list" data-testid="projector-sources">
            {work.sources.shown.map((tag) => (
              <li key={tag.id} className="wall__card">
                <span className="wall__kind">{t(`sources.${tag.source}.name`)}:</span> {tag.why}
              </li>
            ))}
          </ul>
          {work.sources.more > 0 ? (
            <p className="wall__more">{t('projector.earlier', { count: work.sources.more })}</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function ProjectorTimer() {
  const t = useMeetingsT();
  const { state, snapshot, summary, can, send } = useLiveMeeting();
  const { timer, remainingMs, timeUp, data } = useLiveTimer(state, snapshot.clockOffsetMs);
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
        {...data}
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
  const { url: meetingUrl, page: joinPage } = meetingJoinLinks(summary);
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
