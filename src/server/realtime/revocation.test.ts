/**
 * TRUST-REVOKE (docs/SPEC.md, issue 9 item 2): access ends when it should. One test per case: sign-out,
 * sign-out everywhere, password reset, deactivation by an admin, role change, removal from the team. In each, the
 * person's socket is joined to a live meeting; after the change has answered, the facilitator keeps writing; the
 * socket must be disconnected within 1 s and receive none of the events written after the change. Sockets that
 * keep their access (another session of the same person, the rest of the team) stay connected and receive them,
 * so "nothing arrived" cannot pass because nothing was sent. A removed member cannot rejoin, catch up or send
 * commands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientEvents } from '#contracts/realtime';
import { hashPassword } from '../auth/passwords';
import { groupMembers, groups, schools, users } from '../db/schema';
import {
  createDistrictWithAdmin,
  createTestApp,
  linkFrom,
  signedInClient,
  type Client,
  type TestApp,
} from '../testing/api-harness';
import { isErrorAck, RtClient, sleep, stepIdsOf } from '../../../test/realtime-harness';

/** Disconnected within this long after the change answered (issue 9 item 2). */
const WITHIN_MS = 1_000;

let t: TestApp;
let base = '';
let districtId = '';
let groupId = '';
let schoolId = '';
let admin: Client;
let meetingId = '';
let steps: string[] = [];
let lead: RtClient;
let witness: RtClient;
let forward = true;
const sockets: RtClient[] = [];

interface Person {
  id: string;
  email: string;
  client: Client;
}
const people = new Map<string, Person>();

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const d = await createDistrictWithAdmin(t, 'Revoke District', 'admin@revoke.test');
  districtId = d.district.id;
  admin = d.client;
  const db = t.database.db;
  const [school] = await db.insert(schools).values({ districtId, name: 'S' }).returning();
  const [g] = await db
    .insert(groups)
    .values({ districtId, schoolId: school!.id, kind: 'teacher_team', focus: 'plc', name: 'Revoke Team' })
    .returning();
  groupId = g!.id;
  schoolId = school!.id;
  const hash = await hashPassword('revocation test password');
  for (const key of [
    'lead',
    'witness',
    'signout',
    'everywhere',
    'reset',
    'deactivated',
    'role',
    'district-role',
    'school-role',
    'removed',
    'leaver',
  ]) {
    const email = `${key}@revoke.test`;
    const [u] = await db
      .insert(users)
      .values({ districtId, email, name: key, passwordHash: hash, emailVerifiedAt: new Date() })
      .returning();
    await db
      .insert(groupMembers)
      .values({ districtId, groupId, userId: u!.id, role: key === 'lead' ? 'facilitator' : 'member' });
    people.set(key, { id: u!.id, email, client: await signedInClient(t, u!) });
  }
  const scheduled = await person('lead').client.post<{ id: string }>(`/api/groups/${groupId}/meetings`, {
    title: 'Revocation weekly',
    routineId: 'share-successes',
  });
  expect(scheduled.status).toBe(200);
  meetingId = scheduled.body.id;
  expect((await person('lead').client.post(`/api/meetings/${meetingId}/open`)).status).toBe(200);
  lead = await socketOf(person('lead').client);
  steps = stepIdsOf((await lead.mustJoin(meetingId, 0))[0]);
  await lead.must(meetingId, { type: 'startMeeting' });
  witness = await joined(person('witness').client);
}, 120_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
}, 60_000);

function person(key: string): Person {
  const p = people.get(key);
  if (!p) throw new Error(`no person ${key}`);
  return p;
}

async function socketOf(client: Client): Promise<RtClient> {
  if (!client.cookie) throw new Error('client has no session');
  // No Origin header, as a Node client (and the existing realtime tests) connect.
  const s = await RtClient.open(base, client.cookie, { origin: null });
  sockets.push(s);
  return s;
}

async function joined(client: Client): Promise<RtClient> {
  const s = await socketOf(client);
  await s.mustJoin(meetingId, 0);
  return s;
}

