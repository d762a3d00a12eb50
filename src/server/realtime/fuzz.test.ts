/**
 * TRUST-RT-FUZZ (docs/SPEC.md, issue 9 "What it must show"): the built app runs as a child process on a test
 * database while a live meeting runs on other sockets. A signed-in socket sends thousands of generated payloads
 * on every client event name and on unknown ones (wrong types, deep nesting, arrays, binary attachments, strings
 * near the 64 KiB buffer, NUL and lone surrogates, numbers beyond the integer range, objects with getters and
 * toJSON, with and without an ack), raw malformed Socket.IO packets, and handshakes with malformed cookies and
 * foreign Origins. The process never exits, `/api/health` answers, every ack is `{ ok: false, error: { code } }`,
 * and the meeting beside it loses no event (each client's seqs run 1..N without a hole).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { io as connect } from 'socket.io-client';
import { MeetingCommand } from '#contracts/meeting';
import {
  ClientEvents,
  CommandRequest,
  JoinRequest,
  LeaveRequest,
  PingRequest,
  PROTOCOL_VERSION,
  SOCKET_PATH,
} from '#contracts/realtime';
import { connectDatabase, type Database } from '../db/client';
import { SESSION_COOKIE } from '../auth/sessions';
import { createTestDatabase, type TestDatabase } from '../../../test/db';
import { buildServer } from '../../../test/meeting-harness';
import {
  codeOf,
  isErrorAck,
  openLiveMeeting,
  RtClient,
  seedDistrict,
  sleep,
  startChildApp,
  stepIdsOf,
  until,
  type ChildApp,
  type Seeded,
} from '../../../test/realtime-harness';

const SEED = Number(process.env.RT_FUZZ_SEED ?? Date.now() % 1_000_000);
/** Generated payloads per client event name (four names, plus unknown names and shaped commands). */
const PER_EVENT = Number(process.env.RT_FUZZ_RUNS ?? 700);
const IN_FLIGHT = 4;
/** People of the team who fuzz, one socket each (the limits are per socket and per person). */
const FUZZERS = 12;
const ACK_TIMEOUT_MS = 2_000;
/** Past this many problems the run stops sending: the report is long enough, and the test fails fast. */
const ENOUGH_PROBLEMS = 25;
/** A payload whose JSON is larger is left to the oversize check (the server closes the connection). */
const MAX_JSON = 60_000;

let testDb: TestDatabase;
let database: Database;
let app: ChildApp;
let seeded: Seeded;
let meetingId = '';
let steps: string[] = [];
const clients: RtClient[] = [];

/** The meeting running beside the fuzzer: its clients, their writes and what went wrong for them. */
const side = {
  stop: false,
  writes: 0,
  rateLimited: 0,
  problems: [] as string[],
  running: Promise.resolve(),
};

