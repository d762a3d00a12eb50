/**
 * The rules of the toast stack, kept pure so they can be tested without a browser (DAY-TEAM-2). The toasts are
 * short confirmations; the page itself keeps the state they confirm, so dropping one loses nothing.
 */
export type ToastTone = 'success' | 'info' | 'error';

export interface Toast {
  id: number;
  message: string;
  tone: ToastTone;
  /** When it was shown (`performance.now()`). */
  shownAt: number;
}

/** At most this many at once (the newest); on a phone the stylesheet shows only the newest one. */
export const TOASTS_MAX = 3;

/**
 * A toast younger than this belongs to what the person just did: it survives the navigation or the focus move
 * that action itself made (a "Joined" toast shown just before the team page opens). Older ones are dropped then.
 */
export const TOAST_GRACE_MS = 1_000;

/** The stack with `toast` added on top, capped at `max`. */
export function withToast(current: readonly Toast[], toast: Toast, max = TOASTS_MAX): Toast[] {
  return [...current, toast].slice(-max);
}

/** What stays when the person moves on (another page, or into a field): only toasts of the last moment. */
export function withoutStale(current: readonly Toast[], now: number, graceMs = TOAST_GRACE_MS): Toast[] {
  const kept = current.filter((toast) => now - toast.shownAt < graceMs);
  return kept.length === current.length ? [...current] : kept;
}
