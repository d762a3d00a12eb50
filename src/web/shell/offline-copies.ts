import { PERSONAL_CACHE } from '#contracts/offline';

/** PWA-OFFLINE-3: whoever signs in or out, nothing the device kept for the previous person stays. */
export function forgetOfflineCopies(): void {
  if (!('caches' in window)) return;
  caches.delete(PERSONAL_CACHE).catch(() => undefined);
}
