/**
 * The relational schema. Every tenant-owned table carries `district_id` (the one shard key, ADR 0002),
 * and references between tenant rows are composite `(district_id, id)` foreign keys, so the database
 * itself refuses a row that points into another district.
 */
import { sql } from 'drizzle-orm';
import type { MeetingAgendaItem } from '../../contracts/meetings-api';
import {
  bigint,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const tz = (name: string) => timestamp(name, { withTimezone: true });

export const districts = pgTable('districts', {
  id: id(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: id(),
    districtId: uuid('district_id')
      .notNull()
      .references(() => districts.id),
    /** Stored lower-cased; unique across the installation so sign-in needs no district. */
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    districtRole: text('district_role', { enum: ['district_admin', 'member'] })
      .notNull()
      .default('member'),
    emailVerifiedAt: tz('email_verified_at'),
    deactivatedAt: tz('deactivated_at'),
    createdAt: createdAt(),
  },
  (t) => [unique('users_district_id_id').on(t.districtId, t.id)],
);

export const schools = pgTable(
  'schools',
  {
    id: id(),
    districtId: uuid('district_id')
      .notNull()
      .references(() => districts.id),
    name: text('name').notNull(),
    archivedAt: tz('archived_at'),
    createdAt: createdAt(),
  },
  (t) => [unique('schools_district_id_id').on(t.districtId, t.id)],
);

export const schoolRoles = pgTable(
  'school_roles',
  {
    districtId: uuid('district_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role', { enum: ['school_leader', 'staff'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.userId] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }),
    index('school_roles_user').on(t.districtId, t.userId),
  ],
);

export const groups = pgTable(
  'groups',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    schoolId: uuid('school_id'),
    kind: text('kind', { enum: ['teacher_team', 'whole_staff', 'district_leadership'] }).notNull(),
    focus: text('focus', { enum: ['plc', 'grade_level', 'department', 'other'] }),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('groups_district_id_id').on(t.districtId, t.id),
    foreignKey({ columns: [t.districtId], foreignColumns: [districts.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
  ],
);

export const groupMembers = pgTable(
  'group_members',
  {
    districtId: uuid('district_id').notNull(),
    groupId: uuid('group_id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role', { enum: ['facilitator', 'member'] }).notNull(),
    joinedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.userId] }),
    foreignKey({
      columns: [t.districtId, t.groupId],
      foreignColumns: [groups.districtId, groups.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }),
    index('group_members_user').on(t.districtId, t.userId),
  ],
);

export const joinCodes = pgTable(
  'join_codes',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    groupId: uuid('group_id').notNull(),
    code: text('code').notNull().unique(),
    expiresAt: tz('expires_at').notNull(),
    revokedAt: tz('revoked_at'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.districtId, t.groupId],
      foreignColumns: [groups.districtId, groups.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.createdBy], foreignColumns: [users.districtId, users.id] }),
    index('join_codes_group').on(t.districtId, t.groupId),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    email: text('email').notNull(),
    /** sha256 of the link's secret: the secret itself is only ever in the email. */
    tokenHash: text('token_hash').notNull().unique(),
    groupId: uuid('group_id'),
    groupRole: text('group_role', { enum: ['facilitator', 'member'] }).notNull(),
    schoolId: uuid('school_id'),
    schoolRole: text('school_role', { enum: ['school_leader', 'staff'] }),
    districtRole: text('district_role', { enum: ['district_admin', 'member'] }).notNull(),
    invitedBy: uuid('invited_by').notNull(),
    expiresAt: tz('expires_at').notNull(),
    acceptedAt: tz('accepted_at'),
    revokedAt: tz('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.districtId], foreignColumns: [districts.id] }),
    foreignKey({
      columns: [t.districtId, t.groupId],
      foreignColumns: [groups.districtId, groups.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.invitedBy], foreignColumns: [users.districtId, users.id] }),
    index('invitations_district').on(t.districtId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie's secret. */
    id: text('id').primaryKey(),
    districtId: uuid('district_id').notNull(),
    userId: uuid('user_id').notNull(),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    lastSeenAt: tz('last_seen_at').notNull().defaultNow(),
    expiresAt: tz('expires_at').notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }).onDelete(
      'cascade',
    ),
    index('sessions_user').on(t.districtId, t.userId),
  ],
);

