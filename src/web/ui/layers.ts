import { useSyncExternalStore } from 'react';

/**
 * Where the app's live region and toasts go while modal dialogs are open. `showModal()` makes everything
 * outside the dialog inert and puts it under the backdrop, so an announcement or a toast from outside would
 * be neither heard nor seen: each open dialog offers a spot inside itself, and the innermost one is used.
 */
let stack: readonly HTMLElement[] = [];
const listeners = new Set<() => void>();

function emit() {
  for (const listener of [...listeners]) listener();
}

/** An open dialog offers `element` (inside itself); returns its removal, for when the dialog closes. */
export function openLayer(element: HTMLElement): () => void {
  stack = [...stack, element];
  emit();
  return () => {
    stack = stack.filter((layer) => layer !== element);
    emit();
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The innermost open dialog's spot, or null while no dialog is open. */
export function useTopLayer(): HTMLElement | null {
  return useSyncExternalStore(
    subscribe,
    () => stack.at(-1) ?? null,
    () => null,
  );
}
