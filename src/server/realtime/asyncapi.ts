/**
 * API-DOC-4: the live meeting protocol (Socket.IO) as an AsyncAPI 3.0 document, built from the same Zod schemas
 * that validate every message on both ends (`src/contracts/realtime.ts`) with Zod's own `z.toJSONSchema`, so
 * the document cannot drift from the code. Served at /api/asyncapi.json, linked from the OpenAPI description.
 */
import { z } from '#contracts/zod';
import { MeetingCommand } from '#contracts/meeting';
import {
  ClientEvents,
  CommandAck,
  CommandRequest,
  EventsPush,
  JoinAck,
  JoinRequest,
  LeaveAck,
  LeaveRequest,
  PingAnswer,
  PingRequest,
  Presence,
  PROTOCOL_VERSION,
  ServerEvents,
  SOCKET_PATH,
  TeamMeetingsChanged,
  WatchTeamAck,
  WatchTeamRequest,
} from '#contracts/realtime';
import { SESSION_COOKIE, SECURE_SESSION_COOKIE } from '../auth/sessions';
import { guestCookieName } from '../guests/sessions';

type Json = { [key: string]: unknown };

/** A Zod schema as JSON Schema draft-07 (AsyncAPI's default schema format is its superset). */
function schemaOf(schema: z.ZodMiniType, io: 'input' | 'output'): Json {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    io,
    target: 'draft-7',
    unrepresentable: 'any',
  });
  return json;
}

interface MessageSpec {
  /** The Socket.IO event name. */
  event: string;
  schema: z.ZodMiniType;
  io: 'input' | 'output';
  summary: string;
}

/** Client → server requests, each answered by Socket.IO's acknowledgement (the reply). */
const requests: Record<string, { request: MessageSpec; ack: MessageSpec; description: string }> = {
  joinMeeting: {
    request: {
      event: ClientEvents.join,
      schema: JoinRequest,
      io: 'input',
      summary: 'Join a meeting room from the last seq the client holds',
    },
    ack: {
      event: ClientEvents.join,
      schema: JoinAck,
      io: 'output',
      summary:
        'The events after `lastSeq` (a page; `more: true`: join again from its last seq), or a refusal',
    },
    description: `Joins the meeting's room. \`protocolVersion\` must be ${PROTOCOL_VERSION}; a mismatch is refused as \`incompatible\`. Afterwards the server pushes \`${ServerEvents.events}\` and \`${ServerEvents.presence}\`.`,
  },
  leaveMeeting: {
    request: {
      event: ClientEvents.leave,
      schema: LeaveRequest,
      io: 'input',
      summary: "Leave a meeting's room",
    },
    ack: { event: ClientEvents.leave, schema: LeaveAck, io: 'output', summary: 'Left, or a refusal' },
    description: 'Stops the pushes of one meeting.',
  },
  sendCommand: {
    request: {
      event: ClientEvents.command,
      schema: CommandRequest,
      io: 'input',
      summary: 'A meeting command (schema `MeetingCommand`), with an idempotency key',
    },
    ack: {
      event: ClientEvents.command,
      schema: CommandAck,
      io: 'output',
      summary: 'Sent only after the commit: the events it appended and the seq, or a refusal',
    },
    description:
      'Sends one command of `MeetingCommand` (see components.schemas) as `command`; the server sets the actor from the session. Treat the ack as the truth: a retried command with the same `idempotencyKey` lands once.',
  },
  ping: {
    request: { event: ClientEvents.ping, schema: PingRequest, io: 'input', summary: 'Clock sync ping' },
    ack: { event: ClientEvents.ping, schema: PingAnswer, io: 'output', summary: "The server's clock" },
    description:
      'Measures the offset between the client clock and the server clock (timers use server time).',
  },
  watchTeam: {
    request: {
      event: ClientEvents.watchTeam,
      schema: WatchTeamRequest,
      io: 'input',
      summary: "Hear when a team's meetings open, start or end",
    },
    ack: {
      event: ClientEvents.watchTeam,
      schema: WatchTeamAck,
      io: 'output',
      summary: 'Watching, or a refusal',
    },
    description: `Allowed to whoever may read the team over REST; then \`${ServerEvents.teamMeetings}\` arrives on each change.`,
  },
};

/** Server → client pushes. */
const pushes: Record<string, MessageSpec & { description: string }> = {
  meetingEvents: {
    event: ServerEvents.events,
    schema: EventsPush,
    io: 'output',
    summary: 'New events of a joined meeting, as this viewer may see them',
    description: "Others' private reflections are redacted; a projector view gets none.",
  },
  meetingPresence: {
    event: ServerEvents.presence,
    schema: Presence,
    io: 'output',
    summary: 'Who is connected to a joined meeting',
    description: 'Sent whenever someone joins or leaves the room.',
  },
  teamMeetings: {
    event: ServerEvents.teamMeetings,
    schema: TeamMeetingsChanged,
    io: 'output',
    summary: "One of a watched team's meetings opened, started or ended",
    description: 'Only that something changed: read the list again over REST, where every rule applies.',
  },
};