beforeAll(async () => {
  buildServer();
  testDb = await createTestDatabase();
  database = connectDatabase(testDb.url, { max: 2 });
  seeded = await seedDistrict(database.db, {
    name: 'Fuzz District',
    teams: [{ name: 'Fuzz Team', members: 2 + FUZZERS }],
  });
  app = await startChildApp(testDb.url);
  const team = seeded.teams[0]!;
  meetingId = await openLiveMeeting(app.base, team, 'Fuzzed weekly');
  // The meeting beside: the facilitator moves between steps, two members suggest and ask, all of them listen.
  const lead = await RtClient.open(app.base, team.facilitator.secret);
  const ana = await RtClient.open(app.base, team.members[0]!.secret);
  const ben = await RtClient.open(app.base, team.members[1]!.secret);
  clients.push(lead, ana, ben);
  steps = stepIdsOf((await lead.mustJoin(meetingId, 0))[0]);
  await ana.mustJoin(meetingId, 0);
  await ben.mustJoin(meetingId, 0);
  await lead.must(meetingId, { type: 'startMeeting' });
  /** A writer at a person's pace; a `rate_limited` answer is waited out and retried, as the web client does. */
  const write = async (c: RtClient, cmd: Record<string, unknown>): Promise<boolean> => {
    // One idempotency key per write: an ack that does not come in time (a starved CI machine) is resent with the
    // same key, as the web client's outbox does, and the server applies it once.
    const keyed = { idempotencyKey: randomUUID(), ...cmd };
    for (let attempt = 0; attempt < 20; attempt++) {
      const ack = await c.command(meetingId, keyed);
      side.writes++;
      if (ack === null) continue;
      if (!ack.ok && ack.error.code === 'rate_limited') {
        side.rateLimited++;
        await sleep(ack.error.retryAfterMs ?? 100);
        continue;
      }
      if (!ack.ok) side.problems.push(`side write ${String(cmd.type)}: ${JSON.stringify(ack)}`);
      return ack.ok;
    }
    side.problems.push(`side write ${String(cmd.type)}: unanswered or rate-limited 20 times in a row`);
    return false;
  };
  const done = Promise.resolve(true);
  side.running = (async () => {
    let forward = true;
    for (let i = 0; !side.stop; i++) {
      const moved = write(
        lead,
        forward ? { type: 'nextStep', fromStepId: steps[0] } : { type: 'previousStep', fromStepId: steps[1] },
      );
      const others = [
        i < 20 ? write(ana, { type: 'suggestNote', stepId: steps[0], text: `side note ${i}` }) : done,
        i < 20 && forward
          ? write(ben, { type: 'submitQuestion', kind: 'clarifying', text: `side question ${i}` })
          : done,
      ];
      if (await moved) forward = !forward;
      await Promise.all(others);
      await sleep(250);
    }
  })();
}, 240_000);

afterAll(async () => {
  side.stop = true;
  await side.running.catch(() => undefined);
  for (const c of clients) c.close();
  await app.stop();
  await database.close();
  await testDb.drop();
}, 60_000);

/** JSON.stringify as it really is: `undefined` for undefined, functions and symbols. */
const toJson = (v: unknown): string | undefined => JSON.stringify(v);

// --- Generators -----------------------------------------------------------------------------------------

const loneSurrogates = fc
  .array(fc.integer({ min: 0xd800, max: 0xdfff }), { minLength: 1, maxLength: 8 })
  .map((codes) => `a${String.fromCharCode(...codes)}b`);
const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({ unit: 'binary-ascii', maxLength: 64 }),
  loneSurrogates,
  fc.constantFrom('', '\u0000', 'x\u0000y', '\u0000'.repeat(100), '%E0%A4%A', '__proto__', 'constructor'),
  fc.integer({ min: 30_000, max: 59_000 }).map((n) => 'x'.repeat(n)),
);
const nastyNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(
    2 ** 31,
    2 ** 31 - 1,
    -(2 ** 31) - 1,
    2 ** 53,
    2 ** 53 + 2,
    1e21,
    1e300,
    -1e300,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    -0,
    0.5,
    -1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ),
);
const nest = (depth: number, asArray: boolean): unknown => {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
};
const deep = fc.tuple(fc.integer({ min: 20, max: 3_000 }), fc.boolean()).map(([d, a]) => nest(d, a));
const anything = fc.anything({
  maxDepth: 4,
  maxKeys: 8,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withDate: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  stringUnit: 'binary',
});
/** Over the wire a getter or toJSON becomes whatever it returns: odd shapes the server must still refuse. */
const withGetter = fc.tuple(anything, fc.string()).map(([v, k]) => {
  const o: Record<string, unknown> = {};
  Object.defineProperty(o, k || 'meetingId', { get: () => v, enumerable: true });
  return o;
});
const withToJson = anything.map((v) => ({ toJSON: () => v, meetingId: 'ignored' }));
const dangerousKeys = fc
  .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'then', 'valueOf'), anything)
  .map(([k, v]) => JSON.parse(`{${JSON.stringify(k)}: ${toJson(v) ?? 'null'}}`) as unknown);
