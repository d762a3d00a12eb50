/**
 * The projector is a shared screen (DAY-PROJ-1, DAY-PROJ-3): it learns the address phones can reach from the
 * meeting's summary, and joins the meeting as a projector, so no private reflection reaches it, not even one
 * of the person whose session opened it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { MeetingEvent } from '#contracts/meeting';
import type { MeetingSummary } from '#contracts/meetings-api';
import { PROTOCOL_VERSION, type CommandAck, type JoinAck } from '#contracts/realtime';
import { hashPassword } from '../auth/passwords';
import { groupMembers, groups, schools, users } from '../db/schema';
import {
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  type Client,
  type TestApp,
} from '../testing/api-harness';

let t: TestApp;
let port = 0;
let lead: Client;
let groupId = '';
const sockets: Socket[] = [];
const secret = `LEAD-PRIVATE-${randomUUID()}`;

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address();
  port = typeof addr === 'object' && addr ? addr.port : 0;
  const d = await createDistrictWithAdmin(t, 'Wall District', 'admin@wall.test');
  const db = t.database.db;
  const [school] = await db.insert(schools).values({ districtId: d.district.id, name: 'S' }).returning();
  const [g] = await db
    .insert(groups)
    .values({
      districtId: d.district.id,
      schoolId: school!.id,
      kind: 'teacher_team',
      focus: 'plc',
      name: 'Wall',
    })
    .returning();
  groupId = g!.id;
  const hash = await hashPassword('wall test password');
  for (const [key, role] of [
    ['lead', 'facilitator'],
    ['ana', 'member'],
  ] as const) {
    const [u] = await db
      .insert(users)
      .values({ districtId: d.district.id, email: `${key}@wall.test`, name: key, passwordHash: hash })
      .returning();
    await db.insert(groupMembers).values({ districtId: d.district.id, groupId, userId: u!.id, role });
    if (key === 'lead') lead = await signedInClient(t, u!);
  }
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t.close();
});

function socket(): Socket {
  const s = connect(`http://127.0.0.1:${port}`, {
    path: '/socket.io',
    extraHeaders: { cookie: `ensemble_session=${lead.cookie}` },
    reconnection: false,
  });
  sockets.push(s);
  return s;
}

const join = (s: Socket, meetingId: string, view?: 'projector') =>
  s.timeout(5000).emitWithAck('meeting:join', {
    protocolVersion: PROTOCOL_VERSION,
    meetingId,
    lastSeq: 0,
    ...(view && { view }),
  }) as Promise<JoinAck>;

const command = (s: Socket, meetingId: string, cmd: Record<string, unknown>) =>
  s.timeout(5000).emitWithAck('meeting:command', {
    meetingId,
    command: { idempotencyKey: randomUUID(), ...cmd },
  }) as Promise<CommandAck>;

function collect(s: Socket): MeetingEvent[] {
  const seen: MeetingEvent[] = [];
  s.on('meeting:events', (p: { events: MeetingEvent[] }) => seen.push(...p.events));
  return seen;
}

const until = async (check: () => boolean, ms = 3000) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('the projector', () => {
  it('DAY-PROJ-1: the meeting summary names the public address for the join link and QR code', async () => {
    const scheduled = await lead.post<MeetingSummary>(`/api/groups/${groupId}/meetings`, {
      title: 'Wall',
      routineId: 'share-successes',
    });
    expect(scheduled.body.publicUrl).toBe('http://ensemble.test');
    const read = await lead.get<MeetingSummary>(`/api/meetings/${scheduled.body.id}`);
    expect(read.body.publicUrl).toBe('http://ensemble.test');
  });

  it('DAY-PROJ-3: a projector opened with the facilitator’s session receives none of the facilitator’s private reflections, live or in the catch-up', async () => {
    const scheduled = await lead.post<{ id: string }>(`/api/groups/${groupId}/meetings`, {
      title: 'Private',
      routineId: 'share-successes',
    });
    const meetingId = scheduled.body.id;
    await lead.post(`/api/meetings/${meetingId}/open`);
    const device = socket();
    const wall = socket();
    expect((await join(device, meetingId)).ok).toBe(true);
    expect((await join(wall, meetingId, 'projector')).ok).toBe(true);
    const onDevice = collect(device);
    const onWall = collect(wall);
    expect((await command(device, meetingId, { type: 'startMeeting' })).ok).toBe(true);
    const written = await command(device, meetingId, {
      type: 'writeReflection',
      stepId: 'identify',
      text: secret,
    });
    expect(written.ok).toBe(true);
    await until(() => onDevice.some((e) => e.type === 'reflection.written'));
    await until(() => onWall.some((e) => e.type === 'event.redacted'));
    expect(JSON.stringify(onWall)).not.toContain(secret);
    expect(JSON.stringify(onDevice)).toContain(secret);

    const late = socket();
    const caughtUp = await join(late, meetingId, 'projector');
    expect(caughtUp.ok && caughtUp.events.some((e) => e.type === 'event.redacted')).toBe(true);
    expect(JSON.stringify(caughtUp)).not.toContain(secret);
    const again = socket();
    expect(JSON.stringify(await join(again, meetingId))).toContain(secret);
  });
});
