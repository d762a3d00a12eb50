/**
 * Socket.IO across app nodes through PostgreSQL (ADR 0049): the cluster protocol of `socket.io-adapter`
 * (`ClusterAdapterWithHeartbeat`: broadcasts, room joins, disconnects, fetchSockets, heartbeats) carried by
 * LISTEN/NOTIFY, as `@socket.io/postgres-adapter` did, with two changes measured with `bench:live --nodes 2`:
 *
 * - **This node's sockets first.** A broadcast is delivered here at once and handed to the bus; the package
 *   awaited its NOTIFY before delivering even to the node's own sockets (CAP-LIVE-4).
 * - **One transaction per flush, not per message.** Every message of one event-loop turn, and every message
 *   published while a flush is in flight, goes out in one statement: as few notifications as fit the payload
 *   threshold, in order, in one commit. The package sent each message as its own transaction through a pool of
 *   two, and each commit waited for the WAL flush (CAP-LIVE-5).
 *
 * A message too large for one notification is stored in `socket_io_attachments` and the notification names it.
 * Messages are JSON: Ensemble's socket events are Zod contracts, never binary; a binary packet is delivered on
 * this node only and reported. Each node reads the notifications in the order PostgreSQL delivers them, one
 * after another (an attachment is fetched before the next notification is read), and skips its own.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { z } from '#contracts/zod';
import type { Namespace } from 'socket.io';
import {
  ClusterAdapterWithHeartbeat,
  MessageType,
  type ClusterAdapterOptions,
  type ClusterMessage,
  type ClusterResponse,
  type Offset,
  type ServerId,
} from 'socket.io-adapter';

/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more. */
export const NOTIFY_PAYLOAD_LIMIT = 7_999;
/** Messages waiting while PostgreSQL does not answer: beyond this the oldest are dropped (and reported). */
const QUEUE_LIMIT = 50_000;

export interface NotifyAdapterOptions extends ClusterAdapterOptions {
  /** Largest notification payload in bytes (default 7,900); a larger message goes through the attachments table. */
  payloadThreshold?: number;
  /** Attachments older than this are deleted, every as many milliseconds (default 30 s). */
  cleanupInterval?: number;
  /** Reports every failure; the adapter never throws. */
  errorHandler: (err: Error) => void;
}

/** The channel of a namespace. Not the package's `socket.io#…`: a node of the old format must not parse these. */
export function channelOf(nsp: string): string {
  return `ensemble.io#${nsp}`;
}

const Envelope = z.object({
  /** The sending bus, so a node skips its own notifications. */
  from: z.string(),
  /** A counter per bus: two notifications of one transaction are never identical (PostgreSQL folds those). */
  n: z.int(),
  m: z.array(z.unknown()),
});
const AttachmentRef = z.object({ attachment: z.int().check(z.positive()) });
const Message = z.looseObject({
  uid: z.string(),
  nsp: z.string(),
  type: z.enum(MessageType),
});

const RESPONSE_TYPES: ReadonlySet<MessageType> = new Set([
  MessageType.FETCH_SOCKETS_RESPONSE,
  MessageType.SERVER_SIDE_EMIT_RESPONSE,
  MessageType.BROADCAST_CLIENT_COUNT,
  MessageType.BROADCAST_ACK,
]);

function isResponse(message: ClusterMessage | ClusterResponse): message is ClusterResponse {
  return RESPONSE_TYPES.has(message.type);
}

/** Checked to the level the cluster adapter reads it by type: uid, namespace and a known type. */
function asClusterMessage(raw: unknown): ClusterMessage | ClusterResponse | null {
  return Message.safeParse(raw).success ? (raw as ClusterMessage | ClusterResponse) : null;
}

function hasBinary(value: unknown, depth = 0): boolean {
  if (depth > 32 || value === null || typeof value !== 'object') return false;
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return true;
  const children: unknown[] = Array.isArray(value) ? value : Object.values(value);
  return children.some((child) => hasBinary(child, depth + 1));
}

/**
 * Packs items (each a JSON text) into notification payloads of at most `limit` bytes, in order, as few as
 * possible without reordering. Every item must fit alone (`fitsAlone`); the caller sends the rest as attachments.
 */
export function packPayloads(
  from: string,
  firstCounter: number,
  items: readonly string[],
  limit: number,
): string[] {
  const payloads: string[] = [];
  let counter = firstCounter;
  let group: string[] = [];
  let size = 0;
  const close = () => {
    payloads.push(envelopeText(from, counter++, group));
    group = [];
    size = 0;
  };
  for (const item of items) {
    const bytes = Buffer.byteLength(item) + 1; // its comma
    if (group.length > 0 && envelopeBytes(from, counter) + size + bytes > limit) close();
    group.push(item);
    size += bytes;
  }
  if (group.length > 0) close();
  return payloads;
}

