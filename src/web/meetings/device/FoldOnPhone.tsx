import { useState, useSyncExternalStore, type ReactNode } from 'react';
import { classNames } from '../../ui/classNames';

/** The phone breakpoint of meetings.css (`max-width: 40rem`). */
const PHONE = '(max-width: 40rem)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(PHONE);
  query.addEventListener('change', onChange);
  return () => {
    query.removeEventListener('change', onChange);
  };
}

function isPhone(): boolean {
  return window.matchMedia(PHONE).matches;
}

/**
 * A form a step holds besides its first tool, behind a native disclosure: open on a wide screen, folded on a
 * phone (one tap opens it), so everything the step holds is within one scroll there (DAY-DEVICE-4). It follows
 * the screen's width until the person opens or closes it; from then on it stays as they left it.
 */
export function FoldOnPhone({
  summary,
  className,
  children,
}: {
  summary: string;
  className?: string;
  children: ReactNode;
}) {
  const phone = useSyncExternalStore(subscribe, isPhone);
  const [chosen, setChosen] = useState<boolean | null>(null);
  const open = chosen ?? !phone;
  return (
    <details
      className={classNames('disclosure fold-on-phone', className)}
      open={open}
      onToggle={(event) => {
        // Also fired when `open` is set from here: only a change the person made is their choice.
        if (event.currentTarget.open !== open) setChosen(event.currentTarget.open);
      }}
    >
      <summary className="disclosure__summary">{summary}</summary>
      <div className="disclosure__body">{children}</div>
    </details>
  );
}