const ref = (path: string) => ({ $ref: path });

export function asyncApiDocument(opts: { publicUrl: string; version: string }) {
  const url = new URL(opts.publicUrl);
  const secure = url.protocol === 'https:';
  const schemas: Json = { MeetingCommand: schemaOf(MeetingCommand, 'input') };
  const messages: Json = {};
  const channelMessages: Json = {};
  const operations: Json = {};

  const addMessage = (id: string, spec: MessageSpec, description: string) => {
    const schemaName = `${id[0]?.toUpperCase() ?? ''}${id.slice(1)}`;
    schemas[schemaName] = schemaOf(spec.schema, spec.io);
    messages[id] = {
      name: spec.event,
      title: spec.event,
      summary: spec.summary,
      description,
      contentType: 'application/json',
      payload: ref(`#/components/schemas/${schemaName}`),
    };
    channelMessages[id] = ref(`#/components/messages/${id}`);
  };

  for (const [id, { request, ack, description }] of Object.entries(requests)) {
    addMessage(id, request, description);
    addMessage(
      `${id}Ack`,
      ack,
      `The acknowledgement of \`${request.event}\`: \`{ ok: true, … }\` or \`{ ok: false, error }\`.`,
    );
    operations[id] = {
      action: 'receive',
      channel: ref('#/channels/meeting'),
      title: request.event,
      summary: request.summary,
      description,
      messages: [ref(`#/channels/meeting/messages/${id}`)],
      reply: { channel: ref('#/channels/meeting'), messages: [ref(`#/channels/meeting/messages/${id}Ack`)] },
    };
  }
  for (const [id, spec] of Object.entries(pushes)) {
    addMessage(id, spec, spec.description);
    operations[id] = {
      action: 'send',
      channel: ref('#/channels/meeting'),
      title: spec.event,
      summary: spec.summary,
      description: spec.description,
      messages: [ref(`#/channels/meeting/messages/${id}`)],
    };
  }

  schemas.HandshakeAuth = {
    type: 'object',
    description:
      "Socket.IO's handshake `auth` object. `network`: the id of a network the person belongs to, to act there as their member row (like the REST header `x-ensemble-network`). `language`: the language refusals are worded in (like the REST header `Accept-Language`); English when absent.",
    properties: {
      network: { type: 'string', format: 'uuid' },
      language: { type: 'string', enum: ['en', 'es'] },
    },
    additionalProperties: false,
  };

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Ensemble live meetings',
      version: opts.version,
      description: [
        `The live meeting protocol over Socket.IO 4 (path \`${SOCKET_PATH}\`, protocol version ${PROTOCOL_VERSION}).`,
        'A client connects with its session cookie (or a meeting guest’s cookie), optionally naming a network in',
        'the handshake `auth` (schema `HandshakeAuth`). Every client message is a request with an acknowledgement',
        '(the operation’s reply) of one shape: `{ ok: true, … }` or `{ ok: false, error }`. Personal API tokens are',
        'not accepted here. The REST API is described at /api/docs.',
      ].join(' '),
      license: { name: 'AGPL-3.0-only', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
    },
    defaultContentType: 'application/json',
    servers: {
      app: {
        host: url.host,
        protocol: secure ? 'wss' : 'ws',
        pathname: SOCKET_PATH,
        description: 'This installation (PUBLIC_URL), Socket.IO 4 over WebSocket (long-polling fallback).',
        security: [
          ref('#/components/securitySchemes/sessionCookie'),
          ref('#/components/securitySchemes/guestCookie'),
        ],
      },
    },
    channels: {
      meeting: {
        address: '/',
        title: 'The default namespace',
        description:
          "Socket.IO's default namespace: a socket joins meetings' rooms (meeting:join) and teams' rooms (team:watch).",
        servers: [ref('#/servers/app')],
        messages: channelMessages,
      },
    },
    operations,
    components: {
      schemas,
      messages,
      securitySchemes: {
        sessionCookie: {
          type: 'httpApiKey',
          in: 'cookie',
          name: secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE,
          description: 'The session a browser gets at sign-in.',
        },
        guestCookie: {
          type: 'httpApiKey',
          in: 'cookie',
          name: guestCookieName({ sessionCookie: { name: '', secure } }),
          description: 'A meeting guest without an account, admitted by the facilitator (one meeting only).',
        },
      },
    },
  };
}