const value: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: anything, weight: 5 },
  { arbitrary: nastyString, weight: 2 },
  { arbitrary: nastyNumber, weight: 2 },
  { arbitrary: deep, weight: 1 },
  { arbitrary: withGetter, weight: 1 },
  { arbitrary: withToJson, weight: 1 },
  { arbitrary: dangerousKeys, weight: 1 },
  { arbitrary: fc.array(anything, { maxLength: 20 }), weight: 1 },
  { arbitrary: fc.constantFrom(null, undefined, true, false, 0, [], {}), weight: 1 },
);
/** Either a value or, often, the field's own good value (so the other fields are what is wrong). */
const fieldOr = (good: unknown) => fc.oneof(fc.constant(good), value);

interface Probe {
  event: string;
  payload: unknown;
  /** The contract accepts it for the meeting the fuzzer is in: an ok answer is allowed. */
  mayBeOk: boolean;
  withAck: boolean;
}

function joinProbe(id: () => string) {
  return fc
    .oneof(
      value,
      fc.record(
        { protocolVersion: fieldOr(PROTOCOL_VERSION), meetingId: fieldOr(id()), lastSeq: fieldOr(0) },
        { requiredKeys: [] },
      ),
      fc.record({
        protocolVersion: fieldOr(PROTOCOL_VERSION),
        meetingId: fieldOr(id()),
        lastSeq: value,
        x: value,
      }),
    )
    .map((payload) => ({
      payload,
      mayBeOk: JoinRequest.safeParse(onTheWire(payload)).success,
    }));
}

const templates = (who: string): Record<string, unknown>[] => [
  { type: 'suggestNote', stepId: 'identify', text: 'a note' },
  { type: 'submitQuestion', kind: 'clarifying', text: 'a question' },
  { type: 'nextStep', fromStepId: 'identify' },
  { type: 'writeReflection', stepId: 'identify', text: 'private' },
  { type: 'addActionItem', text: 'an item', ownerId: who, due: null },
  { type: 'extendStep', minutes: 1 },
  { type: 'flagQuestion', questionId: 'q1', flagged: true },
  { type: 'assignRoles', presenter: who },
  { type: 'tagSource', source: 'mastery', why: 'because' },
];

function commandProbe(id: () => string, who: string) {
  const shaped = fc
    .tuple(
      fc.constantFrom(...templates(who)),
      fc.string({ maxLength: 12 }),
      value,
      fc.boolean(),
      fc.boolean(),
    )
    .map(([t, key, v, replace, extra]) => {
      const keys = [...Object.keys(t), 'idempotencyKey'];
      const target = replace ? (keys[Math.abs(key.length) % keys.length] ?? 'type') : key || 'extra';
      const command: Record<string, unknown> = { idempotencyKey: randomUUID(), ...t, [target]: v };
      if (extra) command.unexpected = v;
      return { meetingId: id(), command };
    });
  return fc
    .oneof(
      value,
      fc.record({ meetingId: fieldOr(id()), command: value }, { requiredKeys: [] }),
      shaped,
      shaped.map((p) => ({ ...p, extra: true })),
    )
    .map((payload) => {
      const req = CommandRequest.safeParse(onTheWire(payload));
      const mayBeOk = req.success && MeetingCommand.safeParse({ ...req.data.command, actorId: who }).success;
      return { payload, mayBeOk };
    });
}

function leaveProbe(id: () => string) {
  return fc
    .oneof(value, fc.record({ meetingId: value }), fc.record({ meetingId: fieldOr(id()), x: value }))
    .map((payload) => ({ payload, mayBeOk: LeaveRequest.safeParse(onTheWire(payload)).success }));
}

function pingProbe() {
  return fc
    .oneof(value, fc.record({ clientSent: value }), fc.record({ clientSent: nastyNumber, x: value }))
    .map((payload) => ({ payload, mayBeOk: PingRequest.safeParse(onTheWire(payload)).success }));
}