/** A fresh connection with a session cookie: `connected`, or the connect error's message. */
async function reconnect(cookie: string): Promise<string> {
  try {
    const s = await RtClient.open(base, cookie, { origin: null, timeoutMs: 3_000 });
    sockets.push(s);
    s.close();
    return 'connected';
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/**
 * Five step moves by the facilitator, at a pace a person might click (waiting out a `rate_limited` answer as
 * the web client does); their seqs.
 */
async function facilitatorWrites(): Promise<number[]> {
  const seqs: number[] = [];
  while (seqs.length < 5) {
    const ack = await lead.command(
      meetingId,
      forward ? { type: 'nextStep', fromStepId: steps[0] } : { type: 'previousStep', fromStepId: steps[1] },
    );
    if (ack && !ack.ok && ack.error.code === 'rate_limited') {
      await sleep(ack.error.retryAfterMs ?? 100);
      continue;
    }
    if (!ack?.ok) throw new Error(`step move failed: ${JSON.stringify(ack)}`);
    forward = !forward;
    seqs.push(...(ack.events ?? []).map((e) => e.seq));
    await sleep(60);
  }
  return seqs;
}

interface Outcome {
  /** ms from the change's answer to each cut socket's disconnect (null: still connected after WITHIN_MS). */
  disconnectMs: (number | null)[];
  /** Seqs written after the change that reached a cut socket. */
  leaked: number[];
  /** Seqs written after the change that did not reach a socket that kept its access. */
  missedByKept: number[];
}

/**
 * Runs `change` (which must answer 2xx) while `cut` sockets and `kept` sockets are in the meeting; the
 * facilitator writes right after it answers.
 */
async function revoke(change: () => Promise<number>, cut: RtClient[], kept: RtClient[]): Promise<Outcome> {
  for (const s of [...cut, ...kept]) expect(s.connected).toBe(true);
  const status = await change();
  expect(status, 'the change itself').toBeLessThan(300);
  const answered = performance.now();
  const written = await facilitatorWrites();
  while (performance.now() - answered < WITHIN_MS && cut.some((s) => s.connected)) await sleep(5);
  await sleep(200);
  const outcome: Outcome = {
    disconnectMs: cut.map((s) =>
      s.disconnectedAt === null ? null : Math.round(s.disconnectedAt - answered),
    ),
    leaked: cut.flatMap((s) => s.pushed.filter((p) => written.includes(p.event.seq)).map((p) => p.event.seq)),
    missedByKept: kept.flatMap((s) => written.filter((seq) => !s.held.get(meetingId)?.has(seq))),
  };
  console.log(
    `${expect.getState().currentTestName?.split(':')[0]} ${JSON.stringify({ ...outcome, written })}`,
  );
  return outcome;
}

function expectCutOff(o: Outcome): void {
  for (const ms of o.disconnectMs) {
    expect(ms, 'disconnected within 1 s').not.toBeNull();
    expect(ms!).toBeLessThanOrEqual(WITHIN_MS);
  }
  expect(o.leaked, 'events written after the change reached the socket').toEqual([]);
  expect(o.missedByKept, 'sockets that kept access missed events').toEqual([]);
}

describe('TRUST-REVOKE: sockets do not outlive access', () => {
  it('TRUST-REVOKE-1: sign-out closes that session’s sockets within 1 s; the person’s other session keeps its socket', async () => {
    const p = person('signout');
    const other = await signedInClient(t, { id: p.id, districtId });
    const cookie = p.client.cookie!;
    const mine = await joined(p.client);
    const onOtherDevice = await joined(other);
    const o = await revoke(
      async () => (await p.client.post('/api/auth/sign-out')).status,
      [mine],
      [onOtherDevice, witness],
    );
    expectCutOff(o);
    expect(onOtherDevice.connected).toBe(true);
    expect(await reconnect(cookie)).toBe('unauthenticated');
  });

  it('TRUST-REVOKE-2: sign-out everywhere closes every socket of the person within 1 s', async () => {
    const p = person('everywhere');
    const other = await signedInClient(t, { id: p.id, districtId });
    const cookies = [p.client.cookie!, other.cookie!];
    const a = await joined(p.client);
    const b = await joined(other);
    const o = await revoke(
      async () => (await p.client.post('/api/auth/sign-out-everywhere')).status,
      [a, b],
      [witness],
    );
    expectCutOff(o);
    for (const c of cookies) expect(await reconnect(c)).toBe('unauthenticated');
  });

  it('TRUST-REVOKE-3: a completed password reset closes every socket of the person within 1 s', async () => {
    const p = person('reset');
    const cookie = p.client.cookie!;
    const s = await joined(p.client);
    const stranger = await signedInClient(t, { id: person('witness').id, districtId });
    stranger.cookie = null;
    expect((await stranger.post('/api/auth/password-reset', { email: p.email })).status).toBe(200);
    const token = new URLSearchParams(linkFrom(t.mails, p.email, '/reset-password?token=').split('?')[1]).get(
      'token',
    );
    const o = await revoke(
      async () =>
        (
          await stranger.post('/api/auth/password-reset/complete', {
            token,
            password: 'a brand new passphrase 42',
          })
        ).status,
      [s],
      [witness],
    );
    expectCutOff(o);
    expect(await reconnect(cookie)).toBe('unauthenticated');
  });

  it('TRUST-REVOKE-4: deactivation by a district admin closes the person’s sockets within 1 s', async () => {
    const p = person('deactivated');
    const cookie = p.client.cookie!;
    const s = await joined(p.client);
    const o = await revoke(
      async () => (await admin.patch(`/api/people/${p.id}`, { active: false })).status,
      [s],
      [witness],
    );
    expectCutOff(o);
    expect(await reconnect(cookie)).toBe('unauthenticated');
  });

  it('TRUST-REVOKE-5: a change of team role closes the person’s sockets within 1 s; reconnecting passes the policy again', async () => {
    const p = person('role');
    const s = await joined(p.client);
    const o = await revoke(
      async () =>
        (await person('lead').client.patch(`/api/groups/${groupId}/members/${p.id}`, { role: 'facilitator' }))
          .status,
      [s],
      [witness],
    );
    expectCutOff(o);
    // Still a member: a new socket joins and catches up from what it held.
    const again = await socketOf(p.client);
    const ack = await again.join(meetingId, s.contiguous(meetingId));
    expect(ack?.ok).toBe(true);
  });

  it('TRUST-REVOKE-5: a change of district role closes the person’s sockets within 1 s', async () => {
    const p = person('district-role');
    const s = await joined(p.client);
    const o = await revoke(
      async () => (await admin.patch(`/api/people/${p.id}`, { districtRole: 'district_admin' })).status,
      [s],
      [witness],
    );
    expectCutOff(o);
  });

  it('TRUST-REVOKE-5: a change of school role closes the person’s sockets within 1 s', async () => {
    const p = person('school-role');
    const s = await joined(p.client);
    const o = await revoke(
      async () =>
        (await admin.put(`/api/schools/${schoolId}/people/${p.id}`, { role: 'school_leader' })).status,
      [s],
      [witness],
    );
    expectCutOff(o);
  });

  it('TRUST-REVOKE-6: removal from the team closes the socket within 1 s; the person cannot rejoin, catch up or send commands', async () => {
    const p = person('removed');
    const s = await joined(p.client);
    const o = await revoke(
      async () => (await person('lead').client.delete(`/api/groups/${groupId}/members/${p.id}`)).status,
      [s],
      [witness],
    );
    expectCutOff(o);
    // The session is still valid (the person is still in the district): the socket connects, and gets nothing.
    const again = await socketOf(p.client);
    const rejoin = await again.join(meetingId, 0);
    expect(isErrorAck(rejoin), JSON.stringify(rejoin).slice(0, 300)).toBe(true);
    const catchUp = await again.join(meetingId, s.contiguous(meetingId));
    expect(isErrorAck(catchUp), JSON.stringify(catchUp).slice(0, 300)).toBe(true);
    const cmd = await again.command(meetingId, {
      type: 'suggestNote',
      stepId: steps[0],
      text: 'still here?',
    });
    expect(isErrorAck(cmd), JSON.stringify(cmd).slice(0, 300)).toBe(true);
    const late = await facilitatorWrites();
    await sleep(200);
    expect(again.pushed.filter((e) => late.includes(e.event.seq))).toEqual([]);
    // Not even through a leave and a second join on the same socket.
    await again.ask(ClientEvents.leave, { meetingId });
    expect(isErrorAck(await again.join(meetingId, 0))).toBe(true);
  });

  it('TRUST-REVOKE-6: leaving the team closes the person’s socket within 1 s; they cannot rejoin', async () => {
    const p = person('leaver');
    const s = await joined(p.client);
    const o = await revoke(
      async () => (await p.client.delete(`/api/groups/${groupId}/members/${p.id}`)).status,
      [s],
      [witness],
    );
    expectCutOff(o);
    const again = await socketOf(p.client);
    const rejoin = await again.join(meetingId, 0);
    expect(isErrorAck(rejoin), JSON.stringify(rejoin).slice(0, 300)).toBe(true);
  });
});
