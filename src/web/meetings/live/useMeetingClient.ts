import { useEffect, useState, useSyncExternalStore } from 'react';
import { MeetingClient, type MeetingClientSnapshot } from './meeting-client';
import { browserStorage, localOutboxStore } from './outbox-store';
import { socketIoTransport } from './socket-transport';

/**
 * One live connection per mounted meeting page. Key the component by meeting id: the client belongs to it.
 * Waiting commands are kept in this browser per meeting and person (LIVE-CLIENT-15), so leaving the page or
 * reloading loses nothing: the next client for this meeting sends them. Leaving the page asks first only while
 * some waiting command could not be kept there (no storage, or over its cap), since only then would it be lost.
 */
export function useMeetingClient(
  meetingId: string,
  userId: string,
  view: 'device' | 'projector' = 'device',
): {
  client: MeetingClient;
  snapshot: MeetingClientSnapshot;
} {
  const [client] = useState(() => {
    const storage = browserStorage();
    return new MeetingClient({
      meetingId,
      transport: socketIoTransport(),
      store: storage ? localOutboxStore(storage, meetingId, userId) : null,
      view,
    });
  });
  useEffect(() => {
    client.start();
    return () => {
      client.stop();
    };
  }, [client]);
  const snapshot = useSyncExternalStore(client.subscribe, client.getSnapshot);

  const unsaved = snapshot.outbox.some((entry) => !entry.saved);
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
    };
  }, [unsaved]);

  return { client, snapshot };
}
