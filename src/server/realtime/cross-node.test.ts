/**
 * The cross-node adapter (ADR 0049): its framing (CAP-LIVE-5), and two Socket.IO servers on one PostgreSQL
 * (CAP-LIVE-4..7): this node's sockets first, bursts in order with nothing lost or doubled, large messages
 * through the attachments table, the cluster requests the revocation path uses, and notifications that are not
 * ours.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import pg from 'pg';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db';
import {
  channelOf,
  createNotifyAdapter,
  fitsAlone,
  NOTIFY_PAYLOAD_LIMIT,
  packPayloads,
  readEnvelope,
} from './cross-node';

describe('framing (CAP-LIVE-5)', () => {
  const item = fc
    .string({ maxLength: 900 })
    .map((text) => JSON.stringify({ uid: 'u', nsp: '/', type: 3, data: { text } }));

  it('CAP-LIVE-5: payloads stay under the limit, keep every item once and in order, and never repeat', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), fc.integer({ min: 600, max: 7_900 }), (items, limit) => {
        const fitting = items.filter((text) => fitsAlone('node-a', 0, text, limit));
        const payloads = packPayloads('node-a', 0, fitting, limit);
        for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(limit);
        expect(new Set(payloads).size).toBe(payloads.length);
        const read = payloads.flatMap((payload) => readEnvelope(payload, 'node-b')?.items ?? []);
        expect(read.map((entry) => ('message' in entry ? JSON.stringify(entry.message) : ''))).toEqual(
          fitting,
        );
        // As few as possible without reordering: no two neighbours would have fitted together.
        for (let i = 1; i < payloads.length; i += 1) {
          const together = [...(readEnvelope(payloads[i - 1]!, 'x')?.items ?? [])]
            .concat(readEnvelope(payloads[i]!, 'x')?.items ?? [])
            .map((entry) => JSON.stringify('message' in entry ? entry.message : entry));
          expect(packPayloads('node-a', 0, together, limit).length).toBeGreaterThan(1);
        }
      }),
    );
  });

  it('CAP-LIVE-5: a node skips its own notifications; what is not an envelope is ignored, never thrown', () => {
    const [payload] = packPayloads('node-a', 7, ['{"x":1}', '{"attachment":12}'], 7_900);
    expect(readEnvelope(payload!, 'node-a')).toBeNull();
    expect(readEnvelope(payload!, 'node-b')?.items).toEqual([{ message: { x: 1 } }, { attachment: 12 }]);
    for (const bad of [
      '',
      'not json',
      '{}',
      '[]',
      '{"from":1,"n":1,"m":[]}',
      'null',
      '{"from":"b","n":1.5,"m":[]}',
    ])
      expect(readEnvelope(bad, 'node-a')).toBeNull();
  });

  it('CAP-LIVE-5: the limit never exceeds what PostgreSQL accepts', () => {
    expect(NOTIFY_PAYLOAD_LIMIT).toBeLessThan(8_000);
    expect(channelOf('/')).toBe('ensemble.io#/');
  });
});

interface Node {
  http: HttpServer;
  io: Server;
  pool: pg.Pool;
  port: number;
  errors: Error[];
}

let testDb: TestDatabase;
const nodes: Node[] = [];
const clients: Socket[] = [];

async function startNode(): Promise<Node> {
  const http = createServer();
  const io = new Server(http, { transports: ['websocket'] });
  const pool = new pg.Pool({ connectionString: testDb.url, max: 2 });
  pool.on('error', () => undefined);
  const errors: Error[] = [];
  io.adapter(createNotifyAdapter(pool, { errorHandler: (err) => errors.push(err) }));
  io.on('connection', (socket) => {
    socket.on('join', (room: string, done: () => void) => {
      void socket.join(room);
      done();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const node = { http, io, pool, port: (http.address() as AddressInfo).port, errors };
  nodes.push(node);
  return node;
}

async function clientOf(node: Node, room: string): Promise<Socket> {
  const socket = connect(`http://127.0.0.1:${node.port}`, { transports: ['websocket'], forceNew: true });
  clients.push(socket);
  await new Promise<void>((resolve) => socket.on('connect', resolve));
  await new Promise<void>((resolve) => socket.emit('join', room, resolve));
  return socket;
}

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Until both nodes have heard each other's heartbeat: then the LISTEN connections are up. */
async function clustered(a: Node, b: Node): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const [countA, countB] = await Promise.all([
      a.io.of('/').adapter.serverCount(),
      b.io.of('/').adapter.serverCount(),
    ]);
    if (countA === 2 && countB === 2) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the two nodes never heard each other');
}