export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    districtId: uuid('district_id').notNull(),
    userId: uuid('user_id').notNull(),
    purpose: text('purpose', { enum: ['password_reset', 'email_verification'] }).notNull(),
    expiresAt: tz('expires_at').notNull(),
    usedAt: tz('used_at'),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** Emails captured when no SMTP server is configured (the dev outbox). */
export const outbox = pgTable('outbox', {
  id: id(),
  districtId: uuid('district_id').references(() => districts.id),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  createdAt: createdAt(),
});

/** Fixed-window counters for per-account throttling (shared by every app node). */
export const authThrottle = pgTable(
  'auth_throttle',
  {
    key: text('key').notNull(),
    windowStart: tz('window_start').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/** Required by @socket.io/postgres-adapter for payloads over the NOTIFY limit (stack facts). */
export const socketIoAttachments = pgTable('socket_io_attachments', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
  payload: text('payload'),
});

export const kv = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

/** A team's own copy of a routine, versioned: a meeting keeps the version it ran (in its log). */
export const teamRoutines = pgTable(
  'team_routines',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    groupId: uuid('group_id').notNull(),
    routineId: text('routine_id').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('team_routines_version').on(t.groupId, t.routineId, t.version),
    foreignKey({
      columns: [t.districtId, t.groupId],
      foreignColumns: [groups.districtId, groups.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.createdBy], foreignColumns: [users.districtId, users.id] }),
  ],
);

/** A scheduled or live meeting of a group. Its content lives in `meeting_events`; this row is the index. */
export const meetings = pgTable(
  'meetings',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    groupId: uuid('group_id').notNull(),
    title: text('title').notNull(),
    scheduledFor: tz('scheduled_for'),
    /**
     * The routines it runs, in order: which version of each, with its name and minutes for listings and the
     * calendar. The routines themselves are snapshotted into the log when the meeting opens.
     */
    agenda: jsonb('agenda').$type<MeetingAgendaItem[]>().notNull(),
    totalMinutes: integer('total_minutes').notNull(),
    status: text('status', { enum: ['scheduled', 'live', 'ended'] })
      .notNull()
      .default('scheduled'),
    /** Short code shown on the projector for people joining from their own device. */
    joinCode: text('join_code').notNull().unique(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    startedAt: tz('started_at'),
    endedAt: tz('ended_at'),
    lastSeq: integer('last_seq').notNull().default(0),
  },
  (t) => [
    unique('meetings_district_id_id').on(t.districtId, t.id),
    foreignKey({
      columns: [t.districtId, t.groupId],
      foreignColumns: [groups.districtId, groups.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.createdBy], foreignColumns: [users.districtId, users.id] }),
    index('meetings_group').on(t.districtId, t.groupId),
  ],
);

/**
 * The append-only log of a meeting (ADR 0006). `(meeting_id, seq)` orders it; a client's idempotency key is
 * unique per actor and meeting, so a retried command can never land twice, even across app nodes.
 */
export const meetingEvents = pgTable(
  'meeting_events',
  {
    districtId: uuid('district_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    v: integer('v').notNull(),
    /** Server time in ms (the timer is derived from these). */
    at: bigint('at', { mode: 'number' }).notNull(),
    actorId: text('actor_id').notNull(),
    idempotencyKey: text('idempotency_key'),
    payload: jsonb('payload').notNull(),
    committedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.seq] }),
    foreignKey({
      columns: [t.districtId, t.meetingId],
      foreignColumns: [meetings.districtId, meetings.id],
    }).onDelete('cascade'),
    uniqueIndex('meeting_events_idempotency').on(t.meetingId, t.actorId, t.idempotencyKey),
  ],
);
