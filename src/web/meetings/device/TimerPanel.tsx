import { useState } from 'react';
import { currentTimer, remainingForClient, type MeetingState, type StepTimer } from '#core/meeting/index';
import { classNames } from '../../ui/classNames';
import { useSoundPreference } from '../cue/sound';
import { useTimeUpCue } from '../cue/useTimeUpCue';
import { ToggleSwitch } from '../fields';
import { formatClock, wholeMinutesLeft } from '../format';
import { useMeetingsT } from '../i18n';
import { MeetingIcon } from '../MeetingIcon';
import { useLiveMeeting } from '../live/LiveMeetingContext';
import { useClientNow } from '../live/useServerNow';

export interface LiveTimer {
  readonly timer: StepTimer | null;
  /** From core `remainingForClient`: the server's remaining time at this client's corrected clock. */
  readonly remainingMs: number;
  readonly timeUp: boolean;
}

/** The current step's timer at server time, refreshed four times a second while it runs. */
export function useLiveTimer(state: MeetingState, clockOffsetMs: number): LiveTimer {
  const running = state.currentStepIndex !== null && state.steps[state.currentStepIndex]?.timer === 'running';
  const clientNow = useClientNow(running);
  const timer = currentTimer(state, clientNow + clockOffsetMs);
  const remainingMs = remainingForClient(state, clientNow, clockOffsetMs);
  return { timer, remainingMs, timeUp: timer !== null && timer.status !== 'idle' && remainingMs === 0 };
}

/**
 * Announces the countdown politely at whole-minute changes ("3 minutes left") and once when time is up,
 * never every second. Nothing is said on arrival or when the step changes (StepAnnouncer speaks then).
 */
function useMinuteAnnouncement(timer: StepTimer | null, remainingMs: number): string {
  const t = useMeetingsT();
  const [message, setMessage] = useState('');
  const minutes = wholeMinutesLeft(remainingMs);
  const stepId = timer?.stepId ?? null;
  const [seen, setSeen] = useState({ stepId, minutes });
  // Adjusting state while rendering (not in an effect) when the whole minute changes: one extra render, no flash.
  if (seen.stepId !== stepId || seen.minutes !== minutes) {
    setSeen({ stepId, minutes });
    if (seen.stepId === stepId && timer?.status === 'running') {
      setMessage(minutes === 0 ? t('timer.announceTimeUp') : t('timer.minutesLeft', { count: minutes }));
    }
  }
  return message;
}

export function TimerPanel() {
  const t = useMeetingsT();
  const { state, snapshot, summary } = useLiveMeeting();
  const { timer, remainingMs, timeUp } = useLiveTimer(state, snapshot.clockOffsetMs);
  const [soundOn, setSoundOn] = useSoundPreference();
  useTimeUpCue(summary.id, timer, soundOn);
  const announcement = useMinuteAnnouncement(timer, remainingMs);
  if (!timer) return null;

  const statusText = timeUp ? t('timer.timeUp') : t(`timer.${timer.status}`);
  return (
    <section
      className={classNames(
        'panel timer',
        timeUp && 'timer--time-up',
        timer.status === 'paused' && 'timer--paused',
      )}
      aria-labelledby="timer-label"
    >
      <h2 id="timer-label" className="timer__label">
        {t('timer.label')}
      </h2>
      <div
        role="timer"
        aria-labelledby="timer-label"
        aria-atomic="true"
        className="timer__clock"
        data-testid="timer"
      >
        {formatClock(remainingMs)}
      </div>
      <p className="timer__status" data-testid="timer-status">
        <TimerStatusIcon status={timeUp ? 'time-up' : timer.status} />
        <span>{statusText}</span>
        {timeUp && timer.overrunMs >= 1000 ? (
          <span className="timer__over">· {t('timer.over', { time: formatClock(timer.overrunMs) })}</span>
        ) : null}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      <ToggleSwitch
        className="timer__sound"
        label={t('timer.sound')}
        description={t('timer.soundHint')}
        isSelected={soundOn}
        onChange={setSoundOn}
      />
    </section>
  );
}

/** The status shown by shape as well as by word: a bell when time is up, two bars when paused. */
export function TimerStatusIcon({ status }: { status: 'idle' | 'running' | 'paused' | 'time-up' }) {
  const name =
    status === 'time-up' ? 'bell' : status === 'running' ? 'play' : status === 'paused' ? 'pause' : 'idle';
  return <MeetingIcon name={name} className="icon timer__icon" />;
}
