/**
 * TRUST-RT-FLOOD (docs/SPEC.md, issue 9 "What it must show"): the built app runs as a child process; one member's
 * socket (its own process, test/realtime-flooder.mjs) sends joins, refused commands and valid commands as fast as
 * it can for 10 s, while 20 other clients run two meetings: ten in the flooder's meeting and ten in another
 * team's. Each facilitator moves between steps every 200 ms; the time until every other client sees the step
 * change stays under 100 ms at p99; every member can still suggest and ask; the flooder gets `rate_limited`;
 * nobody misses an event. The measured figures are printed.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../test/app-process';
import {
  openLiveMeeting,
  percentile,
  RtClient,
  seedDistrict,
  sleep,
  useChildApp,
  stepIdsOf,
  type SeededTeam,
} from '../../../test/realtime-harness';

const FLOOD_MS = Number(process.env.RT_FLOOD_MS ?? 10_000);
const STEP_EVERY_MS = 200;
const P99_LIMIT_MS = 100;
/** A step change that has not reached a client after this long counts as lost. */
const ARRIVAL_TIMEOUT_MS = 3_000;

const env = useChildApp();

interface Room {
  name: string;
  meetingId: string;
  steps: string[];
  lead: RtClient;
  members: RtClient[];
  /** The next move goes forward (from the first step) or back (from the second). */
  forward: boolean;
}

async function room(name: string, team: SeededTeam, people: number): Promise<Room> {
  const meetingId = await openLiveMeeting(env.app.base, team, name);
  const lead = await RtClient.open(env.app.base, team.facilitator.secret);
  const steps = stepIdsOf((await lead.mustJoin(meetingId, 0))[0]);
  const members: RtClient[] = [];
  for (const m of team.members.slice(0, people - 1)) {
    const c = await RtClient.open(env.app.base, m.secret);
    await c.mustJoin(meetingId, 0);
    members.push(c);
  }
  env.clients.push(lead, ...members);
  await lead.must(meetingId, { type: 'startMeeting' });
  return { name, meetingId, steps, lead, members, forward: true };
}

interface Phase {
  latencies: number[];
  /** The facilitator's own command round trips (commit included). */
  ackMs: number[];
  /** When (`performance.now()`) a step change took over 100 ms to be acked: to line up with the flooder's bursts. */
  slowAt: number[];
  lost: number;
  changes: number;
  refused: string[];
}

/** The facilitator moves forward and back every STEP_EVERY_MS; each other client's delay is measured. */
async function stepChanges(r: Room, durationMs: number, phase: Phase): Promise<void> {
  const stopAt = performance.now() + durationMs;
  const pending: Promise<void>[] = [];
  while (performance.now() < stopAt) {
    const tick = performance.now();
    const sentAt = performance.now();
    const ack = await r.lead.command(
      r.meetingId,
      r.forward
        ? { type: 'nextStep', fromStepId: r.steps[0] }
        : { type: 'previousStep', fromStepId: r.steps[1] },
    );
    phase.ackMs.push(performance.now() - sentAt);
    if (performance.now() - sentAt > P99_LIMIT_MS) phase.slowAt.push(sentAt);
    if (!ack?.ok || !ack.events?.[0]) {
      phase.refused.push(`${r.name} step change: ${JSON.stringify(ack)}`);
    } else {
      const seq = ack.events[0].seq;
      r.forward = !r.forward;
      phase.changes++;
      for (const c of r.members)
        pending.push(
          arrival(c, r.meetingId, seq).then((at) => {
            if (at === null) phase.lost++;
            else phase.latencies.push(at - sentAt);
          }),
        );
    }
    await sleep(Math.max(0, STEP_EVERY_MS - (performance.now() - tick)));
  }
  await Promise.all(pending);
}

/** When `seq` of the meeting reached the client (`performance.now()`), or null after ARRIVAL_TIMEOUT_MS. */
async function arrival(c: RtClient, meetingId: string, seq: number): Promise<number | null> {
  const began = performance.now();
  while (performance.now() - began < ARRIVAL_TIMEOUT_MS) {
    const at = c.arrivals.get(`${meetingId}:${seq}`);
    if (at !== undefined) return at;
    await sleep(10);
  }
  return null;
}

