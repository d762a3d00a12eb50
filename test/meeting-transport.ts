/**
 * The web app's `MeetingTransport` for Node: the same behaviour as src/web/meetings/live/socket-transport.ts
 * (socket.io-client, its own socket, automatic reconnection, no Socket.IO send buffer across a reconnect), but
 * with an explicit URL and the session cookie as a header, which a browser page gets for free. It records the
 * requests the client makes and the connection changes, so a test can tell what the real client did.
 */
import { io, type Socket } from 'socket.io-client';
import { SOCKET_PATH, ServerEvents } from '#contracts/realtime';
import type { MeetingTransport, TransportHandlers } from '../src/web/meetings/live/meeting-client';

export interface TransportRecord {
  requests: { at: number; event: string; payload: unknown }[];
  connects: number[];
  disconnects: { at: number; reason: string }[];
}

/** After the server itself closed the socket, Socket.IO does not retry on its own (as in socket-transport.ts). */
const SERVER_CLOSE_RETRY_MS = 3_000;

export function nodeSocketTransport(url: string, session: string, record: TransportRecord): MeetingTransport {
  let socket: Socket | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  return {
    open(handlers: TransportHandlers) {
      const s = io(url, {
        path: SOCKET_PATH,
        forceNew: true,
        autoConnect: false,
        extraHeaders: { cookie: `ensemble_session=${session}` },
      });
      socket = s;
      s.on('connect', () => {
        record.connects.push(Date.now());
        handlers.onConnect();
      });
      s.on('disconnect', (reason) => {
        record.disconnects.push({ at: Date.now(), reason });
        s.sendBuffer = [];
        handlers.onDisconnect(reason);
        if (reason === 'io server disconnect') retry = setTimeout(() => s.connect(), SERVER_CLOSE_RETRY_MS);
      });
      s.on(ServerEvents.events, (payload: unknown) => {
        handlers.onMessage(ServerEvents.events, payload);
      });
      s.on(ServerEvents.presence, (payload: unknown) => {
        handlers.onMessage(ServerEvents.presence, payload);
      });
      s.connect();
    },
    close() {
      if (retry !== null) clearTimeout(retry);
      retry = null;
      socket?.removeAllListeners();
      socket?.disconnect();
      socket = null;
    },
    async request(event, payload, timeoutMs) {
      if (!socket?.connected) throw new Error('not connected');
      record.requests.push({ at: Date.now(), event, payload });
      return (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as unknown;
    },
  };
}
