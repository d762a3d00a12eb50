/**
 * Live meetings over real sockets: join and catch-up by seq (MEET-RT-1), commands acked after commit and
 * applied once per idempotency key (MEET-RT-2), private reflections delivered to their author only
 * (MEET-RT-3), two app nodes on one database (MEET-RT-4), the timer resumes exactly after a restart (MEET-RT-5).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { randomUUID } from 'node:crypto';
import type { MeetingEvent } from '#contracts/meeting';
import { PROTOCOL_VERSION, type CommandAck, type JoinAck } from '#contracts/realtime';
import { currentTimer, replay } from '#core/meeting/index';
import { createTestDatabase, type TestDatabase } from '../../../test/db';
import { groupMembers, groups, schools, users } from '../db/schema';
import { hashPassword } from '../auth/passwords';
import {
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  type Client,
  type TestApp,
} from '../testing/api-harness';

let testDb: TestDatabase;
let nodeA: TestApp;
let nodeB: TestApp;
let portA: number;
let portB: number;
const people: Record<'lead' | 'ana' | 'ben', { id: string; districtId: string; client: Client }> =
  {} as never;
let groupId = '';
const sockets: Socket[] = [];

async function listen(t: TestApp): Promise<number> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address();
  return typeof addr === 'object' && addr ? addr.port : 0;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  nodeA = await createTestApp({ testDb, crossNode: true });
  nodeB = await createTestApp({ testDb, crossNode: true });
  portA = await listen(nodeA);
  portB = await listen(nodeB);
  const d = await createDistrictWithAdmin(nodeA, 'Live District', 'admin@live.test');
  const db = nodeA.database.db;
  const [school] = await db.insert(schools).values({ districtId: d.district.id, name: 'S' }).returning();
  const [g] = await db
    .insert(groups)
    .values({
      districtId: d.district.id,
      schoolId: school!.id,
      kind: 'teacher_team',
      focus: 'plc',
      name: 'Live Team',
      // These tests drive the timer by hand; the timer that starts itself has its own (DAY-TIMER).
      autoStartTimer: false,
    })
    .returning();
  groupId = g!.id;
  const hash = await hashPassword('live test password');
  for (const [key, role] of [
    ['lead', 'facilitator'],
    ['ana', 'member'],
    ['ben', 'member'],
  ] as const) {
    const [u] = await db
      .insert(users)
      .values({ districtId: d.district.id, email: `${key}@live.test`, name: key, passwordHash: hash })
      .returning();
    await db.insert(groupMembers).values({ districtId: d.district.id, groupId, userId: u!.id, role });
    people[key] = { id: u!.id, districtId: d.district.id, client: await signedInClient(nodeA, u!) };
  }
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await nodeA.close();
  await nodeB.close();
  await testDb.drop();
});

function socketFor(who: keyof typeof people, port: number): Socket {
  const s = connect(`http://127.0.0.1:${port}`, {
    path: '/socket.io',
    extraHeaders: { cookie: `ensemble_session=${people[who].client.cookie}` },
    reconnection: false,
  });
  sockets.push(s);
  return s;
}

function join(s: Socket, meetingId: string, lastSeq = 0): Promise<JoinAck> {
  return s.timeout(5000).emitWithAck('meeting:join', {
    protocolVersion: PROTOCOL_VERSION,
    meetingId,
    lastSeq,
  }) as Promise<JoinAck>;
}

function command(s: Socket, meetingId: string, cmd: Record<string, unknown>): Promise<CommandAck> {
  return s.timeout(5000).emitWithAck('meeting:command', {
    meetingId,
    command: { idempotencyKey: randomUUID(), ...cmd },
  }) as Promise<CommandAck>;
}

/** Collects every pushed event on a socket. */
function collect(s: Socket): MeetingEvent[] {
  const seen: MeetingEvent[] = [];
  s.on('meeting:events', (p: { events: MeetingEvent[] }) => seen.push(...p.events));
  return seen;
}

async function openMeeting(): Promise<string> {
  const lead = people.lead.client;
  const scheduled = await lead.post<{ id: string }>(`/api/groups/${groupId}/meetings`, {
    title: 'Weekly',
    routineId: 'share-successes',
  });
  expect(scheduled.status).toBe(200);
  const opened = await lead.post<{ status: string }>(`/api/meetings/${scheduled.body.id}/open`);
  expect(opened.body.status).toBe('live');
  return scheduled.body.id;
}

