import { useSyncExternalStore, type ReactNode } from 'react';

/** The phone breakpoint of meetings.css (`max-width: 40rem`). */
const PHONE = '(max-width: 40rem)';

function subscribe(onChange: () => void): () => void {
  const query = matchMedia(PHONE);
  query.addEventListener('change', onChange);
  return () => {
    query.removeEventListener('change', onChange);
  };
}

const isPhone = () => matchMedia(PHONE).matches;

/**
 * A form or guide a step holds besides its first tool, behind a native disclosure: open on a wide screen,
 * folded on a phone (one tap opens it), so everything the step holds is within one scroll there (DAY-DEVICE-4).
 * The person opens and closes it as they like; only a change of the screen's width across the phone's
 * breakpoint sets it again.
 */
export function FoldOnPhone({
  summary,
  className = '',
  children,
}: {
  summary: string;
  className?: string;
  children: ReactNode;
}) {
  const phone = useSyncExternalStore(subscribe, isPhone);
  return (
    <details className={`disclosure fold-on-phone ${className}`} open={!phone}>
      <summary className="disclosure__summary">{summary}</summary>
      <div className="disclosure__body">{children}</div>
    </details>
  );
}
