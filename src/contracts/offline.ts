/**
 * PWA-OFFLINE (ADR 0043): the reads a personal device keeps for offline use, shared by the server (which marks
 * their answers `allowed` only for a personal-device session in the district space) and the service worker
 * (which stores only answers so marked, and forgets them all on sign-out or any 401).
 */
export const OFFLINE_READ_PATHS = [
  '/api/auth/me',
  '/api/groups',
  '/api/me/upcoming-meetings',
  '/api/me/next-steps',
  '/api/me/reflections',
] as const;

/** The response header that lets the service worker keep an answer. */
export const OFFLINE_HEADER = 'x-ensemble-offline';
export const OFFLINE_ALLOWED = 'allowed';

/** The Cache Storage name of those answers (the app shell's precache is separate and holds nothing personal). */
export const PERSONAL_CACHE = 'ensemble-personal-v1';

/** The header a cached answer carries when the service worker serves it offline: when it was saved (ISO). */
export const OFFLINE_SAVED_AT_HEADER = 'x-ensemble-saved-at';

export function isOfflineReadPath(pathname: string): boolean {
  return (OFFLINE_READ_PATHS as readonly string[]).includes(pathname);
}
