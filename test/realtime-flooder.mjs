#!/usr/bin/env node
/**
 * The abusive client of TRUST-RT-FLOOD, as its own process (so its busy loop does not share an event loop with
 * the clients being measured): one socket that sends joins (each a full catch-up), refused commands and valid
 * commands as fast as the acks come back, for a while, then prints what it got back as one JSON line.
 * Plain JavaScript, so it runs with `node` alone; event names as in src/contracts/realtime.ts.
 *
 *   node test/realtime-flooder.mjs <base> <session> <meetingId> <otherMeetingId> <ms> <stepId>
 *
 * RT_FLOOD_IDLE=1: a control run, connected but sending nothing.
 */
import { randomUUID } from 'node:crypto';
import { io as connect } from 'socket.io-client';

const JOIN = 'meeting:join';
const COMMAND = 'meeting:command';
const PROTOCOL_VERSION = 1;

const [base = '', session = '', meetingId = '', otherMeetingId = '', ms = '10000', stepId = 'identify'] =
  process.argv.slice(2);
const durationMs = Number(ms);
/** Requests kept waiting for their ack at once. */
const WINDOW = 256;

/** @type {Record<string, number>} */
const codes = {};
let sent = 0;
let reconnects = 0;
let retryAfterMax = 0;

/** @returns {Promise<import('socket.io-client').Socket>} */
function open() {
  const socket = connect(base, {
    path: '/socket.io',
    transports: ['websocket'],
    extraHeaders: { cookie: `ensemble_session=${session}`, origin: base },
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

const key = () => randomUUID();
/** @type {(() => [string, unknown])[]} */
const requests = [
  () => [JOIN, { protocolVersion: PROTOCOL_VERSION, meetingId, lastSeq: 0 }],
  // Refused by the meeting: a member may not move the steps, and the meeting has started already.
  () => [COMMAND, { meetingId, command: { type: 'nextStep', fromStepId: stepId, idempotencyKey: key() } }],
  () => [COMMAND, { meetingId, command: { type: 'startMeeting', idempotencyKey: key() } }],
  // Valid: these would use up the meeting's caps if nothing stopped them.
  () => [
    COMMAND,
    { meetingId, command: { type: 'suggestNote', stepId, text: `flood ${sent}`, idempotencyKey: key() } },
  ],
  () => [
    COMMAND,
    {
      meetingId,
      command: { type: 'submitQuestion', kind: 'clarifying', text: `flood ${sent}`, idempotencyKey: key() },
    },
  ],
  // Another team's meeting: not found for this person.
  () => [JOIN, { protocolVersion: PROTOCOL_VERSION, meetingId: otherMeetingId, lastSeq: 0 }],
];

/** @param {unknown} answer */
function record(answer) {
  let code = 'other';
  if (typeof answer === 'object' && answer !== null && 'ok' in answer) {
    if (answer.ok === true) code = 'ok';
    else if ('error' in answer && typeof answer.error === 'object' && answer.error !== null) {
      const e = /** @type {{ code?: unknown; retryAfterMs?: unknown }} */ (answer.error);
      code = typeof e.code === 'string' ? e.code : 'other';
      if (typeof e.retryAfterMs === 'number') retryAfterMax = Math.max(retryAfterMax, e.retryAfterMs);
    }
  }
  codes[code] = (codes[code] ?? 0) + 1;
}

async function main() {
  let socket = await open();
  process.stdout.write('ready\n');
  const stopAt = Date.now() + durationMs;
  if (process.env.RT_FLOOD_IDLE === '1') await new Promise((r) => setTimeout(r, durationMs));
  let inFlight = 0;
  /** @type {(() => void) | null} */
  let wake = null;
  while (Date.now() < stopAt) {
    if (!socket.connected) {
      reconnects++;
      inFlight = 0;
      socket = await open().catch(async () => {
        await new Promise((r) => setTimeout(r, 50));
        return socket;
      });
      continue;
    }
    if (inFlight >= WINDOW) {
      await new Promise((r) => {
        wake = () => r(undefined);
        setTimeout(r, 100);
      });
      continue;
    }
    const [event, payload] = requests[sent % requests.length]();
    sent++;
    inFlight++;
    socket
      .timeout(5_000)
      .emit(event, payload, (/** @type {Error | null} */ err, /** @type {unknown} */ answer) => {
        inFlight--;
        if (err) codes.no_ack = (codes.no_ack ?? 0) + 1;
        else record(answer);
        const w = wake;
        wake = null;
        w?.();
      });
    // Let the socket write and the acks come in every so often, without slowing down much.
    if (sent % 32 === 0) await new Promise((r) => setImmediate(r));
  }
  await new Promise((r) => setTimeout(r, 500));
  socket.disconnect();
  process.stdout.write(`${JSON.stringify({ sent, codes, reconnects, retryAfterMax })}\n`);
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`flooder failed: ${String(err)}\n`);
    process.exit(1);
  },
);
