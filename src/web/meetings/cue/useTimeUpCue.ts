import { useEffect, useRef } from 'react';
import type { StepTimer } from '#core/meeting/index';
import { claimCue, playSoftChime } from './sound';

/**
 * Plays the soft chime once when a running step's time reaches zero while this page watches (not when a
 * page opens on a step that is already over time). An extension followed by a new zero chimes again.
 */
export function useTimeUpCue(meetingId: string, timer: StepTimer | null, soundOn: boolean): void {
  const wasCounting = useRef<string | null>(null);
  const timeUp = timer !== null && timer.status === 'running' && timer.remainingMs === 0;
  const cueId = timer ? `${meetingId}:${timer.stepId}:${timer.plannedMs + timer.extensionsMs}` : null;

  useEffect(() => {
    if (!timer || !cueId) return;
    if (!timeUp) {
      if (timer.status === 'running') wasCounting.current = cueId;
      return;
    }
    if (wasCounting.current === cueId) {
      wasCounting.current = null;
      if (soundOn && claimCue(cueId)) playSoftChime();
    }
  }, [timer, cueId, timeUp, soundOn]);
}
