/**
 * TRUST-RT-JOINRACE (docs/SPEC.md, issue 9 "What it must show"): on the built app as a child process, four
 * sockets (four people, so each has its own join allowance) leave and rejoin a live meeting 1,000 times in all,
 * each rejoin passing the last seq it holds, while five others
 * write as fast as their acks (and rate limits) allow. After every rejoin the socket holds every seq up to the
 * highest it has seen, and at the end it holds the whole log: 0 missed events. Before the fix (catch-up read
 * first, room joined after), 5 of 150 cycles missed exactly one event.
 */
import { describe, expect, it } from 'vitest';
import { ClientEvents } from '#contracts/realtime';
import {
  codeOf,
  openLiveMeeting,
  RtClient,
  seedDistrict,
  sleep,
  useChildApp,
  stepIdsOf,
  type AnyAck,
} from '../../../test/realtime-harness';

const CYCLES = Number(process.env.RT_JOINRACE_CYCLES ?? 1_000);
/** Rejoining sockets, each a different person: the per-socket join limit (10/s) would make one take 100 s. */
const REJOINERS = 4;

const env = useChildApp();

const retryAfter = (ack: AnyAck | null): number | null =>
  ack && !ack.ok && ack.error.code === 'rate_limited' ? Math.max(1, ack.error.retryAfterMs ?? 100) : null;

describe('TRUST-RT-JOINRACE: a rejoin never misses an event', () => {
  it('TRUST-RT-JOINRACE-1: 1,000 leave/rejoin cycles (four sockets) while others write: 0 missed events', async () => {
    const began = performance.now();
    const seeded = await seedDistrict(env.database.db, {
      name: 'Race District',
      teams: [{ name: 'Race Team', members: 5 + REJOINERS }],
    });
    const team = seeded.teams[0]!;
    const meetingId = await openLiveMeeting(env.app.base, team, 'Race weekly');
    const open = async (secret: string) => {
      const c = await RtClient.open(env.app.base, secret);
      env.clients.push(c);
      return c;
    };
    const lead = await open(team.facilitator.secret);
    const steps = stepIdsOf((await lead.mustJoin(meetingId, 0))[0]);
    const [timekeeper, noteTaker, ...rest] = await Promise.all(team.members.map((m) => open(m.secret)));
    const rejoiners = rest.slice(0, REJOINERS);
    const suggesters = rest.slice(REJOINERS);
    for (const c of [timekeeper!, noteTaker!, ...suggesters]) await c.mustJoin(meetingId, 0);
    await lead.must(meetingId, { type: 'startMeeting' });
    await lead.must(meetingId, {
      type: 'assignRoles',
      timekeeper: team.members[0]!.id,
      noteTaker: team.members[1]!.id,
    });

    // --- Writers: step moves, timer, the shared note, suggestions (until the per-person cap) ---------------
    let writing = true;
    const written = { ok: 0, rateLimited: 0, refused: new Map<string, number>() };
    /** `next(n)` gets how many of this writer's commands were accepted so far (so moves alternate). */
    const writer = async (c: RtClient, next: (n: number) => Record<string, unknown> | null) => {
      let accepted = 0;
      while (writing) {
        const cmd = next(accepted);
        if (!cmd) return;
        const ack = await c.command(meetingId, cmd);
        const wait = retryAfter(ack);
        if (ack?.ok) {
          written.ok++;
          accepted++;
        } else if (wait !== null) {
          written.rateLimited++;
          await sleep(wait);
        } else {
          const code = codeOf(ack);
          written.refused.set(code, (written.refused.get(code) ?? 0) + 1);
          if (code === 'LIMIT') return;
        }
      }
    };
    const timer = ['startTimer', 'pauseTimer', 'resumeTimer', 'pauseTimer'];
    const writers = Promise.all([
      writer(lead, (i) =>
        i % 2 === 0
          ? { type: 'nextStep', fromStepId: steps[0] }
          : { type: 'previousStep', fromStepId: steps[1] },
      ),
      writer(timekeeper!, (i) => ({ type: i === 0 ? 'startTimer' : timer[1 + ((i - 1) % 3)] })),
      writer(noteTaker!, (i) => ({ type: 'writeNote', stepId: steps[0], text: `note v${i}` })),
      ...suggesters.map((c, k) =>
        writer(c, (i) => ({ type: 'suggestNote', stepId: steps[0], text: `suggestion ${k}-${i}` })),
      ),
    ]);

    // --- The rejoiners -----------------------------------------------------------------------------------
    const missed: string[] = [];
    let joinsRateLimited = 0;
    let waitedMs = 0;
    const rejoin = async (rejoiner: RtClient, cycles: number, who: number) => {
      expect((await rejoiner.join(meetingId, 0))?.ok).toBe(true);
      for (let cycle = 0; cycle < cycles; cycle++) {
        // As the web client does: leave, then join again at once with the last seq it holds (no wait between).
        void rejoiner.ask(ClientEvents.leave, { meetingId }, 5_000);
        let ack: AnyAck | null = null;
        for (;;) {
          ack = await rejoiner.join(meetingId, rejoiner.contiguous(meetingId));
          const wait = retryAfter(ack);
          if (wait === null) break;
          joinsRateLimited++;
          waitedMs += wait;
          await sleep(wait);
        }
        if (!ack?.ok) throw new Error(`rejoiner ${who} cycle ${cycle}: join answered ${JSON.stringify(ack)}`);
        // A moment in the room, as a screen would be, then: is anything below the newest seq held missing?
        await sleep(cycle % 3);
        const gaps = rejoiner.gaps(meetingId);
        if (gaps.length) missed.push(`rejoiner ${who} cycle ${cycle}: missing seq ${gaps.join(', ')}`);
        if (!rejoiner.connected)
          throw new Error(`rejoiner ${who} cycle ${cycle}: disconnected (${rejoiner.disconnectReason})`);
      }
    };
    await Promise.all(
      rejoiners.map((c, k) =>
        rejoin(c, Math.floor(CYCLES / REJOINERS) + (k < CYCLES % REJOINERS ? 1 : 0), k),
      ),
    );
    const racedMs = performance.now() - began;
    writing = false;
    await writers;
    await sleep(500);

    const rows = await env.database.pool.query<{ n: number }>(
      'select coalesce(max(seq), 0)::int as n from meeting_events where meeting_id = $1',
      [meetingId],
    );
    const last = rows.rows[0]!.n;
    const finalGaps = rejoiners.flatMap((c) => c.gaps(meetingId, last));
    const others = [lead, timekeeper!, noteTaker!, ...suggesters].map((c) => c.gaps(meetingId, last).length);
    console.log(
      `TRUST-RT-JOINRACE-1 cycles=${CYCLES} events=${last} writes_ok=${written.ok} writes_rate_limited=${written.rateLimited} ` +
        `writes_refused=${JSON.stringify(Object.fromEntries(written.refused))} joins_rate_limited=${joinsRateLimited} ` +
        `waited_ms=${waitedMs} cycles_with_a_gap=${missed.length} final_missing=${finalGaps.length} ` +
        `others_missing=${JSON.stringify(others)} elapsed_s=${(racedMs / 1000).toFixed(1)}`,
    );
    expect(missed.slice(0, 10), missed.slice(0, 10).join('\n')).toEqual([]);
    expect(finalGaps).toEqual([]);
    expect(others.every((n) => n === 0)).toBe(true);
    // The race needs writes to race against.
    expect(last).toBeGreaterThan(200);
  }, 240_000);
});
