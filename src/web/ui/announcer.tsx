import { useSyncExternalStore } from 'react';

/**
 * The app's polite announcements for screen readers, as text (DAY-A11Y-1): a toast's message, a button that
 * has started working. Text, not a reference to an element by id, so an announcement still reads right after
 * the element that caused it has gone (a page that moved on). Rendered once by <Announcer /> (the toast
 * provider mounts it in every frame).
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

export function Announcer() {
  const text = useSyncExternalStore(
    subscribe,
    () => message,
    () => '',
  );
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="visually-hidden">
      {text}
    </div>
  );
}