/**
 * Every member suggests a note and asks a question, each at its own random moment within `withinMs` (people do
 * not all press at the same millisecond); each must be accepted.
 */
async function everyoneWrites(r: Room, withinMs: number, refused: string[], acks: number[]): Promise<void> {
  await Promise.all(
    r.members.flatMap((c, i) =>
      [
        { type: 'suggestNote', stepId: r.steps[0], text: `${r.name} note ${i}` },
        { type: 'submitQuestion', kind: 'clarifying', text: `${r.name} question ${i}` },
      ].map(async (cmd) => {
        await sleep(Math.random() * withinMs);
        const began = performance.now();
        const ack = await c.command(r.meetingId, cmd);
        acks.push(performance.now() - began);
        if (!ack?.ok) refused.push(`${r.name} member ${i} ${cmd.type}: ${JSON.stringify(ack)}`);
      }),
    ),
  );
}

function summary(p: Phase): string {
  const f = (n: number) => n.toFixed(1);
  return (
    `changes=${p.changes} samples=${p.latencies.length} lost=${p.lost} p50=${f(percentile(p.latencies, 50))} ` +
    `p95=${f(percentile(p.latencies, 95))} p99=${f(percentile(p.latencies, 99))} max=${f(Math.max(...p.latencies))} ` +
    `facilitator_ack_p50=${f(percentile(p.ackMs, 50))} ack_p99=${f(percentile(p.ackMs, 99))}`
  );
}