/** Whether one item fits a notification of its own. */
export function fitsAlone(from: string, counter: number, item: string, limit: number): boolean {
  return envelopeBytes(from, counter) + Buffer.byteLength(item) <= limit;
}

function envelopeText(from: string, n: number, items: readonly string[]): string {
  return `{"from":${JSON.stringify(from)},"n":${n},"m":[${items.join(',')}]}`;
}

/** The envelope's bytes around its items, with room for a counter that grows while a batch is packed. */
function envelopeBytes(from: string, n: number): number {
  return Buffer.byteLength(envelopeText(from, n, [])) + 8;
}

/** What a notification carries, in order: messages, and attachments to fetch. Null when it is not ours. */
export function readEnvelope(
  payload: string,
  self: string,
): { items: ({ message: unknown } | { attachment: number })[] } | null {
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    return null;
  }
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success || envelope.data.from === self) return null;
  return {
    items: envelope.data.m.map((item) => {
      const ref = AttachmentRef.safeParse(item);
      return ref.success ? { attachment: ref.data.attachment } : { message: item };
    }),
  };
}

interface Outgoing {
  channel: string;
  message: ClusterMessage | ClusterResponse;
}

/** One per process: the LISTEN connection, the outgoing queue and its flushes. */
class NotifyBus {
  readonly id = randomBytes(8).toString('hex');
  private readonly adapters = new Map<string, NotifyAdapter>();
  private readonly channels = new Set<string>();
  private queue: Outgoing[] = [];
  private scheduled = false;
  private flushing = false;
  private counter = 0;
  private listener: pg.PoolClient | undefined;
  private inbound: Promise<void> = Promise.resolve();
  private reconnectTimer: NodeJS.Timeout | undefined;
  private readonly cleanupTimer: NodeJS.Timeout;
  private closed = false;
  private readonly limit: number;

  constructor(
    private readonly pool: pg.Pool,
    private readonly opts: NotifyAdapterOptions,
  ) {
    this.limit = Math.min(opts.payloadThreshold ?? 7_900, NOTIFY_PAYLOAD_LIMIT);
    const cleanupInterval = opts.cleanupInterval ?? 30_000;
    this.cleanupTimer = setInterval(() => {
      this.pool
        .query(
          `DELETE FROM socket_io_attachments WHERE created_at < now() - make_interval(secs => $1::double precision / 1000)`,
          [cleanupInterval],
        )
        .catch((err: unknown) => this.report(err));
    }, cleanupInterval);
    this.cleanupTimer.unref();
    void this.listen();
  }

  add(nsp: string, adapter: NotifyAdapter): void {
    this.adapters.set(nsp, adapter);
    const channel = channelOf(nsp);
    if (this.channels.has(channel)) return;
    this.channels.add(channel);
    this.listener?.query(`LISTEN "${channel}"`).catch((err: unknown) => this.report(err));
  }

  remove(nsp: string): void {
    this.adapters.delete(nsp);
    if (this.adapters.size === 0) this.close();
  }

  publish(message: ClusterMessage | ClusterResponse): void {
    if (this.closed) return;
    if (hasBinary(message)) {
      this.report(new Error('a binary socket message is not sent to other nodes'));
      return;
    }
    this.queue.push({ channel: channelOf(message.nsp), message });
    if (this.queue.length > QUEUE_LIMIT) {
      const dropped = this.queue.length - QUEUE_LIMIT;
      this.queue.splice(0, dropped);
      this.report(new Error(`cross-node queue full: ${dropped} oldest messages dropped`));
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.flushing || this.queue.length === 0) return;
    this.scheduled = true;
    // After the rest of this turn: every broadcast of one command's events goes in the same flush.
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    this.flushing = true;
    const batch = this.queue;
    this.queue = [];
    try {
      await this.send(batch);
    } catch (err) {
      this.report(err);
    } finally {
      this.flushing = false;
      this.schedule();
    }
  }

