import { useEffect } from 'react';

/** Keeps the shared screen from dimming mid-meeting, where the browser allows it (Wake Lock API). */
export function useScreenWakeLock(): void {
  useEffect(() => {
    if (!('wakeLock' in navigator)) return;
    let lock: WakeLockSentinel | null = null;
    let released = false;
    const request = () => {
      if (document.visibilityState !== 'visible') return;
      navigator.wakeLock.request('screen').then(
        (sentinel) => {
          if (released) void sentinel.release();
          else lock = sentinel;
        },
        () => undefined, // refused (battery saver, policy): the screen may dim, nothing else changes
      );
    };
    request();
    // The lock ends when the tab is hidden; ask again when it is shown.
    document.addEventListener('visibilitychange', request);
    return () => {
      released = true;
      document.removeEventListener('visibilitychange', request);
      void lock?.release();
    };
  }, []);
}
