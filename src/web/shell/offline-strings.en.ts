/**
 * English strings of the offline note (PWA-OFFLINE-4, keys `offline.*`). They load with the note, only when it
 * has something to say (the note's chunk is precached by the service worker), not with every page.
 */
export const offlineStrings = {
  offline: {
    unreachable:
      'Ensemble cannot be reached. Pages saved on this device still open; the rest comes back when you reconnect.',
    savedAt: 'Ensemble cannot be reached. You are seeing what this device saved on {{time}}.',
  },
} as const;
