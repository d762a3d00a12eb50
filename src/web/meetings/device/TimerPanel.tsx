import { useState } from 'react';
import { currentTimer, remainingForClient, type MeetingState, type StepTimer } from '#core/meeting/index';
import { classNames } from '../../ui/classNames';
import { useSoundPreference } from '../cue/sound';
import { useTimeUpCue } from '../cue/useTimeUpCue';
import { ToggleSwitch } from '../../ui/ToggleSwitch';
import { formatClock, wholeMinutesLeft, type CurrentStep } from '../format';
import { useMeetingsT } from '../i18n';
import { MeetingIcon } from '../MeetingIcon';
import { useLiveMeeting } from '../live/LiveMeetingContext';
import { useTimerClock } from '../live/useServerNow';
import { TimerButtons } from './FacilitatorControls';

export interface LiveTimer {
  readonly timer: StepTimer | null;
  /** From core `remainingForClient`: the server's remaining time at this client's corrected clock. */
  readonly remainingMs: number;
  readonly timeUp: boolean;
  /** DAY-TIMER-6: on the clock element, so screens can be compared at one instant (e2e). */
  readonly data: { readonly 'data-remaining-ms': number; readonly 'data-client-now': number };
}

/** The current step's timer at server time, refreshed four times a second and at each new second while it runs. */
export function useLiveTimer(state: MeetingState, clockOffsetMs: number): LiveTimer {
  const clientNow = useTimerClock(state, clockOffsetMs);
  const timer = currentTimer(state, clientNow + clockOffsetMs);
  const remainingMs = remainingForClient(state, clientNow, clockOffsetMs);
  return {
    timer,
    remainingMs,
    timeUp: timer !== null && timer.status !== 'idle' && remainingMs === 0,
    data: { 'data-remaining-ms': remainingMs, 'data-client-now': clientNow },
  };
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

/**
 * The compact timer bar (DAY-DEVICE-2): the clock, its status in words and by shape, and (for the facilitator
 * and the timekeeper) the timer buttons on the same line, so the step's own tool is on a phone's first screen.
 */
export function TimerPanel({ current }: { current: CurrentStep }) {
  const t = useMeetingsT();
  const { state, snapshot, summary } = useLiveMeeting();
  const { timer, remainingMs, timeUp, data } = useLiveTimer(state, snapshot.clockOffsetMs);
  const [soundOn] = useSoundPreference();
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
      <div className="timer__readout">
        <h2 id="timer-label" className="timer__label">
          {t('timer.label')}
        </h2>
        <div
          role="timer"
          aria-labelledby="timer-label"
          aria-atomic="true"
          className="timer__clock"
          data-testid="timer"
          {...data}
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
      </div>
      <TimerButtons current={current} />
      <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </section>
  );
}

/** The time-up sound is a choice for this device, so it sits with the person's own things, not on the timer. */
export function SoundSetting() {
  const t = useMeetingsT();
  const [soundOn, setSoundOn] = useSoundPreference();
  return (
    <section className="panel device-settings" aria-label={t('timer.soundSection')}>
      <ToggleSwitch
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
