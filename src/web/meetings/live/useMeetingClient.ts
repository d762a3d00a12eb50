import { useEffect, useState, useSyncExternalStore } from 'react';
import { MeetingClient, type MeetingClientSnapshot } from './meeting-client';
import { socketIoTransport } from './socket-transport';

/**
 * One live connection per mounted meeting page. Key the component by meeting id: the client belongs to it.
 * While commands wait in the outbox, leaving the page asks first (they live only in this tab's memory).
 */
export function useMeetingClient(meetingId: string): {
  client: MeetingClient;
  snapshot: MeetingClientSnapshot;
} {
  const [client] = useState(() => new MeetingClient({ meetingId, transport: socketIoTransport() }));
  useEffect(() => {
    client.start();
    return () => {
      client.stop();
    };
  }, [client]);
  const snapshot = useSyncExternalStore(client.subscribe, client.getSnapshot);

  const waiting = snapshot.outbox.length > 0;
  useEffect(() => {
    if (!waiting) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
    };
  }, [waiting]);

  return { client, snapshot };
}
