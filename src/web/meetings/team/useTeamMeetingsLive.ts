import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ClientEvents, ServerEvents, TeamMeetingsChanged, WatchTeamAck } from '#contracts/realtime';
import type { MeetingTransport } from '../live/meeting-client';
import { meetingKeys } from '../queries';

const WATCH_TIMEOUT_MS = 10_000;

/**
 * DAY-TEAM-1: keeps a team page's list of meetings current. The page watches the team over the socket; when a
 * meeting of the team opens, starts or ends, the server says so (after the commit) and the list is read again
 * over REST, so what the page shows still passes every REST rule. After each (re)connection the list is read
 * once more, for anything said while the socket was away. A refused watch (no longer on the team) stops quietly.
 *
 * Socket.IO's client is loaded only when a team page opens, so it stays out of the pages that do not need it.
 */
export function useTeamMeetingsLive(groupId: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    let transport: MeetingTransport | null = null;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      void queryClient.invalidateQueries({ queryKey: meetingKeys.forGroup(groupId) });
    };

    const watch = (t: MeetingTransport) => {
      t.request(ClientEvents.watchTeam, { groupId }, WATCH_TIMEOUT_MS).then(
        (raw) => {
          if (stopped) return;
          const ack = WatchTeamAck.safeParse(raw);
          if (ack.success && ack.data.ok) {
            refresh();
            return;
          }
          const error = ack.success && !ack.data.ok ? ack.data.error : null;
          if (error?.code === 'rate_limited' || error?.code === 'unavailable') {
            retry = setTimeout(() => watch(t), Math.max(error.retryAfterMs ?? 0, 1_000));
            return;
          }
          // Not (or no longer) allowed to see the team: nothing to watch.
          stopped = true;
          t.close();
        },
        () => undefined, // Disconnected meanwhile: the next connection watches again.
      );
    };

    import('../live/socket-transport').then(
      ({ socketIoTransport }) => {
        if (stopped) return;
        const t = socketIoTransport();
        transport = t;
        t.open({
          onConnect: () => watch(t),
          onDisconnect: () => undefined,
          onConnectError: () => undefined,
          onMessage: (event, payload) => {
            if (event !== ServerEvents.teamMeetings) return;
            const signal = TeamMeetingsChanged.safeParse(payload);
            if (signal.success && signal.data.groupId === groupId) refresh();
          },
        });
      },
      () => undefined, // The page still works from REST alone.
    );

    return () => {
      stopped = true;
      if (retry !== null) clearTimeout(retry);
      transport?.close();
    };
  }, [groupId, queryClient]);
}
