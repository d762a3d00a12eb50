import { useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';

/**
 * The app's polite announcements for screen readers, as text (DAY-A11Y-1): a toast's message, a button that
 * has started working. Text, not a reference to an element by id, so an announcement still reads right after
 * the element that caused it has gone (a page that moved on). The toast provider renders <Announcer /> in
 * every frame, and one more inside the innermost open modal dialog (WEB-SHELL-4; outside it the page is
 * inert): only the active one speaks. A message no region on the page has shown yet (its dialog closed in
 * the same render) is shown by the region that becomes active; one already shown is not said again.
 */
interface Message {
  readonly text: string;
  /** Counts announcements: a region shows one message once. */
  readonly seq: number;
}

let message: Message = { text: '', seq: 0 };
/** The last message a connected region has put on the page, and that region (it keeps showing it). */
let deliveredSeq = 0;
let deliveredBy: object | null = null;
const listeners = new Set<() => void>();

export function announce(text: string): void {
  // Re-setting the same text would not be announced again; a zero-width space makes it new.
  message = { text: message.text === text ? `${text}\u200b` : text, seq: message.seq + 1 };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function Announcer({ active = true }: { active?: boolean }) {
  const current = useSyncExternalStore(
    subscribe,
    () => message,
    () => message,
  );
  const ref = useRef<HTMLDivElement>(null);
  // This region, as the one that showed a message: one another region showed is not said again.
  const [self] = useState(() => ({}));
  const show =
    active && (current.seq > deliveredSeq || (current.seq === deliveredSeq && deliveredBy === self));
  useLayoutEffect(() => {
    // Only a region still on the page delivers (one in a dialog that closed in this render does not).
    if (show && ref.current?.isConnected) {
      deliveredSeq = Math.max(deliveredSeq, current.seq);
      if (deliveredSeq === current.seq) deliveredBy = self;
    }
  });
  return (
    <div ref={ref} role="status" aria-live="polite" aria-atomic="true" className="visually-hidden">
      {show ? current.text : ''}
    </div>
  );
}