  private async send(batch: readonly Outgoing[]): Promise<void> {
    const byChannel = new Map<string, string[]>();
    for (const { channel, message } of batch) {
      let item = JSON.stringify(message);
      if (!fitsAlone(this.id, this.counter, item, this.limit)) {
        const stored = await this.pool.query<{ id: string }>(
          'INSERT INTO socket_io_attachments (payload) VALUES ($1) RETURNING id',
          [item],
        );
        item = JSON.stringify({ attachment: Number(stored.rows[0]?.id) });
      }
      const items = byChannel.get(channel) ?? [];
      items.push(item);
      byChannel.set(channel, items);
    }
    const channels: string[] = [];
    const payloads: string[] = [];
    for (const [channel, items] of byChannel) {
      const packed = packPayloads(this.id, this.counter, items, this.limit);
      this.counter += packed.length;
      for (const payload of packed) {
        channels.push(channel);
        payloads.push(payload);
      }
    }
    // One statement, one commit; notifications of one transaction are delivered in the order they were sent.
    await this.pool.query('SELECT pg_notify(c, p) FROM unnest($1::text[], $2::text[]) AS t(c, p)', [
      channels,
      payloads,
    ]);
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    let client: pg.PoolClient | undefined;
    try {
      client = await this.pool.connect();
      const connected = client;
      connected.on('notification', (note) => {
        const payload = note.payload ?? '';
        this.inbound = this.inbound
          .then(() => this.receive(payload))
          .catch((err: unknown) => this.report(err));
      });
      connected.on('end', () => {
        if (this.listener === connected) this.listener = undefined;
        this.reconnect();
      });
      for (const channel of this.channels) await connected.query(`LISTEN "${channel}"`);
      this.listener = connected;
      // Closed while connecting: a field read after an await, which the type checker takes for unchanged.
      if (this.isClosed()) this.releaseListener();
    } catch (err) {
      this.report(err);
      client?.release(true);
      this.reconnect();
    }
  }

  private reconnect(): void {
    if (this.closed || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(
      () => {
        this.reconnectTimer = undefined;
        void this.listen();
      },
      Math.floor(2_000 * (0.5 + Math.random())),
    );
  }

  private async receive(payload: string): Promise<void> {
    const envelope = readEnvelope(payload, this.id);
    if (!envelope) return;
    for (const item of envelope.items) {
      let raw: unknown;
      if ('attachment' in item) {
        const found = await this.pool.query<{ payload: string | null }>(
          'SELECT payload FROM socket_io_attachments WHERE id = $1',
          [item.attachment],
        );
        const text = found.rows[0]?.payload;
        if (!text) {
          this.report(new Error('a cross-node attachment was not found'));
          continue;
        }
        raw = JSON.parse(text);
      } else raw = item.message;
      const message = asClusterMessage(raw);
      const adapter = message ? this.adapters.get(message.nsp) : undefined;
      if (!message || !adapter) continue;
      try {
        if (isResponse(message)) adapter.onResponse(message);
        else adapter.onMessage(message);
      } catch (err) {
        this.report(err);
      }
    }
  }

  private isClosed(): boolean {
    return this.closed;
  }

  private releaseListener(): void {
    const client = this.listener;
    this.listener = undefined;
    if (!client) return;
    client.removeAllListeners('end');
    client.release();
  }

  private close(): void {
    this.closed = true;
    clearInterval(this.cleanupTimer);
    clearTimeout(this.reconnectTimer);
    this.releaseListener();
  }

  private report(err: unknown): void {
    this.opts.errorHandler(err instanceof Error ? err : new Error(String(err)));
  }
}

class NotifyAdapter extends ClusterAdapterWithHeartbeat {
  constructor(
    private readonly namespace: Namespace,
    opts: NotifyAdapterOptions,
    private readonly bus: NotifyBus,
  ) {
    super(namespace, opts);
  }

  protected override doPublish(message: ClusterMessage): Promise<Offset> {
    // Queued, not awaited: the cluster adapter delivers to this node's sockets as soon as this resolves.
    this.bus.publish(message);
    return Promise.resolve('');
  }

  protected override doPublishResponse(_requesterUid: ServerId, response: ClusterResponse): Promise<void> {
    this.bus.publish(response);
    return Promise.resolve();
  }

  override close(): void {
    super.close();
    this.bus.remove(this.namespace.name);
  }
}

/**
 * The factory `io.adapter()` takes: one bus for every namespace of this server. Socket.IO calls it with `new`,
 * so it is a function, not an arrow (an object it returns is the result of `new`).
 */
export function createNotifyAdapter(
  pool: pg.Pool,
  opts: NotifyAdapterOptions,
): (nsp: Namespace) => NotifyAdapter {
  const bus = new NotifyBus(pool, opts);
  return function notifyAdapter(nsp: Namespace): NotifyAdapter {
    const adapter = new NotifyAdapter(nsp, opts, bus);
    bus.add(nsp.name, adapter);
    return adapter;
  };
}
