/**
 * The optional end-of-step sound: a soft two-note chime made with Web Audio (no audio file), off by default,
 * remembered per browser. Browsers only let a page make sound after a person's gesture, so turning the
 * setting on (a click) prepares the audio and plays the chime once, so people know what to expect.
 */
import { useCallback, useSyncExternalStore } from 'react';

const STORAGE_KEY = 'ensemble.meetings.endOfStepSound';
const LAST_CUE_KEY = 'ensemble.meetings.lastCue';
const changeListeners = new Set<() => void>();

function readPreference(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false; // storage blocked (private mode, kiosk policy): the sound simply stays off
  }
}

function subscribe(listener: () => void): () => void {
  changeListeners.add(listener);
  // Another tab (the projector window) changing the setting updates this one too.
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    changeListeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useSoundPreference(): [boolean, (on: boolean) => void] {
  const enabled = useSyncExternalStore(subscribe, readPreference, () => false);
  const setEnabled = useCallback((on: boolean) => {
    try {
      localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
    } catch {
      // Not remembered, but still honoured for this page below.
    }
    for (const listener of changeListeners) listener();
    if (on) {
      prepareAudio();
      playSoftChime();
    }
  }, []);
  return [enabled, setEnabled];
}

let audio: AudioContext | null = null;

function prepareAudio(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null;
  audio ??= new AudioContext();
  if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
  return audio;
}

/** Two quiet sine notes, falling a third, with soft edges: noticeable, never alarming. */
export function playSoftChime(): void {
  const context = prepareAudio();
  if (!context) return;
  const start = context.currentTime + 0.05;
  [659.25, 523.25].forEach((frequency, i) => {
    const at = start + i * 0.35;
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(0.12, at + 0.04);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.9);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + 1);
  });
}

/**
 * Whether this tab should sound the cue `cueId`: the device view and the projector are often open in the
 * same browser, and the room should hear one chime, not two.
 */
export function claimCue(cueId: string): boolean {
  try {
    if (localStorage.getItem(LAST_CUE_KEY) === cueId) return false;
    localStorage.setItem(LAST_CUE_KEY, cueId);
  } catch {
    // Without storage each tab decides alone.
  }
  return true;
}
