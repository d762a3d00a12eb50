import { useSyncExternalStore } from 'react';

/**
 * Quiet confirmations for screen-reader users ("Question added."): said once by a polite live region, not
 * shown as toasts, because the new item appearing in its list is the visible confirmation, and toasts
 * would sit on top of the controls people use next.
 */
let message = '';
const listeners = new Set<() => void>();

export function announce(text: string): void {
  // Re-setting the same text would not be announced again; a zero-width space makes it new.
  message = message === text ? `${text}\u200b` : text;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function PoliteAnnouncer() {
  const text = useSyncExternalStore(
    subscribe,
    () => message,
    () => '',
  );
  return (
    <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {text}
    </p>
  );
}