/** CPU seconds (user + system) a process has used so far, from /proc (0 where /proc is missing). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

describe('TRUST-RT-FLOOD: one abusive socket does not slow the others', () => {
  it('TRUST-RT-FLOOD-1: a 10 s flood of joins and commands: step-change p99 < 100 ms for 20 clients in two meetings, members still suggest and ask, the flooder is rate-limited', async () => {
    const seeded = await seedDistrict(env.database.db, {
      name: 'Flood District',
      teams: [
        { name: 'Flooded Team', members: 10 },
        { name: 'Neighbour Team', members: 9 },
      ],
    });
    const [teamA, teamB] = seeded.teams as [SeededTeam, SeededTeam];
    const flooder = teamA.members[9]!;
    const a = await room('A', teamA, 10);
    const b = await room('B', teamB, 10);

    // Before the flood: the same measurement, for comparison.
    const quiet: Phase = { latencies: [], ackMs: [], slowAt: [], lost: 0, changes: 0, refused: [] };
    await Promise.all([stepChanges(a, 2_000, quiet), stepChanges(b, 2_000, quiet)]);

    const child = spawn(
      process.execPath,
      [
        join(repoRoot, 'test/realtime-flooder.mjs'),
        env.app.base,
        flooder.secret,
        a.meetingId,
        b.meetingId,
        String(FLOOD_MS),
        a.steps[0]!,
      ],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const readyBy = performance.now() + 20_000;
    while (!out.includes('ready') && performance.now() < readyBy && child.exitCode === null) await sleep(20);
    expect(out, 'the flooder did not start').toContain('ready');

    const appCpuBefore = cpuSeconds(env.app.child.pid);
    const floodBegan = performance.now();
    let flooderCpu = 0;
    const flooderCpuProbe = setInterval(() => (flooderCpu = cpuSeconds(child.pid) || flooderCpu), 250);
    const floodA: Phase = { latencies: [], ackMs: [], slowAt: [], lost: 0, changes: 0, refused: [] };
    const floodB: Phase = { latencies: [], ackMs: [], slowAt: [], lost: 0, changes: 0, refused: [] };
    const testCpuBefore = process.cpuUsage();
    const writes: string[] = [];
    const writeAcks: number[] = [];
    await Promise.all([
      stepChanges(a, FLOOD_MS - 500, floodA),
      stepChanges(b, FLOOD_MS - 500, floodB),
      sleep(500).then(() =>
        Promise.all([
          everyoneWrites(a, FLOOD_MS - 2_000, writes, writeAcks),
          everyoneWrites(b, FLOOD_MS - 2_000, writes, writeAcks),
        ]),
      ),
    ]);
    const appCpu = cpuSeconds(env.app.child.pid) - appCpuBefore;
    const testCpu = process.cpuUsage(testCpuBefore);
    const flood: Phase = {
      latencies: [...floodA.latencies, ...floodB.latencies],
      ackMs: [...floodA.ackMs, ...floodB.ackMs],
      slowAt: [...floodA.slowAt, ...floodB.slowAt].sort((x, y) => x - y),
      lost: floodA.lost + floodB.lost,
      changes: floodA.changes + floodB.changes,
      refused: [...floodA.refused, ...floodB.refused],
    };
    const floodSeconds = (performance.now() - floodBegan) / 1000;
    const code = await exited;
    clearInterval(flooderCpuProbe);
    const report = /\{.*"sent".*\}/.exec(out)?.[0];
    const stats = report
      ? (JSON.parse(report) as {
          sent: number;
          codes: Record<string, number>;
          reconnects: number;
          retryAfterMax: number;
        })
      : null;

    await sleep(300);
    const rows = await env.database.pool.query<{ meeting_id: string; n: number }>(
      'select meeting_id, max(seq)::int as n from meeting_events where meeting_id = any($1) group by meeting_id',
      [[a.meetingId, b.meetingId]],
    );
    const lastOf = new Map(rows.rows.map((r) => [r.meeting_id, r.n]));
    const gaps = [a, b].flatMap((r) =>
      [r.lead, ...r.members].flatMap((c, i) => {
        const g = c.gaps(r.meetingId, lastOf.get(r.meetingId) ?? 0);
        return g.length ? [`${r.name} client ${i}: missing ${g.slice(0, 5).join(', ')} (${g.length})`] : [];
      }),
    );

    console.log(
      `TRUST-RT-FLOOD-1 quiet: ${summary(quiet)}\n` +
        `TRUST-RT-FLOOD-1 flood: ${summary(flood)}\n` +
        `TRUST-RT-FLOOD-1 flood, the flooder's meeting: ${summary(floodA)}\n` +
        `TRUST-RT-FLOOD-1 flood, the other meeting: ${summary(floodB)}\n` +
        `TRUST-RT-FLOOD-1 slow step changes (> ${P99_LIMIT_MS} ms) at s into the flood: ` +
        `${flood.slowAt.map((t) => ((t - floodBegan) / 1000).toFixed(2)).join(' ')}\n` +
        `TRUST-RT-FLOOD-1 member writes during the flood: ${writeAcks.length} acks, p50=${percentile(writeAcks, 50).toFixed(1)} ` +
        `p99=${percentile(writeAcks, 99).toFixed(1)} ms, refused=${writes.length}\n` +
        `TRUST-RT-FLOOD-1 flooder: exit=${code} ${report ?? out.slice(-500)}\n` +
        `TRUST-RT-FLOOD-1 cpu during the flood (${floodSeconds.toFixed(1)} s): app ${appCpu.toFixed(1)} s, ` +
        `flooder ${flooderCpu.toFixed(1)} s, this test process ${((testCpu.user + testCpu.system) / 1e6).toFixed(1)} s\n` +
        `TRUST-RT-FLOOD-1 events: A last seq ${lastOf.get(a.meetingId)}, B last seq ${lastOf.get(b.meetingId)}, gaps=${gaps.length}`,
    );
    expect(code).toBe(0);
    expect(stats).not.toBeNull();
    expect(env.app.child.exitCode).toBeNull();
    expect(quiet.refused.concat(flood.refused).slice(0, 10)).toEqual([]);
    expect(writes.slice(0, 10)).toEqual([]);
    expect(flood.lost).toBe(0);
    expect(gaps).toEqual([]);
    expect(flood.latencies.length).toBeGreaterThan(300);
    expect(percentile(flood.latencies, 99)).toBeLessThan(P99_LIMIT_MS);
    expect(stats?.codes.rate_limited ?? 0).toBeGreaterThan(0);
  }, 120_000);
});
