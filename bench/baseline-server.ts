/**
 * The baseline of `bench:live`: a bare Socket.IO server (no database, no validation, no adapter) speaking the
 * same protocol as the app (src/contracts/realtime.ts) with the same rooms (`m:<id>`, `m:<id>:u:<user>`),
 * the same ack-after-broadcast order and the same private-event split. The person is the session cookie's
 * value. Run as its own process, like the app. Prints `listening <port>` when ready.
 */
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Server } from 'socket.io';
import { ClientEvents, ServerEvents, SOCKET_PATH } from '#contracts/realtime';

const meetingRoom = (id: string) => `m:${id}`;
const personRoom = (id: string, userId: string) => `m:${id}:u:${userId}`;

interface BaselineEvent {
  seq: number;
  type: string;
  v: 1;
  at: number;
  actorId: string;
  idempotencyKey: string | null;
  payload: Record<string, unknown>;
}

const seqs = new Map<string, number>();
const http = createServer();
const io = new Server(http, {
  path: SOCKET_PATH,
  serveClient: false,
  transports: ['polling', 'websocket'],
  maxHttpBufferSize: 64 * 1024,
});

function cookieValue(header: string | undefined): string {
  const match = /ensemble_session=([^;]+)/.exec(header ?? '');
  return match?.[1] ?? 'anonymous';
}

/** What the app's core would append for the command (same types and payload sizes). */
function eventFor(command: Record<string, unknown>, userId: string, seq: number): BaselineEvent {
  const type = String(command.type);
  const key = typeof command.idempotencyKey === 'string' ? command.idempotencyKey : null;
  const base = { seq, v: 1 as const, at: Date.now(), actorId: userId, idempotencyKey: key };
  const stepId = typeof command.stepId === 'string' ? command.stepId : 'identify';
  switch (type) {
    case 'suggestNote':
      return {
        ...base,
        type: 'note.suggested',
        payload: { suggestionId: randomUUID(), stepId, text: command.text },
      };
    case 'submitQuestion':
      return {
        ...base,
        type: 'question.submitted',
        payload: { questionId: randomUUID(), stepId, kind: command.kind, text: command.text },
      };
    case 'writeReflection':
      return {
        ...base,
        type: 'reflection.written',
        payload: { reflectionId: randomUUID(), stepId, text: command.text },
      };
    case 'nextStep':
      return {
        ...base,
        type: 'step.advanced',
        payload: { fromStepId: command.fromStepId, toStepId: 'next' },
      };
    case 'startTimer':
      return { ...base, type: 'timer.started', payload: { stepId } };
    case 'pauseTimer':
      return { ...base, type: 'timer.paused', payload: { stepId } };
    case 'resumeTimer':
      return { ...base, type: 'timer.resumed', payload: { stepId } };
    case 'startMeeting':
      return { ...base, type: 'meeting.started', payload: {} };
    default:
      return { ...base, type: 'note.written', payload: { stepId, text: '' } };
  }
}

/** The field of an unvalidated message (the baseline trusts its clients, as a bare server would). */
const field = (raw: unknown, name: string): unknown =>
  typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[name] : undefined;

type Ack = (answer: unknown) => void;
const asAck = (fn: unknown): Ack => (typeof fn === 'function' ? (fn as Ack) : () => undefined);

io.on('connection', (socket) => {
  const userId = cookieValue(socket.request.headers.cookie);
  socket.on(ClientEvents.join, (raw: unknown, ackFn: unknown) => {
    const meetingId = String(field(raw, 'meetingId'));
    void socket.join([meetingRoom(meetingId), personRoom(meetingId, userId)]);
    asAck(ackFn)({ ok: true, meetingId, events: [], serverTime: Date.now() });
    void io
      .in(meetingRoom(meetingId))
      .fetchSockets()
      .then((sockets) => {
        const present = sockets.map((s) => ({
          userId: cookieValue(s.handshake.headers.cookie),
          name: 'Bench person',
        }));
        io.to(meetingRoom(meetingId)).emit(ServerEvents.presence, { meetingId, present });
      });
  });
  socket.on(ClientEvents.command, (raw: unknown, ackFn: unknown) => {
    const meetingId = String(field(raw, 'meetingId'));
    const seq = (seqs.get(meetingId) ?? 0) + 1;
    seqs.set(meetingId, seq);
    const command = field(raw, 'command');
    const event = eventFor(
      typeof command === 'object' && command !== null ? (command as Record<string, unknown>) : {},
      userId,
      seq,
    );
    if (event.type === 'reflection.written') {
      const author = personRoom(meetingId, userId);
      io.to(author).emit(ServerEvents.events, { meetingId, events: [event] });
      const redacted = {
        seq,
        type: 'event.redacted',
        v: 1,
        at: event.at,
        actorId: 'system',
        idempotencyKey: null,
        payload: {},
      };
      io.to(meetingRoom(meetingId))
        .except(author)
        .emit(ServerEvents.events, { meetingId, events: [redacted] });
    } else {
      io.to(meetingRoom(meetingId)).emit(ServerEvents.events, { meetingId, events: [event] });
    }
    asAck(ackFn)({ ok: true, events: [event], seq });
  });
  socket.on(ClientEvents.ping, (raw: unknown, ackFn: unknown) => {
    asAck(ackFn)({ clientSent: field(raw, 'clientSent'), serverTime: Date.now() });
  });
});

http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const addr = http.address();
  process.stdout.write(`listening ${typeof addr === 'object' && addr ? addr.port : 0}\n`);
});
process.on('SIGTERM', () => {
  io.disconnectSockets(true);
  http.close(() => process.exit(0));
});
