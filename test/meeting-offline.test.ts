/**
 * MEET-OFFLINE-1 (docs/SPEC.md): the web app's own MeetingClient (src/web/meetings/live), run in
 * Node over socket.io-client with reconnection on, reaches the built app through a TCP proxy on 127.0.0.1.
 * The proxy cuts the network for 60 s without telling either end; the client queues 10 notes meanwhile while
 * two other people keep working directly. When the network returns, the client reconnects by itself, rejoins
 * with its last seq, resends its outbox with the same idempotency keys, and ends up with the server's log:
 * each queued note exactly once, and everything the others did during the cut.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentTimer } from '#core/meeting/index';
import { MeetingClient, type CommandResult } from '../src/web/meetings/live/meeting-client';
import {
  buildServer,
  DEMO_TEAM,
  demoEmail,
  groupIdOf,
  LiveSocket,
  noteTexts,
  openMeeting,
  seqProblems,
  signIn,
  sleep,
  startDemoApp,
  stopApp,
  until,
  type DemoApp,
} from './meeting-harness';
import { CuttableProxy } from './meeting-proxy';
import { nodeSocketTransport, type TransportRecord } from './meeting-transport';

const CUT_MS = Number(process.env.MEET_OFFLINE_CUT_MS ?? 60_000);
const QUEUED = 10;

const dataDir = mkdtempSync(join(tmpdir(), 'ensemble-meeting-offline-'));
chmodSync(dataDir, 0o755);
let app: DemoApp | null = null;
let proxy: CuttableProxy | null = null;
let client: MeetingClient | null = null;
const sockets: LiveSocket[] = [];

beforeAll(async () => {
  buildServer();
  app = await startDemoApp(dataDir);
}, 180_000);

afterAll(async () => {
  client?.stop();
  for (const s of sockets) s.close();
  await proxy?.close();
  if (app) await stopApp(app);
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('a client that goes offline', () => {
  it('MEET-OFFLINE-1: 60 s network cut: 10 queued notes land exactly once with their keys; the client catches up', async () => {
    const running = app!;
    const coachHttp = await signIn(running.base, demoEmail('coach'), running.password);
    const t1Http = await signIn(running.base, demoEmail('teacher1'), running.password);
    const t2Http = await signIn(running.base, demoEmail('teacher2'), running.password);
    const meetingId = await openMeeting(coachHttp, await groupIdOf(coachHttp, DEMO_TEAM), 'Offline test');
    const coach = await LiveSocket.open(running.base, coachHttp);
    const teacher2 = await LiveSocket.open(running.base, t2Http);
    sockets.push(coach, teacher2);
    await coach.join(meetingId, 0);
    await teacher2.join(meetingId, 0);
    await coach.startMeetingWithTimer(meetingId);

    proxy = await CuttableProxy.start(running.port);
    const record: TransportRecord = { requests: [], connects: [], disconnects: [] };
    const offline = new MeetingClient({
      meetingId,
      transport: nodeSocketTransport(`http://127.0.0.1:${proxy.port}`, t1Http.session, record),
    });
    client = offline;
    offline.start();
    await until(() => offline.getSnapshot().connection === 'live', 15_000, 'the client to go live');
    expect(
      (
        await offline.send({
          type: 'suggestNote',
          stepId: 'identify',
          text: 'teacher1 online before the cut',
        })
      ).ok,
    ).toBe(true);
    await until(() => offline.getSnapshot().state.seq === 4, 5_000, 'the online note in the client state');

    // --- The cut -------------------------------------------------------------------------------------
    const seqAtCut = offline.getSnapshot().state.seq;
    proxy.cutNetwork();
    const cutAt = Date.now();
    const queuedTexts = Array.from({ length: QUEUED }, (_, i) => `teacher1 offline note ${i}`);
    const settled: { at: number; result: CommandResult }[] = [];
    const queued = queuedTexts.map((text) =>
      offline.send({ type: 'suggestNote', stepId: 'identify', text }).then((result) => {
        settled.push({ at: Date.now(), result });
        return result;
      }),
    );
    const keys = offline.getSnapshot().outbox.map((e) => e.key);
    expect(keys).toHaveLength(QUEUED);

    // Meanwhile the others keep working directly: notes every 3 s, and the coach pauses the timer.
    const othersTexts: string[] = [];
    let pausedTimer = false;
    for (let i = 0; i < 40 && Date.now() - cutAt < CUT_MS - 5_000; i++) {
      for (const [who, socket] of [
        ['coach', coach],
        ['teacher2', teacher2],
      ] as const) {
        const text = `${who} during the cut #${i}`;
        // Like the real client: no ack in time means resend with the same key (it lands once either way).
        let ack = null;
        for (let attempt = 0; attempt < 3 && !ack; attempt++) {
          ack = await socket.command(meetingId, {
            type: 'suggestNote',
            stepId: 'identify',
            text,
            idempotencyKey: `${who}-cut-${i}`,
          });
        }
        expect(
          ack?.ok,
          `${JSON.stringify(ack)} after ${Date.now() - cutAt} ms, ${socket.disconnectReason ?? 'connected'}`,
        ).toBe(true);
        othersTexts.push(text);
      }
      if (!pausedTimer && Date.now() - cutAt > CUT_MS / 3) {
        await coach.must(meetingId, { type: 'pauseTimer' });
        pausedTimer = true;
      }
      await sleep(3_000);
    }
    expect(pausedTimer).toBe(true);
    await until(
      () => offline.getSnapshot().connection === 'offline',
      Math.max(0, cutAt + CUT_MS - Date.now()),
      'the client to notice the cut',
    );
    const firstDisconnect = record.disconnects[0];
    const noticed = (firstDisconnect?.at ?? Number.NaN) - cutAt;
    expect(firstDisconnect?.reason).toBe('ping timeout');
    expect(settled).toEqual([]);
    // Commands sent into the void before the client noticed (the first of the outbox, resent after each ack timeout).
    const sentIntoTheVoid = record.requests.filter(
      (r) => r.event === 'meeting:command' && r.at > cutAt,
    ).length;

    // --- The network comes back -----------------------------------------------------------------------
    await sleep(Math.max(0, cutAt + CUT_MS - Date.now()));
    proxy.restoreNetwork();
    const restoredAt = Date.now();
    await until(() => settled.length === QUEUED, 30_000, 'the queued notes to be acknowledged');
    const drainedMs = Math.max(...settled.map((s) => s.at)) - restoredAt;
    const reconnectedMs = (record.connects.find((t) => t > restoredAt) ?? Number.NaN) - restoredAt;
    expect((await Promise.all(queued)).every((r) => r.ok)).toBe(true);

    // It rejoined with the seq it had, not from scratch.
    const rejoin = record.requests.find((r) => r.event === 'meeting:join' && r.at > restoredAt);
    expect((rejoin?.payload as { lastSeq: number } | undefined)?.lastSeq).toBe(seqAtCut);

    // --- The server's log, and the client's view of it --------------------------------------------------
    const log = await coach.join(meetingId, 0);
    expect(seqProblems(log)).toEqual([]);
    const counts = noteTexts(log);
    for (const text of [...queuedTexts, ...othersTexts]) expect(counts.get(text), text).toBe(1);
    const landedKeys = log
      .filter((e) => e.type === 'note.suggested' && queuedTexts.includes(e.payload.text))
      .map((e) => e.idempotencyKey);
    expect(landedKeys).toEqual(keys);
    await until(() => offline.getSnapshot().state.seq === log.length, 10_000, 'the client to catch up');
    const view = offline.getSnapshot();
    expect(view.connection).toBe('live');
    expect(view.outbox).toEqual([]);
    expect(view.problems).toEqual([]);
    expect(view.state.suggestions.map((s) => s.text).sort()).toEqual([...counts.keys()].sort());
    expect(currentTimer(view.state, Date.now() + view.clockOffsetMs)?.status).toBe('paused');

    console.log(
      `MEET-OFFLINE-1 cut_ms=${CUT_MS} client_noticed_after_ms=${noticed} (${firstDisconnect?.reason}) sent_into_the_void=${sentIntoTheVoid} ` +
        `reconnected_after_restore_ms=${reconnectedMs} outbox_drained_after_restore_ms=${drainedMs} queued=${QUEUED} landed_once=${queuedTexts.filter((t) => counts.get(t) === 1).length} ` +
        `others_events_caught_up=${log.length - seqAtCut - QUEUED} proxy_connections=${proxy.stats.connections} hung_during_cut=${proxy.stats.hungDuringCut} total_s=${((Date.now() - cutAt) / 1000).toFixed(1)}`,
    );
  }, 150_000);
});