const until = async (check: () => boolean, ms = 3000) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('live meetings over sockets', () => {
  it('MEET-RT-1/2: join catches up from a seq; commands are acked after commit and land once per key', async () => {
    const meetingId = await openMeeting();
    const lead = socketFor('lead', portA);
    const joined = await join(lead, meetingId);
    expect(joined.ok).toBe(true);
    if (!joined.ok) return;
    expect(joined.events[0]?.type).toBe('meeting.created');
    expect((await command(lead, meetingId, { type: 'startMeeting' })).ok).toBe(true);
    const key = randomUUID();
    const first = (await lead.timeout(5000).emitWithAck('meeting:command', {
      meetingId,
      command: { type: 'startTimer', idempotencyKey: key },
    })) as CommandAck;
    const again = (await lead.timeout(5000).emitWithAck('meeting:command', {
      meetingId,
      command: { type: 'startTimer', idempotencyKey: key },
    })) as CommandAck;
    expect(first).toMatchObject({ ok: true });
    expect(again).toMatchObject({ ok: true, events: [] });
    // A late joiner from seq 2 receives exactly what it lacks.
    const ana = socketFor('ana', portA);
    const late = await join(ana, meetingId, 2);
    expect(late.ok && late.events.map((e) => e.seq)).toEqual([3]);
    const rows = await nodeA.database.pool.query(
      'select count(*)::int as n from meeting_events where meeting_id = $1',
      [meetingId],
    );
    expect((rows.rows[0] as { n: number }).n).toBe(3);
  });

  it('MEET-RT-3: a private reflection reaches its author only; others get a same-seq placeholder', async () => {
    const meetingId = await openMeeting();
    const lead = socketFor('lead', portA);
    const ana = socketFor('ana', portA);
    const ben = socketFor('ben', portA);
    await join(lead, meetingId);
    await join(ana, meetingId);
    await join(ben, meetingId);
    const anaSeen = collect(ana);
    const benSeen = collect(ben);
    await command(lead, meetingId, { type: 'startMeeting' });
    const ack = await command(ana, meetingId, {
      type: 'writeReflection',
      stepId: 'identify',
      text: 'PRIVATE-MARKER-42',
    });
    expect(ack.ok).toBe(true);
    await until(() => benSeen.length >= 2 && anaSeen.length >= 2);
    expect(JSON.stringify(benSeen)).not.toContain('PRIVATE-MARKER-42');
    expect(benSeen.some((e) => e.type === 'event.redacted')).toBe(true);
    expect(JSON.stringify(anaSeen)).toContain('PRIVATE-MARKER-42');
    const rejoin = await join(ben, meetingId, 0);
    expect(JSON.stringify(rejoin)).not.toContain('PRIVATE-MARKER-42');
    const minutes = await people.lead.client.get(`/api/meetings/${meetingId}/minutes`);
    expect(JSON.stringify(minutes.body)).not.toContain('PRIVATE-MARKER-42');
  });

  it('LIVE-UI-17 (MEET-CONTENT-3): after the end, a member joins the ended meeting and marks a next step done; the minutes say when', async () => {
    const meetingId = await openMeeting();
    const lead = socketFor('lead', portA);
    await join(lead, meetingId);
    await command(lead, meetingId, { type: 'startMeeting' });
    const added = await command(lead, meetingId, {
      type: 'addActionItem',
      text: 'Try exit tickets',
      ownerId: people.ana.id,
      due: null,
    });
    const itemId = added.ok ? (added.events[0]?.payload as { itemId: string }).itemId : '';
    expect((await command(lead, meetingId, { type: 'endMeeting' })).ok).toBe(true);
    const summary = await people.ana.client.get<{ status: string }>(`/api/meetings/${meetingId}`);
    expect(summary.body.status).toBe('ended');

    const ana = socketFor('ana', portA); // a new connection: the minutes page, days later
    expect((await join(ana, meetingId)).ok).toBe(true);
    expect(await command(ana, meetingId, { type: 'completeActionItem', itemId })).toMatchObject({ ok: true });
    expect(await command(ana, meetingId, { type: 'startTimer' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PHASE' },
    });
    const minutes = await people.ana.client.get<{
      actionItems: { completedAt: number | null; completedBy: string }[];
    }>(`/api/meetings/${meetingId}/minutes`);
    expect(minutes.body.actionItems[0]).toMatchObject({ completedBy: people.ana.id });
    expect(minutes.body.actionItems[0]?.completedAt).toEqual(expect.any(Number));
  });

  /** A new meeting with Ana joined on node A and its facilitator on node B, each collecting what is pushed. */
  async function acrossNodes() {
    const meetingId = await openMeeting();
    const onA = socketFor('ana', portA);
    const onB = socketFor('lead', portB);
    await join(onA, meetingId);
    await join(onB, meetingId);
    return { meetingId, onA, onB, seenOnA: collect(onA), seenOnB: collect(onB) };
  }

  it('MEET-RT-4: a client on node A sees events committed through node B', async () => {
    const { meetingId, onA, onB, seenOnA } = await acrossNodes();
    const sent = Date.now();
    expect((await command(onB, meetingId, { type: 'startMeeting' })).ok).toBe(true);
    await until(() => seenOnA.some((e) => e.type === 'meeting.started'));
    expect(Date.now() - sent).toBeLessThan(1000);
    // Both nodes append to the same log without clashing.
    expect(
      (await command(onA, meetingId, { type: 'suggestNote', stepId: 'identify', text: 'from A' })).ok,
    ).toBe(true);
    expect((await command(onB, meetingId, { type: 'startTimer' })).ok).toBe(true);
    const seqs = (
      await nodeA.database.pool.query<{ seq: number }>(
        'select seq from meeting_events where meeting_id = $1 order by seq',
        [meetingId],
      )
    ).rows.map((r) => r.seq);
    expect(seqs).toEqual([1, 2, 3, 4]);
  });

  it('CAP-LIVE-8: a node folds what another node committed, so commands alternating between nodes never clash on the seq', async () => {
    const { meetingId, onA, onB, seenOnA, seenOnB } = await acrossNodes();
    expect((await command(onB, meetingId, { type: 'startMeeting' })).ok).toBe(true);
    await until(() => seenOnA.some((e) => e.type === 'meeting.started'));
    // Every read of the log's tail through either node's pool from here on (a clash reads it before deciding again).
    const spies = { a: vi.spyOn(nodeA.database.pool, 'query'), b: vi.spyOn(nodeB.database.pool, 'query') };
    const tailReads = () => {
      const count = (spy: (typeof spies)['a']) =>
        spy.mock.calls.filter(([config]: readonly unknown[]) => {
          const text =
            typeof config === 'string'
              ? config
              : typeof config === 'object' && config !== null && 'text' in config
                ? String(config.text)
                : '';
          return /^\s*select\b[\s\S]*\bfrom "meeting_events"/i.test(text);
        }).length;
      return { a: count(spies.a), b: count(spies.b) };
    };
    try {
      for (let round = 0; round < 5; round += 1) {
        for (const [socket, other, seen] of [
          [onA, onB, seenOnB],
          [onB, onA, seenOnA],
        ] as const) {
          const text = `round ${round} from ${socket === onA ? 'A' : 'B'}`;
          const ack = await command(socket, meetingId, { type: 'suggestNote', stepId: 'identify', text });
          expect(ack.ok, JSON.stringify(ack)).toBe(true);
          // The other node's people have it: its runtime folded it first (one notification, in order).
          await until(() => seen.some((e) => e.type === 'note.suggested' && e.payload.text === text));
          expect(other.connected).toBe(true);
        }
      }
      expect(tailReads()).toEqual({ a: 0, b: 0 });
    } finally {
      spies.a.mockRestore();
      spies.b.mockRestore();
    }
  });

  it('MEET-RT-5: the timer is derived from the log, so a fresh node resumes it exactly', async () => {
    const meetingId = await openMeeting();
    const lead = socketFor('lead', portA);
    await join(lead, meetingId);
    await command(lead, meetingId, { type: 'startMeeting' });
    await command(lead, meetingId, { type: 'startTimer' });
    await new Promise((r) => setTimeout(r, 300));
    await command(lead, meetingId, { type: 'pauseTimer' });
    const fromB = socketFor('ben', portB);
    const joined = await join(fromB, meetingId);
    if (!joined.ok) throw new Error('join failed');
    const timer = currentTimer(replay(joined.events), Date.now() + 60_000);
    expect(timer?.status).toBe('paused');
    // Paused: an hour later the remaining time is what it was at the pause.
    expect(timer!.elapsedMs).toBeGreaterThanOrEqual(250);
    expect(timer!.elapsedMs).toBeLessThan(2000);
    expect(timer!.remainingMs + timer!.elapsedMs).toBe(timer!.plannedMs + timer!.extensionsMs);
  });

  it('MEET-RT-6: sockets without a session, and people outside the team, are refused', async () => {
    const anon = connect(`http://127.0.0.1:${portA}`, { path: '/socket.io', reconnection: false });
    sockets.push(anon);
    const error = await new Promise<Error>((resolve) => anon.on('connect_error', resolve));
    expect(error.message).toBe('unauthenticated');
    const meetingId = await openMeeting();
    const [outsider] = await nodeA.database.db
      .insert(users)
      .values({ districtId: people.lead.districtId, email: 'out@live.test', name: 'out', passwordHash: 'x' })
      .returning();
    const out = connect(`http://127.0.0.1:${portA}`, {
      path: '/socket.io',
      extraHeaders: { cookie: `ensemble_session=${(await signedInClient(nodeA, outsider!)).cookie}` },
      reconnection: false,
    });
    sockets.push(out);
    expect(await join(out, meetingId)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const cmd = await command(out, meetingId, { type: 'startMeeting' });
    expect(cmd).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('paged catch-up (TRUST-RT-JOINRACE)', () => {
  it('TRUST-RT-JOINRACE: a long log comes in pages of at most 500 with more: true, then the rest; joining again is cheap', async () => {
    const meetingId = await openMeeting();
    // 1,200 more events straight into the log (as if written through another node).
    await nodeA.database.pool.query(
      `INSERT INTO meeting_events (district_id, meeting_id, seq, type, v, at, actor_id, idempotency_key, payload)
       SELECT $1, $2, g, 'note.written', 1, $3::bigint + g, $4, NULL, jsonb_build_object('stepId', 'identify', 'text', 'n' || g)
       FROM generate_series(2, 1201) g`,
      [people.lead.districtId, meetingId, Date.now(), people.lead.id],
    );
    const ana = socketFor('ana', portA);
    const pages: { n: number; first: number | undefined; more: boolean }[] = [];
    for (let seq = 0; ;) {
      const ack = await join(ana, meetingId, seq);
      if (!ack.ok) throw new Error(JSON.stringify(ack));
      pages.push({ n: ack.events.length, first: ack.events[0]?.seq, more: ack.more });
      seq = ack.events.at(-1)?.seq ?? seq;
      if (!ack.more) break;
    }
    expect(pages).toEqual([
      { n: 500, first: 1, more: true },
      { n: 500, first: 501, more: true },
      { n: 201, first: 1001, more: false },
    ]);
    // The same socket asking again from its last seq: nothing new, no error.
    expect(await join(ana, meetingId, 1201)).toMatchObject({ ok: true, events: [], more: false });
  });

  it('TRUST-RT-1: lastSeq beyond the integer range, and a bad ping, are answered invalid', async () => {
    const meetingId = await openMeeting();
    const lead = socketFor('lead', portA);
    expect(await join(lead, meetingId, 2 ** 31)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await lead.timeout(5000).emitWithAck('time:ping', { clientSent: 'soon' })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(await lead.timeout(5000).emitWithAck('meeting:leave', { meetingId: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(await lead.timeout(5000).emitWithAck('no:such-event', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect((await join(lead, meetingId)).ok).toBe(true);
    expect(
      await command(lead, meetingId, { type: 'startMeeting' }).then(() =>
        command(lead, meetingId, { type: 'suggestNote', stepId: 'identify', text: 'a \u0000 b' }),
      ),
    ).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});

describe('meetings and a leader from outside the team', () => {
  it('MEET-AUTHZ-2 / TRUST-READ-2: a district admin who is not a member may schedule a meeting but not open it, join it or read its minutes', async () => {
    const adminUser = (await nodeA.database.db.select().from(users)).find(
      (u) => u.email === 'admin@live.test',
    )!;
    const admin = await signedInClient(nodeA, adminUser);
    const scheduled = await admin.post<{ id: string }>(`/api/groups/${groupId}/meetings`, {
      title: 'Visit',
      routineId: 'share-successes',
    });
    expect(scheduled.status).toBe(200);
    expect((await admin.post(`/api/meetings/${scheduled.body.id}/open`)).status).toBe(403);
    const s = connect(`http://127.0.0.1:${portA}`, {
      path: '/socket.io',
      extraHeaders: { cookie: `ensemble_session=${admin.cookie}` },
      reconnection: false,
    });
    sockets.push(s);
    const answer = await join(s, scheduled.body.id);
    expect(answer.ok).toBe(false);
    expect((await admin.get(`/api/meetings/${scheduled.body.id}/minutes`)).status).toBe(403);
  });
});
