import { useEffect, useRef } from 'react';

/**
 * Moves the focus to the element with an id once the next render is on screen: after a row is added (its first
 * field) or removed (the "Add" button), so a keyboard user is not left on a button that is gone.
 */
export function useFocusAfterRender(): (id: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (pending.current === null) return;
    document.getElementById(pending.current)?.focus();
    pending.current = null;
  });
  return (id) => {
    pending.current = id;
  };
}
