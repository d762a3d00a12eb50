/** The one file that knows about Socket.IO: it fits a socket.io-client socket to `MeetingTransport`. */
import { io, type Socket } from 'socket.io-client';
import { ServerEvents, SOCKET_PATH } from '#contracts/realtime';
import type { MeetingTransport, TransportHandlers } from './meeting-client';
import { currentNetwork } from '../../api/client';
import { wantedLanguage } from '../../i18n/kits';

type Push = (payload: unknown) => void;
interface ServerToClient {
  'meeting:events': Push;
  'meeting:presence': Push;
  'team:meetings': Push;
}
/** Every client message is a request with an ack; the payloads are checked by the contract on both ends. */
type ClientToServer = Record<string, (payload: unknown, ack: (answer: unknown) => void) => void>;

/** After the server itself closed or refused the socket, Socket.IO does not retry on its own; we do, calmly. */
const SERVER_CLOSE_RETRY_MS = 3_000;

export function socketIoTransport(): MeetingTransport {
  let socket: Socket<ServerToClient, ClientToServer> | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let removeNetworkListeners: () => void = () => undefined;

  return {
    open(handlers: TransportHandlers) {
      // A socket of its own (not multiplexed), so closing one meeting never closes another page's.
      // NET-WEB-1: in a tab that entered a network, the socket acts in it too (ADR 0032).
      const network = currentNetwork();
      const s: Socket<ServerToClient, ClientToServer> = io({
        path: SOCKET_PATH,
        // I18N-WEB-3: what the server says on this socket (and a shipped routine's words) in the tab's language.
        auth: { language: wantedLanguage(), ...(network ? { network } : {}) },
        forceNew: true,
        autoConnect: false,
      });
      socket = s;
      s.on('connect', () => {
        handlers.onConnect();
      });
      s.on('disconnect', (reason) => {
        // Emits made while offline would be buffered and sent on reconnect; the outbox resends them itself.
        s.sendBuffer = [];
        handlers.onDisconnect(reason);
        if (reason === 'io server disconnect') {
          retry = setTimeout(() => s.connect(), SERVER_CLOSE_RETRY_MS);
        }
      });
      s.on('connect_error', (error) => {
        handlers.onConnectError(error.message);
        // A refusal by the server's middleware is not retried by Socket.IO itself (`active` is false then).
        if (!s.active && error.message !== 'unauthenticated') {
          retry = setTimeout(() => s.connect(), SERVER_CLOSE_RETRY_MS);
        }
      });
      s.on(ServerEvents.events, (payload) => {
        handlers.onMessage(ServerEvents.events, payload);
      });
      s.on(ServerEvents.presence, (payload) => {
        handlers.onMessage(ServerEvents.presence, payload);
      });
      // DAY-TEAM-1: a team page's watch (useTeamMeetingsLive).
      s.on(ServerEvents.teamMeetings, (payload) => {
        handlers.onMessage(ServerEvents.teamMeetings, payload);
      });
      // A Chromebook that loses the Wi-Fi says so at once, long before Socket.IO's heartbeat would notice:
      // show "offline" (and queue) right away, and try again the moment the network is back.
      const onOffline = () => {
        if (s.connected) s.disconnect();
        s.connect();
      };
      const onOnline = () => {
        if (!s.connected) s.connect();
      };
      window.addEventListener('offline', onOffline);
      window.addEventListener('online', onOnline);
      removeNetworkListeners = () => {
        window.removeEventListener('offline', onOffline);
        window.removeEventListener('online', onOnline);
      };
      s.connect();
    },
    close() {
      removeNetworkListeners();
      if (retry !== null) clearTimeout(retry);
      retry = null;
      socket?.removeAllListeners();
      socket?.disconnect();
      socket = null;
    },
    async request(event, payload, timeoutMs) {
      if (!socket?.connected) throw new Error('not connected');
      return (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as unknown;
    },
  };
}