let a: Node;
let b: Node;

beforeAll(async () => {
  testDb = await createTestDatabase();
  a = await startNode();
  b = await startNode();
  await clustered(a, b);
});

afterAll(async () => {
  for (const socket of clients) socket.disconnect();
  for (const node of nodes) {
    await node.io.close();
    await node.pool.end().catch(() => undefined);
  }
  await testDb.drop();
});

describe('two nodes on one PostgreSQL', () => {
  it('CAP-LIVE-5: a burst of 600 broadcasts in one turn reaches the other node in order, once each, in few notifications', async () => {
    const onB = await clientOf(b, 'burst');
    const seen: number[] = [];
    onB.on('n', (n: number) => seen.push(n));
    const listener = new pg.Client({ connectionString: testDb.url });
    await listener.connect();
    let notifications = 0;
    listener.on('notification', () => (notifications += 1));
    await listener.query(`LISTEN "${channelOf('/')}"`);
    for (let n = 0; n < 600; n += 1) a.io.to('burst').emit('n', n);
    await until(() => seen.length >= 600);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await listener.end();
    expect(seen).toEqual(Array.from({ length: 600 }, (_, n) => n));
    // About 150 bytes a broadcast: some 50 to a notification (heartbeats may add one or two).
    expect(notifications).toBeGreaterThan(0);
    expect(notifications).toBeLessThanOrEqual(30);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });

  it('CAP-LIVE-4: this node delivers at once while its NOTIFY waits; the other node gets it when PostgreSQL answers', async () => {
    const onA = await clientOf(a, 'first');
    const onB = await clientOf(b, 'first');
    const seenAt: Record<string, number> = {};
    onA.on('hello', () => (seenAt.a = Date.now()));
    onB.on('hello', () => (seenAt.b = Date.now()));
    // Node A's only free pool connection (the other holds its LISTEN) is busy for 1.5 s.
    const holding = a.pool.query('select pg_sleep(1.5)');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const sent = Date.now();
    a.io.to('first').emit('hello');
    await until(() => seenAt.a !== undefined && seenAt.b !== undefined, 5_000);
    await holding;
    expect(seenAt.a! - sent).toBeLessThan(500);
    expect(seenAt.b! - sent).toBeGreaterThanOrEqual(1_000);
  });

  it('CAP-LIVE-6: a message over the notification limit goes through the attachments table and arrives whole', async () => {
    const onB = await clientOf(b, 'large');
    const text = 'é'.repeat(20_000);
    let received = '';
    onB.on('large', (value: string) => (received = value));
    a.io.to('large').emit('large', text);
    await until(() => received.length > 0);
    expect(received).toBe(text);
    const stored = await testDb.pool.query<{ n: string }>('select count(*) as n from socket_io_attachments');
    expect(Number(stored.rows[0]?.n)).toBeGreaterThanOrEqual(1);
  });

  it('CAP-LIVE-7: the cluster requests revocation uses work across nodes: fetchSockets and disconnectSockets', async () => {
    const onB = await clientOf(b, 'person:42');
    const found = await a.io.in('person:42').fetchSockets();
    expect(found.map((socket) => socket.id)).toContain(onB.id);
    const gone = new Promise<void>((resolve) => onB.on('disconnect', () => resolve()));
    a.io.in('person:42').disconnectSockets(true);
    await gone;
    expect(onB.connected).toBe(false);
  });

  it('CAP-LIVE-7: notifications that are not ours, or broken, are skipped and reported, never thrown', async () => {
    const onB = await clientOf(b, 'after');
    let after = false;
    onB.on('after', () => (after = true));
    for (const payload of ['not json', '{"from":"z","n":1,"m":[{"type":"x"}, 5, {"attachment":999999}]}'])
      await testDb.pool.query('select pg_notify($1, $2)', [channelOf('/'), payload]);
    a.io.to('after').emit('after');
    await until(() => after);
    expect(b.errors.map((err) => err.message)).toContain('a cross-node attachment was not found');
  });
});
