/**
 * Test support: the live socket as the authorization matrices probe it (AUTHZ-MATRIX-3, NET-MATRIX-4). The app
 * listens on a free port; each probe is a fresh socket with one person's session cookie (and the network it names
 * in `auth.network`), websocket only, no reconnection; every socket opened is closed at the end.
 */
import type { FastifyInstance } from 'fastify';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { SOCKET_PATH } from '#contracts/realtime';
import { SESSION_COOKIE } from '../auth/sessions';

export interface SocketProbes {
  /** Starts the app listening (call in `beforeAll`). */
  listen(): Promise<void>;
  /** A new socket as the person with `cookie` (none: signed out): `connected`, or the connection's refusal. */
  connect(
    cookie: string | null | undefined,
    network?: string,
  ): Promise<{ socket: Socket; connected: string }>;
  /** Disconnects every socket opened (call in `afterAll`). */
  closeAll(): void;
}

/** `appOf`: the app under test, read when `listen` runs (it is usually made in a `beforeAll`). */
export function socketProbes(appOf: () => FastifyInstance): SocketProbes {
  let port = 0;
  const open: Socket[] = [];
  return {
    async listen() {
      const app = appOf();
      await app.listen({ port: 0, host: '127.0.0.1' });
      const addr = app.server.address();
      port = typeof addr === 'object' && addr ? addr.port : 0;
    },
    async connect(cookie, network) {
      const socket = connectSocket(`http://127.0.0.1:${port}`, {
        path: SOCKET_PATH,
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {},
        ...(network ? { auth: { network } } : {}),
      });
      open.push(socket);
      const connected = await new Promise<string>((resolve) => {
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', (e) => resolve(e.message));
      });
      return { socket, connected };
    },
    closeAll() {
      for (const socket of open) socket.disconnect();
    },
  };
}

/** An ack as a word: `ok`, the refusal's code, or what was wrong with the answer. */
export function ackOutcome(ack: unknown): string {
  if (typeof ack !== 'object' || ack === null || !('ok' in ack)) return `no answer: ${JSON.stringify(ack)}`;
  if (ack.ok === true) return 'ok';
  const error: unknown = 'error' in ack ? ack.error : null;
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null;
  return typeof code === 'string' ? code : `malformed: ${JSON.stringify(ack)}`;
}