const RESERVED = new Set([
  'connect',
  'connect_error',
  'disconnect',
  'disconnecting',
  'newListener',
  'removeListener',
]);
const KNOWN = new Set<string>(Object.values(ClientEvents));
const unknownName = fc
  .oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom(
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      'meeting:events',
      'meeting:presence',
      'meeting:join ',
      'MEETING:JOIN',
      'meeting:command\u0000',
      'error',
      'message',
      'x'.repeat(10_000),
    ),
  )
  .filter((n) => !RESERVED.has(n) && !KNOWN.has(n));

function jsonSize(v: unknown): number {
  try {
    return toJson(v)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function describePayload(v: unknown): string {
  let s: string;
  try {
    s = toJson(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 160 ? `${s.slice(0, 160)}… (${s.length} chars)` : s;
}

// --- The fuzzer ------------------------------------------------------------------------------------------

interface FuzzStats {
  sent: number;
  acked: number;
  noAckRequested: number;
  droppedByDisconnect: number;
  reconnects: number;
  retried: number;
  codes: Map<string, number>;
  problems: string[];
}

async function fuzzSocket(secret: string): Promise<RtClient> {
  const c = await RtClient.open(app.base, secret);
  clients.push(c);
  await c.mustJoin(meetingId, 0);
  return c;
}

/** The payload as the server receives it: JSON (getters and toJSON already applied). */
function onTheWire(v: unknown): unknown {
  try {
    const text = toJson(v);
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return v;
  }
}

/**
 * Sends the probes from one socket per fuzzer (people of the team), a few in flight each. A probe answered
 * `rate_limited` goes back in the queue after `retryAfterMs`, so (nearly) every probe reaches the parser
 * rather than only the limiter.
 */
async function runProbes(probes: Probe[], secrets: string[], stats: FuzzStats): Promise<void> {
  const queue = probes.map((probe) => ({ probe, tries: 0 }));
  const worker = async (secret: string) => {
    let socket = await fuzzSocket(secret);
    const inFlight = new Set<Promise<void>>();
    let pauseUntil = 0;
    for (;;) {
      if (stats.problems.length >= ENOUGH_PROBLEMS || app.child.exitCode !== null) break;
      const item = queue.shift();
      if (!item) {
        if (inFlight.size === 0) break;
        await Promise.race(inFlight);
        continue;
      }
      const { probe } = item;
      const wait = pauseUntil - performance.now();
      if (wait > 0) await sleep(wait);
      if (!socket.connected) {
        await Promise.all(inFlight);
        stats.reconnects++;
        socket = await fuzzSocket(secret);
      }
      if (item.tries === 0) stats.sent++;
      if (!probe.withAck) {
        stats.noAckRequested++;
        try {
          socket.socket.emit(probe.event, probe.payload);
        } catch {
          // The client could not serialize it: nothing went out.
        }
        continue;
      }
      const current = socket;
      const done = current.ask(probe.event, probe.payload, ACK_TIMEOUT_MS).then((ack) => {
        if (isErrorAck(ack) && ack.error.code === 'rate_limited' && item.tries < 8) {
          item.tries++;
          stats.retried++;
          const after = (ack.error as { retryAfterMs?: number }).retryAfterMs ?? 100;
          pauseUntil = Math.max(pauseUntil, performance.now() + after);
          queue.push(item);
          return;
        }
        const code = codeOf(ack);
        stats.codes.set(code, (stats.codes.get(code) ?? 0) + 1);
        if (ack === null) {
          if (!current.connected) stats.droppedByDisconnect++;
          else
            stats.problems.push(
              `${probe.event}: no ack in ${ACK_TIMEOUT_MS} ms for ${describePayload(probe.payload)}`,
            );
          return;
        }
        stats.acked++;
        if (typeof ack === 'object' && 'clientError' in ack) return;
        if (probe.mayBeOk) return;
        if (!isErrorAck(ack))
          stats.problems.push(
            `${probe.event}: non-error ack ${describePayload(ack)} for ${describePayload(probe.payload)}`,
          );
        else if (!/^[a-z]+(_[a-z]+)*$/.test(ack.error.code) && !/^[A-Z]+(_[A-Z]+)*$/.test(ack.error.code))
          stats.problems.push(
            `${probe.event}: error code ${ack.error.code} is neither snake_case nor a core code`,
          );
      });
      inFlight.add(done);
      void done.finally(() => inFlight.delete(done));
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    socket.close();
  };
  await Promise.all(secrets.map(worker));
}

async function health(): Promise<number> {
  const res = await fetch(`${app.base}/api/health`);
  return res.status;
}

describe('TRUST-RT-FUZZ: no socket input stops the server', () => {
  it('TRUST-RT-FUZZ-1: thousands of generated payloads on every event name: every ack is an error object, the app keeps running', async () => {
    const began = performance.now();
    const fuzzer = seeded.teams[0]!.members[2]!;
    // Sometimes the real meeting, sometimes one that does not exist, or another district's shape of id.
    let n = 0;
    const id = () => (n++ % 3 === 0 ? randomUUID() : meetingId);
    const sample = (arb: fc.Arbitrary<{ payload: unknown; mayBeOk: boolean }>, event: string, seed: number) =>
      fc.sample(arb, { numRuns: PER_EVENT, seed: SEED + seed }).map((p, i): Probe => ({
        event,
        payload: p.payload,
        mayBeOk: p.mayBeOk,
        withAck: (i + seed) % 10 !== 0,
      }));
    const probes: Probe[] = [
      ...sample(joinProbe(id), ClientEvents.join, 1),
      ...sample(commandProbe(id, fuzzer.id), ClientEvents.command, 2),
      ...sample(leaveProbe(id), ClientEvents.leave, 3),
      // Pings are limited to 1/s per socket: fewer of them, or the run takes minutes.
      ...sample(pingProbe(), ClientEvents.ping, 4).slice(0, Math.ceil(PER_EVENT / 3)),
      ...fc
        .sample(fc.tuple(unknownName, value), { numRuns: PER_EVENT, seed: SEED + 5 })
        .map(([event, payload], i): Probe => ({ event, payload, mayBeOk: false, withAck: i % 10 !== 0 })),
    ].filter((p) => jsonSize(p.payload) <= MAX_JSON);
    // Interleave the event names, as a hostile client would.
    const shuffled = fc.sample(fc.shuffledSubarray(probes, { minLength: probes.length }), {
      numRuns: 1,
      seed: SEED,
    })[0]!;
    const stats: FuzzStats = {
      sent: 0,
      acked: 0,
      noAckRequested: 0,
      droppedByDisconnect: 0,
      reconnects: 0,
      retried: 0,
      codes: new Map(),
      problems: [],
    };
    const fuzzers = seeded.teams[0]!.members.slice(2).map((m) => m.secret);
    await runProbes(shuffled, fuzzers, stats);

    // Targeted: values the contract may accept but that once broke the server (NUL in a group-commit batch,
    // lastSeq beyond the integer range): answered, and never with `unavailable`.
    const t = await fuzzSocket(fuzzer.secret);
    const targeted: unknown[] = [];
    for (const lastSeq of [2 ** 31, 2 ** 31 - 1, 2 ** 53 - 1, 1e300])
      targeted.push(
        await t.ask(
          ClientEvents.join,
          { protocolVersion: PROTOCOL_VERSION, meetingId, lastSeq },
          ACK_TIMEOUT_MS,
        ),
      );
    for (const text of ['nul \u0000 inside', '\u0000', 'lone \ud800 surrogate', 'lone \udfff low'])
      targeted.push(
        await t.command(meetingId, { type: 'suggestNote', stepId: steps[0], text }, ACK_TIMEOUT_MS),
      );
    t.close();
    const targetedCodes = targeted.map(codeOf);

    const elapsed = ((performance.now() - began) / 1000).toFixed(1);
    console.log(
      `TRUST-RT-FUZZ-1 seed=${SEED} probes=${shuffled.length} sent=${stats.sent} acked=${stats.acked} ` +
        `no_ack_requested=${stats.noAckRequested} dropped_by_disconnect=${stats.droppedByDisconnect} ` +
        `reconnects=${stats.reconnects} rate_limited_retries=${stats.retried} codes=${JSON.stringify(Object.fromEntries(stats.codes))} ` +
        `targeted=${JSON.stringify(targetedCodes)} side_writes=${side.writes} side_rate_limited=${side.rateLimited} elapsed_s=${elapsed}`,
    );
    expect(app.child.exitCode, app.output().slice(-4000)).toBeNull();
    expect(await health()).toBe(200);
    expect(stats.problems.slice(0, 20), stats.problems.slice(0, 20).join('\n')).toEqual([]);
    expect(stats.acked).toBeGreaterThan(PER_EVENT * 2);
    expect(targetedCodes.filter((c) => c === 'unavailable' || c === 'no_ack')).toEqual([]);
  }, 180_000);

  it('TRUST-RT-FUZZ-2: raw malformed Socket.IO packets (reserved and numeric event names, bad placeholders, broken JSON) never stop the app', async () => {
    const fuzzer = seeded.teams[0]!.members[2]!;
    const packets = [
      '2["disconnect"]',
      '2["disconnecting",{"meetingId":1}]',
      '2["newListener","meeting:join"]',
      '2["removeListener","meeting:join"]',
      '2["connect"]',
      '2["error",{"x":1}]',
      '2[42,{"meetingId":1}]',
      '2900001[42,{"meetingId":1}]',
      '2900002["meeting:leave",{"meetingId":[1,2]}]',
      '2900003["meeting:join",{"protocolVersion":1,"meetingId":{"$ne":null},"lastSeq":-1}]',
      '2900004["time:ping",{"clientSent":"now"}]',
      '2900005["meeting:command",{"meetingId":null,"command":[]}]',
      '29999999999999999999999["meeting:join",{}]',
      '2-1["meeting:join",{}]',
      '2[]',
      '2{}',
      '2"meeting:join"',
      '2[null]',
      '2["meeting:join",',
      '51-["meeting:join",{"_placeholder":true,"num":0}]',
      '5["meeting:join",{"_placeholder":true,"num":7}]',
      '599999999-["meeting:command",{"_placeholder":true,"num":1}]',
      '3999["late ack"]',
      '31[1]',
      '0',
      '0/admin,',
      '0/nope,{"token":1}',
      '1',
      '4{"message":"from the client"}',
      '6',
      'garbage',
      '',
      `2["${'m'.repeat(50_000)}",1]`,
    ];
    const answers: string[] = [];
    let closedBy = 0;
    for (const packet of packets) {
      const c = await RtClient.open(app.base, fuzzer.secret);
      clients.push(c);
      const engine = c.socket.io.engine;
      engine.on('message', (data: unknown) => {
        if (typeof data === 'string' && /^3900\d\d\d/.test(data)) answers.push(data);
      });
      engine.write(packet);
      // A ping after it shows whether the connection (or only the packet) was dropped.
      const pong = await c.ask(ClientEvents.ping, { clientSent: 1 }, 1_000);
      if (pong === null) closedBy++;
      c.close();
      expect(await health(), `after raw packet ${packet.slice(0, 60)}`).toBe(200);
    }
    console.log(
      `TRUST-RT-FUZZ-2 raw_packets=${packets.length} connections_closed=${closedBy} acks=${answers.length}`,
    );
    for (const a of answers) {
      const body = JSON.parse(a.replace(/^3\d+/, '')) as unknown[];
      expect(isErrorAck(body[0]), a).toBe(true);
    }
    expect(app.child.exitCode).toBeNull();
  }, 60_000);

  it('TRUST-RT-FUZZ-3: oversize payloads close only the sender; the app keeps running', async () => {
    const fuzzer = seeded.teams[0]!.members[2]!;
    for (const size of [70_000, 1_000_000]) {
      const c = await RtClient.open(app.base, fuzzer.secret);
      clients.push(c);
      const ack = await c.ask(
        ClientEvents.command,
        { meetingId, command: { text: 'x'.repeat(size) } },
        3_000,
      );
      if (ack !== null) expect(isErrorAck(ack)).toBe(true);
      c.close();
      expect(await health()).toBe(200);
    }
    expect(app.child.exitCode).toBeNull();
  }, 30_000);

  it('TRUST-RT-FUZZ-4: malformed cookies are treated as no cookie (unauthenticated); foreign Origins are refused', async () => {
    const good = seeded.teams[0]!.members[2]!.secret;
    const malformed = [
      `${SESSION_COOKIE}=%E0%A4%A`,
      `${SESSION_COOKIE}=%`,
      `${SESSION_COOKIE}=%ZZ%00`,
      `${SESSION_COOKIE}=${'%E0%A4%'.repeat(1_000)}`,
      `${SESSION_COOKIE}=${'a'.repeat(8_000)}`,
      `${Array.from({ length: 800 }, (_, i) => `c${i}=%E0%A4%A`).join('; ')}; ${SESSION_COOKIE}=%E0%A4%A`,
      SESSION_COOKIE,
      `=${SESSION_COOKIE}`,
      `${SESSION_COOKIE}=; ${SESSION_COOKIE}=%E0%A4%A`,
      `${SESSION_COOKIE}="%E0%A4%A"`,
      `${SESSION_COOKIE}=\u00e9\u00e9`,
    ];
    const outcomes: string[] = [];
    for (const cookie of malformed) {
      for (const transport of ['polling', 'websocket'] as const) {
        const r = await handshake({ cookie, origin: app.origin }, transport);
        outcomes.push(r);
        expect(r, `${transport} with cookie ${cookie.slice(0, 50)}`).toBe('error:unauthenticated');
        expect(await health()).toBe(200);
      }
    }
    // A cookie header larger than Node accepts is refused before Socket.IO sees it.
    const huge = await handshake(
      { cookie: `${SESSION_COOKIE}=${'%E0'.repeat(20_000)}`, origin: app.origin },
      'polling',
    );
    expect(huge).not.toBe('connected');

    // The control: the same path with a good cookie and the app's Origin connects.
    expect(await handshake({ cookie: `${SESSION_COOKIE}=${good}`, origin: app.origin }, 'polling')).toBe(
      'connected',
    );
    expect(await handshake({ cookie: `${SESSION_COOKIE}=${good}`, origin: app.origin }, 'websocket')).toBe(
      'connected',
    );
    // A page elsewhere, with the victim's cookie, must not get a socket (cross-site WebSocket hijacking),
    // nor one that names itself as the Host (DNS rebinding), nor a sandboxed page (`null`).
    for (const headers of [
      { origin: 'http://evil.test' },
      { origin: 'null' },
      { origin: 'http://evil.test', host: 'evil.test' },
      { origin: `${app.origin}.evil.test` },
      { origin: app.origin.replace('http:', 'https:') },
    ]) {
      for (const transport of ['polling', 'websocket'] as const) {
        const r = await handshake({ cookie: `${SESSION_COOKIE}=${good}`, ...headers }, transport);
        expect(r, `${transport} ${JSON.stringify(headers)}`).not.toBe('connected');
      }
    }
    console.log(`TRUST-RT-FUZZ-4 handshakes=${outcomes.length + 13} all refused as expected`);
    expect(await health()).toBe(200);
    expect(app.child.exitCode).toBeNull();
  }, 60_000);

  it('TRUST-RT-FUZZ-5: the meeting beside the fuzzer lost no event; every side write was accepted', async () => {
    side.stop = true;
    await side.running;
    const [lead, ana, ben] = clients;
    await sleep(300);
    const rows = await database.pool.query<{ n: number }>(
      'select coalesce(max(seq), 0)::int as n from meeting_events where meeting_id = $1',
      [meetingId],
    );
    const last = rows.rows[0]!.n;
    const report = [lead!, ana!, ben!].map((c) => ({
      connected: c.connected,
      gaps: c.gaps(meetingId, last).slice(0, 10),
    }));
    console.log(
      `TRUST-RT-FUZZ-5 side_writes=${side.writes} last_seq=${last} clients=${JSON.stringify(report)}`,
    );
    expect(side.problems.slice(0, 10), side.problems.slice(0, 10).join('\n')).toEqual([]);
    expect(side.writes).toBeGreaterThan(20);
    for (const r of report) expect(r).toEqual({ connected: true, gaps: [] });
    await until(() => app.child.exitCode === null, 10, 'the app still running');
    expect(await health()).toBe(200);
    expect(app.output()).not.toMatch(/uncaughtException|unhandledRejection|UnhandledPromiseRejection/);
  }, 30_000);
});

/**
 * A Socket.IO handshake by hand (engine.io v4 over HTTP long-polling, or a WebSocket upgrade), so every header
 * (Cookie, Origin, Host) is exactly what the test says. Answers `connected`, `error:<message>` (a CONNECT_ERROR
 * from the middleware) or `refused:<status or reason>` (the engine would not open).
 */
async function handshake(
  headers: { cookie: string; origin?: string; host?: string },
  transport: 'polling' | 'websocket',
): Promise<string> {
  const port = new URL(app.base).port;
  const h: Record<string, string> = { cookie: headers.cookie };
  if (headers.origin) h.origin = headers.origin;
  if (headers.host) h.host = headers.host;
  if (transport === 'websocket') return wsHandshake(port, h);
  const open = await http('GET', port, '/socket.io/?EIO=4&transport=polling', h);
  if (open.status !== 200) return `refused:${open.status} ${open.body.slice(0, 60)}`;
  const sid = /"sid":"([^"]+)"/.exec(open.body)?.[1];
  if (!sid) return `refused:no sid in ${open.body.slice(0, 80)}`;
  const path = `/socket.io/?EIO=4&transport=polling&sid=${encodeURIComponent(sid)}`;
  const sent = await http('POST', port, path, { ...h, 'content-type': 'text/plain;charset=UTF-8' }, '40');
  if (sent.status !== 200) return `refused:${sent.status}`;
  const answer = await http('GET', port, path, h);
  return classify(answer.body);
}

function classify(body: string): string {
  for (const packet of body.split('\u001e')) {
    if (packet.startsWith('40')) return 'connected';
    if (packet.startsWith('44')) {
      const parsed = JSON.parse(packet.slice(2)) as { message?: string };
      return `error:${parsed.message ?? '?'}`;
    }
  }
  return `refused:unexpected ${body.slice(0, 80)}`;
}

function http(
  method: 'GET' | 'POST',
  port: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    // A fresh connection each time (agent: false): a kept-alive one the server has closed would reset.
    const req = httpRequest(
      { host: '127.0.0.1', port: Number(port), method, path, headers, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', () => resolve({ status: 0, body: text }));
      },
    );
    req.setTimeout(5_000, () => req.destroy(new Error('timeout')));
    req.on('error', (err) => resolve({ status: 0, body: String(err) }));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** The same over a WebSocket, through socket.io-client (which sends `extraHeaders` on the upgrade request). */
function wsHandshake(port: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(`http://127.0.0.1:${port}`, {
      path: SOCKET_PATH,
      transports: ['websocket'],
      extraHeaders: headers,
      reconnection: false,
      forceNew: true,
      timeout: 5_000,
    });
    const done = (r: string) => {
      socket.close();
      resolve(r);
    };
    socket.once('connect', () => done('connected'));
    socket.once('connect_error', (err) =>
      done(
        ['websocket error', 'timeout', 'xhr poll error'].includes(err.message)
          ? `refused:${err.message}`
          : `error:${err.message}`,
      ),
    );
  });
}
