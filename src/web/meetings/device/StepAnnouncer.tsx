import { useState } from 'react';
import { currentStepOf } from '../format';
import { useMeetingsT } from '../i18n';
import { useLiveMeeting } from '../live/LiveMeetingContext';

/**
 * Says "Step 3 of 6: Clarifying questions" when the meeting moves, wherever focus is, and "Timer paused" /
 * "Timer running" when the timer changes: discrete changes only; the countdown speaks in TimerPanel.
 */
export function StepAnnouncer() {
  const t = useMeetingsT();
  const { state } = useLiveMeeting();
  const current = currentStepOf(state);
  const stepKey = current ? `${current.index}` : state.phase;
  const timerStatus = current ? state.steps[current.index]?.timer : undefined;
  const [message, setMessage] = useState('');
  const [seen, setSeen] = useState({ stepKey, timerStatus });
  // Adjusting state while rendering when the step or the timer changes. Nothing is said on arrival:
  // the page heading says where we are.
  if (seen.stepKey !== stepKey || seen.timerStatus !== timerStatus) {
    setSeen({ stepKey, timerStatus });
    if (seen.stepKey !== stepKey) {
      setMessage(
        current
          ? [
              // Entering the next routine of the agenda is said first, so nobody misses the change of routine.
              current.partCount > 1 && current.numberInPart === 1
                ? t('device.routineOf', {
                    n: current.part + 1,
                    total: current.partCount,
                    name: current.routineName,
                  })
                : '',
              t('device.stepAnnouncement', {
                n: current.numberInPart,
                total: current.stepsInPart,
                title: current.step.title,
              }),
            ]
              .filter(Boolean)
              .join('. ')
          : '',
      );
    } else if (timerStatus === 'paused' || timerStatus === 'running') {
      setMessage(timerStatus === 'paused' ? t('timer.announcePaused') : t('timer.announceRunning'));
    }
  }

  return (
    <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </p>
  );
}
