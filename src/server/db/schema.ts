/**
 * The relational schema. Every tenant-owned table carries `district_id` (the one shard key, ADR 0002),
 * and references between tenant rows are composite `(district_id, id)` foreign keys, so the database
 * itself refuses a row that points into another district.
 */
import { sql } from 'drizzle-orm';
import type { MeetingAgendaItem } from '#contracts/meetings-api';
import type { Routine } from '#contracts/routine';
import {
  bigint,
  customType,
  boolean,
  date,
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

/** Districts made before time zones existed read as US Eastern until an admin sets theirs (SERIES-TZ-1). */
export const DEFAULT_TIME_ZONE = 'America/New_York';

/**
 * A tenant (ADR 0032): a district, a network of principals across districts, or the installation's colleague
 * exchange. `district_id` in every tenant-owned table is this id, whatever the kind.
 */
export const districts = pgTable(
  'districts',
  {
    id: id(),
    kind: text('kind', { enum: ['district', 'network', 'exchange'] })
      .notNull()
      .default('district'),
    name: text('name').notNull(),
    /** IANA name; a team meets in its school's zone, else this one (SERIES-TZ-2). */
    timeZone: text('time_zone').notNull().default(DEFAULT_TIME_ZONE),
    createdAt: createdAt(),
  },
  // One colleague exchange per installation (ADR 0032).
  (t) => [
    uniqueIndex('districts_one_exchange')
      .on(t.kind)
      .where(sql`kind = 'exchange'`),
  ],
);

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
    /**
     * ADR 0032: `account` signs in; `network_member` is how an account takes part in a network's tenant (no
     * password, an address under `.invalid`, never signs in or receives mail).
     */
    kind: text('kind', { enum: ['account', 'network_member'] })
      .notNull()
      .default('account'),
    passwordHash: text('password_hash'),
    districtRole: text('district_role', { enum: ['district_admin', 'member'] })
      .notNull()
      .default('member'),
    emailVerifiedAt: tz('email_verified_at'),
    deactivatedAt: tz('deactivated_at'),
    /** ROSTER-LINK-1 (ADR 0039): the OneRoster sourcedId of a person an import created or took in; null otherwise. */
    rosterSourcedId: text('roster_sourced_id'),
    /** I18N-PICK-1 (ADR 0044): the language the person chose; null follows the browser's. */
    language: text('language', { enum: ['en', 'es'] }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('users_district_id_id').on(t.districtId, t.id),
    uniqueIndex('users_roster_sourced_id')
      .on(t.districtId, t.rosterSourcedId)
      .where(sql`roster_sourced_id IS NOT NULL`),
  ],
);

export const schools = pgTable(
  'schools',
  {
    id: id(),
    districtId: uuid('district_id')
      .notNull()
      .references(() => districts.id),
    name: text('name').notNull(),
    /** IANA name, or null: the district's (SERIES-TZ-2). */
    timeZone: text('time_zone'),
    archivedAt: tz('archived_at'),
    /** ROSTER-LINK-1 (ADR 0039): the OneRoster sourcedId of a school an import created; null otherwise. */
    rosterSourcedId: text('roster_sourced_id'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('schools_district_id_id').on(t.districtId, t.id),
    uniqueIndex('schools_roster_sourced_id')
      .on(t.districtId, t.rosterSourcedId)
      .where(sql`roster_sourced_id IS NOT NULL`),
  ],
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
    /** `cohort`: a network's (ADR 0032), with its cycles in `cohort_cycles`. */
    kind: text('kind', { enum: ['teacher_team', 'whole_staff', 'district_leadership', 'cohort'] }).notNull(),
    focus: text('focus', { enum: ['plc', 'grade_level', 'department', 'other'] }),
    name: text('name').notNull(),
    /** DAY-TIMER-2: a step's timer starts when the meeting moves to it; copied into each meeting it opens. */
    autoStartTimer: boolean('auto_start_timer').notNull().default(true),
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
    /**
     * "Keep me signed in": a dated cookie and no idle timeout. Otherwise (the default, for shared school
     * devices) a browser-session cookie and an idle timeout.
     */
    persistent: boolean('persistent').notNull().default(false),
  },
  (t) => [
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }).onDelete(
      'cascade',
    ),
    index('sessions_user').on(t.districtId, t.userId),
  ],
);

/**
 * ADR 0041: personal API tokens for scripts. Only the sha-256 of the 256-bit secret is kept (`secret_hash`); a
 * token acts as its owner (API-TOKEN-2). Revoking deletes the row; the audit log keeps that it existed.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    /** `read`: GET endpoints only; `write`: every endpoint a token may call (API-TOKEN-3). */
    scope: text('scope', { enum: ['read', 'write'] }).notNull(),
    secretHash: text('secret_hash').notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: tz('last_used_at'),
    expiresAt: tz('expires_at'),
  },
  (t) => [
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }).onDelete(
      'cascade',
    ),
    index('api_tokens_user').on(t.districtId, t.userId),
  ],
);

export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    districtId: uuid('district_id').notNull(),
    userId: uuid('user_id').notNull(),
    purpose: text('purpose', {
      enum: ['password_reset', 'admin_password_reset', 'email_verification'],
    }).notNull(),
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

/**
 * The mail queue (MAIL-QUEUE-1..8, ADR 0040): every mail is a row here first, written in the caller's transaction,
 * and a worker on every node sends it through SMTP. `idempotency_key` is one logical message (enqueueing it again
 * stores nothing); `message_id` is the stable RFC 5322 Message-ID every attempt carries, so receivers can dedupe.
 * `district_id` is null for installation mail (sign-in, password reset). `last_error` holds the SMTP reply code
 * and a short reason, never the body.
 */
export const mailQueue = pgTable(
  'mail_queue',
  {
    id: id(),
    districtId: uuid('district_id').references(() => districts.id, { onDelete: 'cascade' }),
    idempotencyKey: text('idempotency_key').notNull(),
    messageId: text('message_id').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    status: text('status', { enum: ['pending', 'sending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: tz('next_attempt_at').notNull().defaultNow(),
    /** While `sending`: the claim's lease; past it, another node may claim the row again. */
    leaseUntil: tz('lease_until'),
    lastError: text('last_error'),
    sentAt: tz('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('mail_queue_idempotency').on(t.idempotencyKey),
    index('mail_queue_due').on(t.status, t.nextAttemptAt),
    index('mail_queue_district').on(t.districtId),
  ],
);

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

/** Cross-node socket messages over the NOTIFY limit (realtime/cross-node.ts, ADR 0049); kept 30 s. */
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
    definition: jsonb('definition').$type<Routine>().notNull(),
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

/**
 * ROUTINE-LIB-SHARE (ADR 0018): the district's library of routines teams have shared. Each row publishes one
 * version of a team's routine, with its author, to the teams of one school (`school_id`) or of the whole district
 * (`school_id` null). Sharing again publishes a new version; withdrawing sets `withdrawn_at` on every version (a
 * meeting scheduled before still opens with the version it names). Routine ids are unique in a district, so a
 * routine id names one routine whether a team finds it among its own or in the library.
 */
export const routineLibrary = pgTable(
  'routine_library',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    /** Null: shared with every team of the district. */
    schoolId: uuid('school_id'),
    /** The team whose routine it is. */
    groupId: uuid('group_id').notNull(),
    routineId: text('routine_id').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<Routine>().notNull(),
    authorId: uuid('author_id').notNull(),
    sharedAt: tz('shared_at').notNull().defaultNow(),
    withdrawnAt: tz('withdrawn_at'),
  },
  (t) => [
    unique('routine_library_version').on(t.districtId, t.routineId, t.version),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({
      columns: [t.districtId, t.groupId],
      foreignColumns: [groups.districtId, groups.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.authorId], foreignColumns: [users.districtId, users.id] }),
  ],
);

/**
 * A weekly series of a group's meetings (SERIES): one `meetings` row per date that is not skipped, each with
 * its own agenda. The rule (weekday, wall time in `time_zone`, every `interval_weeks`, first to last date, minus
 * `skip_dates`) is what calendar feeds publish as one VEVENT with RRULE and EXDATE; `sequence` counts its
 * changes (RFC 5545 SEQUENCE). `time_zone` is the team's zone when the series was made.
 */
export const meetingSeries = pgTable(
  'meeting_series',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    groupId: uuid('group_id').notNull(),
    title: text('title').notNull(),
    agenda: jsonb('agenda').$type<MeetingAgendaItem[]>().notNull(),
    totalMinutes: integer('total_minutes').notNull(),
    /** ISO weekday, 1 Monday … 7 Sunday. */
    weekday: integer('weekday').notNull(),
    /** `HH:MM`, wall-clock time in `time_zone`. */
    localTime: text('local_time').notNull(),
    intervalWeeks: integer('interval_weeks').notNull().default(1),
    firstDate: date('first_date', { mode: 'string' }).notNull(),
    lastDate: date('last_date', { mode: 'string' }).notNull(),
    skipDates: jsonb('skip_dates').$type<string[]>().notNull().default([]),
    timeZone: text('time_zone').notNull(),
    sequence: integer('sequence').notNull().default(0),
    cancelledAt: tz('cancelled_at'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('meeting_series_district_id_id').on(t.districtId, t.id),
    foreignKey({
      columns: [t.districtId, t.groupId],
      foreignColumns: [groups.districtId, groups.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.createdBy], foreignColumns: [users.districtId, users.id] }),
    index('meeting_series_group').on(t.districtId, t.groupId),
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
    /** `cancelled`: kept and shown struck through, never opened (SERIES-MOVE-2). */
    status: text('status', { enum: ['scheduled', 'live', 'ended', 'cancelled'] })
      .notNull()
      .default('scheduled'),
    /** Set for a meeting of a weekly series, with the series date it stands for (its RECURRENCE-ID). */
    seriesId: uuid('series_id'),
    occurrenceDate: date('occurrence_date', { mode: 'string' }),
    /** RFC 5545 SEQUENCE: bumped by every change a calendar must pick up (moved, renamed, cancelled). */
    sequence: integer('sequence').notNull().default(0),
    updatedAt: tz('updated_at').notNull().defaultNow(),
    /** Short code shown on the projector for people joining from their own device. */
    joinCode: text('join_code').notNull().unique(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    startedAt: tz('started_at'),
    endedAt: tz('ended_at'),
    lastSeq: integer('last_seq').notNull().default(0),
    /** MEM-REC-1: when the team memory (successes, dilemmas, observations) was drawn from this ended meeting. */
    memoryAt: tz('memory_at'),
  },
  (t) => [
    unique('meetings_district_id_id').on(t.districtId, t.id),
    foreignKey({
      columns: [t.districtId, t.groupId],
      foreignColumns: [groups.districtId, groups.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.createdBy], foreignColumns: [users.districtId, users.id] }),
    foreignKey({
      columns: [t.districtId, t.seriesId],
      foreignColumns: [meetingSeries.districtId, meetingSeries.id],
    }),
    index('meetings_group').on(t.districtId, t.groupId),
    uniqueIndex('meetings_series_date').on(t.seriesId, t.occurrenceDate),
  ],
);

/**
 * Calendar subscriptions behind a secret link (CAL-FEED): a person's feed of all their teams' meetings
 * (`group_id` null), or of one team. Only the sha256 of the secret is kept; resetting replaces the row.
 * Membership is checked when the feed is fetched, so a team's feed stops answering when its owner leaves.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    userId: uuid('user_id').notNull(),
    groupId: uuid('group_id'),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }).onDelete(
      'cascade',
    ),
    foreignKey({
      columns: [t.districtId, t.groupId],
      foreignColumns: [groups.districtId, groups.id],
    }).onDelete('cascade'),
    // One link per person and team (and one personal link: NULLS NOT DISTINCT).
    unique('calendar_feeds_owner').on(t.districtId, t.userId, t.groupId).nullsNotDistinct(),
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
    // A person's own events across meetings (My reflections, DAY-REFL-1).
    index('meeting_events_actor').on(t.districtId, t.actorId, t.type),
  ],
);

/**
 * A request to join a group that the group must accept: a school leader or admin adding themselves, or a
 * manager joining by code (a leader cannot silently become a member, issue 9). Shown to the team; decided by
 * a facilitator. At most one pending request per person and group.
 */
export const groupJoinRequests = pgTable(
  'group_join_requests',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    groupId: uuid('group_id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role', { enum: ['facilitator', 'member'] }).notNull(),
    via: text('via', { enum: ['self_add', 'join_code'] }).notNull(),
    status: text('status', { enum: ['pending', 'accepted', 'declined', 'withdrawn'] })
      .notNull()
      .default('pending'),
    requestedAt: tz('requested_at').notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedAt: tz('decided_at'),
  },
  (t) => [
    foreignKey({
      columns: [t.districtId, t.groupId],
      foreignColumns: [groups.districtId, groups.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }),
    foreignKey({ columns: [t.districtId, t.decidedBy], foreignColumns: [users.districtId, users.id] }),
    uniqueIndex('group_join_requests_pending')
      .on(t.groupId, t.userId)
      .where(sql`status = 'pending'`),
    index('group_join_requests_group').on(t.districtId, t.groupId),
  ],
);

/**
 * A sign-up through a join code, waiting for its email to be confirmed: the account is created only when
 * the emailed link is opened, so an address cannot be claimed by someone who does not read its mail, and
 * the answer to the sign-up is the same whether the address has an account or not. Purged when expired.
 */
export const pendingSignups = pgTable(
  'pending_signups',
  {
    /** sha256 of the link's secret. */
    tokenHash: text('token_hash').primaryKey(),
    districtId: uuid('district_id').notNull(),
    groupId: uuid('group_id').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    expiresAt: tz('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.districtId, t.groupId],
      foreignColumns: [groups.districtId, groups.id],
    }).onDelete('cascade'),
    index('pending_signups_expiry').on(t.expiresAt),
  ],
);

/**
 * What happened to access and data, for the district's admins (issue 9 item 12): sign-ins, role changes,
 * deactivations, self-adds, shares, exports, backups. Append-only. `district_id` is null only for events of
 * the installation itself (a backup of every district) or a failed sign-in for an address nobody has.
 * Never holds a secret or private text: `details` carries ids, roles and counts.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: id(),
    districtId: uuid('district_id').references(() => districts.id),
    at: tz('at').notNull().defaultNow(),
    /** Who did it (null: nobody signed in, or the command line). */
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    /** The client address as the trusted proxy chain gives it; `cli` from the command line. */
    ip: text('ip'),
    userAgent: text('user_agent'),
    details: jsonb('details').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
  },
  (t) => [index('audit_events_district_at').on(t.districtId, t.at)],
);

/**
 * Meeting guests (DAY-FIRST, ADR 0013): a person without an account who asked to join one live meeting by its
 * code under a display name (no email). The facilitator admits or declines each; an admitted guest takes part
 * in that meeting only. `secret_hash` is the sha256 of the guest cookie's secret; the session ends when the
 * meeting ends or at `expires_at`, whichever comes first.
 */
export const meetingGuests = pgTable(
  'meeting_guests',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    name: text('name').notNull(),
    secretHash: text('secret_hash').notNull().unique(),
    status: text('status', { enum: ['waiting', 'admitted', 'declined'] })
      .notNull()
      .default('waiting'),
    askedAt: tz('asked_at').notNull().defaultNow(),
    expiresAt: tz('expires_at').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: tz('decided_at'),
  },
  (t) => [
    unique('meeting_guests_district_id_id').on(t.districtId, t.id),
    foreignKey({
      columns: [t.districtId, t.meetingId],
      foreignColumns: [meetings.districtId, meetings.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.decidedBy], foreignColumns: [users.districtId, users.id] }),
    index('meeting_guests_meeting').on(t.districtId, t.meetingId),
  ],
);

/**
 * PM-PLAN-1: the plan of a Peer Modeling part of a scheduled meeting (one row per part), written by those who
 * run the team. Snapshotted into the meeting's log when it opens (`meeting.created.plans`).
 */
export const meetingPlans = pgTable(
  'meeting_plans',
  {
    districtId: uuid('district_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    part: integer('part').notNull(),
    curiosity: text('curiosity').notNull(),
    practice: text('practice').notNull(),
    /** A team member or a person invited to the meeting; null while undecided. */
    modelId: uuid('model_id'),
    mode: text('mode', {
      enum: ['classroom-visit', 'classroom-video', 'in-meeting-demonstration'],
    }).notNull(),
    modelingAt: tz('modeling_at'),
    videoUrl: text('video_url'),
    /** The Share Successes presentation it came from (meeting and part), with its title as it was then. */
    fromMeetingId: uuid('from_meeting_id'),
    fromPart: integer('from_part'),
    fromTitle: text('from_title'),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.part] }),
    foreignKey({
      columns: [t.districtId, t.meetingId],
      foreignColumns: [meetings.districtId, meetings.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.modelId], foreignColumns: [users.districtId, users.id] }),
    foreignKey({ columns: [t.districtId, t.updatedBy], foreignColumns: [users.districtId, users.id] }),
    index('meeting_plans_district').on(t.districtId, t.meetingId),
  ],
);

/**
 * PM-GUEST-1: a person of the district invited to one meeting only (a coach or specialist not on the team), as
 * its model or an observer. They see that meeting and nothing else of the team.
 */
export const meetingInvitees = pgTable(
  'meeting_invitees',
  {
    districtId: uuid('district_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role', { enum: ['model', 'observer'] }).notNull(),
    invitedBy: uuid('invited_by').notNull(),
    invitedAt: tz('invited_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.userId] }),
    foreignKey({
      columns: [t.districtId, t.meetingId],
      foreignColumns: [meetings.districtId, meetings.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }),
    foreignKey({ columns: [t.districtId, t.invitedBy], foreignColumns: [users.districtId, users.id] }),
    index('meeting_invitees_person').on(t.districtId, t.userId),
  ],
);

/**
 * PM-NOTE-1: an observer's notes from a classroom visit, private to their author (one per person and meeting).
 * Outside the meeting's log; sharing one publishes a snapshot (`observation.shared`).
 */
export const visitNotes = pgTable(
  'visit_notes',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    authorId: uuid('author_id').notNull(),
    text: text('text').notNull(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('visit_notes_district_id_id').on(t.districtId, t.id),
    unique('visit_notes_author').on(t.meetingId, t.authorId),
    foreignKey({
      columns: [t.districtId, t.meetingId],
      foreignColumns: [meetings.districtId, meetings.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.authorId], foreignColumns: [users.districtId, users.id] }),
    index('visit_notes_district').on(t.districtId, t.meetingId),
  ],
);

/** A PostgreSQL text search vector (stored, generated: SEARCH-DOC-1). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
/** A text search configuration name (`english`, `spanish`, `simple`). */
const regconfig = customType<{ data: string }>({ dataType: () => 'regconfig' });

/**
 * MEM-REC-1: the team's memory. One row per success, problem of practice (dilemma) or observation: drawn by the core
 * projection `memoryOf` from a part of an ended meeting (`meeting_id`, `part`), or logged by a member outside a
 * meeting. `content` holds the kind's texts (`MemoryContent` in `#contracts/memory`, parsed on every read).
 * Visible to the team's members only; what leaves the team is a `memory_shares` copy.
 */
export const memoryRecords = pgTable(
  'memory_records',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    groupId: uuid('group_id').notNull(),
    kind: text('kind', { enum: ['success', 'dilemma', 'observation'] }).notNull(),
    meetingId: uuid('meeting_id'),
    part: integer('part'),
    /** The presenter (or model) of the part, or the member who logged it; null when nobody presented. */
    authorId: uuid('author_id'),
    title: text('title').notNull(),
    content: jsonb('content').notNull(),
    /** MEM-TAG-1: tags of a success (free words, trimmed; null when not given). */
    grade: text('grade'),
    subject: text('subject'),
    strategy: text('strategy'),
    studentGroup: text('student_group'),
    /** A dilemma is `open` until it is resolved with evidence (MEM-DIL-3); null for other kinds. */
    status: text('status', { enum: ['open', 'resolved'] }),
    resolution: text('resolution'),
    resolvedAt: tz('resolved_at'),
    resolvedBy: uuid('resolved_by'),
    /** A success that a resolved dilemma became (MEM-DIL-3), and the observation that inspired a success. */
    fromDilemmaId: uuid('from_dilemma_id'),
    inspiredById: uuid('inspired_by_id'),
    /** When it happened: the meeting's end, or the date the member gave. */
    occurredAt: tz('occurred_at').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('memory_records_district_id_id').on(t.districtId, t.id),
    uniqueIndex('memory_records_meeting_part').on(t.meetingId, t.part),
    foreignKey({
      columns: [t.districtId, t.groupId],
      foreignColumns: [groups.districtId, groups.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.districtId, t.meetingId],
      foreignColumns: [meetings.districtId, meetings.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.authorId], foreignColumns: [users.districtId, users.id] }),
    foreignKey({ columns: [t.districtId, t.resolvedBy], foreignColumns: [users.districtId, users.id] }),
    foreignKey({ columns: [t.districtId, t.createdBy], foreignColumns: [users.districtId, users.id] }),
    index('memory_records_group').on(t.districtId, t.groupId, t.kind, t.occurredAt),
  ],
);

/**
 * MEM-SHARE-1: a copy of a success or a resolved dilemma shared beyond the team (its school or the district), as
 * its author reviewed and edited it. Nobody outside the team reads the record itself, only this copy. Withdrawing
 * consent deletes the row (and with it every trace outside the team).
 */
export const memoryShares = pgTable(
  'memory_shares',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    recordId: uuid('record_id').notNull(),
    groupId: uuid('group_id').notNull(),
    /** The school of the team (null for a district team), for `school` scope. */
    schoolId: uuid('school_id'),
    scope: text('scope', { enum: ['school', 'district'] }).notNull(),
    /** `awaiting-team`: a record with several contributors waits for the team's consent (MEM-SHARE-3). */
    status: text('status', { enum: ['awaiting-team', 'shared'] }).notNull(),
    kind: text('kind', { enum: ['success', 'dilemma'] }).notNull(),
    title: text('title').notNull(),
    /** Exactly what others see (`SharedContent` in `#contracts/memory`). */
    content: jsonb('content').notNull(),
    proposedBy: uuid('proposed_by').notNull(),
    authorConsentAt: tz('author_consent_at'),
    teamConsentBy: uuid('team_consent_by'),
    teamConsentAt: tz('team_consent_at'),
    sharedAt: tz('shared_at'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('memory_shares_district_id_id').on(t.districtId, t.id),
    uniqueIndex('memory_shares_record').on(t.recordId),
    foreignKey({
      columns: [t.districtId, t.recordId],
      foreignColumns: [memoryRecords.districtId, memoryRecords.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.districtId, t.groupId],
      foreignColumns: [groups.districtId, groups.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.proposedBy], foreignColumns: [users.districtId, users.id] }),
    index('memory_shares_scope').on(t.districtId, t.scope, t.schoolId),
  ],
);

/**
 * SHARE-HELPED-1: "this helped me" on a shared copy: one row per person and copy, in the copy's tenant (a district,
 * or a network for a copy shared with it). Only counts ever leave the server (never who, never a ranking); the
 * rows go with the copy (withdrawn or deleted) and with the person's row.
 */
export const shareHelped = pgTable(
  'share_helped',
  {
    districtId: uuid('district_id').notNull(),
    shareId: uuid('share_id').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.shareId, t.userId] }),
    foreignKey({
      columns: [t.districtId, t.shareId],
      foreignColumns: [memoryShares.districtId, memoryShares.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }).onDelete(
      'cascade',
    ),
  ],
);

/**
 * SEARCH-DOC-1: the search index. One row per thing a person may find (a memory record, a shared copy, a meeting's
 * minutes, a shared note, a next step), written by `src/server/search/indexer.ts` from the records and the
 * meeting log, never by hand. `visibility` with `group_id` / `school_id` is the permission predicate's input:
 * `team` rows are read by the team's members only, `school` and `district` rows are shared copies.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    groupId: uuid('group_id'),
    schoolId: uuid('school_id'),
    visibility: text('visibility', { enum: ['team', 'school', 'district'] }).notNull(),
    kind: text('kind', {
      enum: ['success', 'dilemma', 'observation', 'minutes', 'note', 'next-step'],
    }).notNull(),
    /** What the hit opens: a record, share, meeting or next-step id (with `meeting_id` where it has one). */
    sourceId: text('source_id').notNull(),
    meetingId: uuid('meeting_id'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    lang: regconfig('lang')
      .notNull()
      .default(sql`'english'::regconfig`),
    tsv: tsvector('tsv')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector(lang, coalesce(title, '')), 'A') || setweight(to_tsvector(lang, coalesce(body, '')), 'B')`,
      ),
    occurredAt: tz('occurred_at').notNull(),
  },
  (t) => [
    uniqueIndex('search_documents_source').on(t.districtId, t.kind, t.sourceId),
    foreignKey({
      columns: [t.districtId, t.groupId],
      foreignColumns: [groups.districtId, groups.id],
    }).onDelete('cascade'),
    index('search_documents_tsv').using('gin', t.tsv),
    index('search_documents_team').on(t.groupId),
    index('search_documents_school')
      .on(t.districtId, t.schoolId)
      .where(sql`visibility = 'school'`),
    index('search_documents_district')
      .on(t.districtId)
      .where(sql`visibility = 'district'`),
  ],
);

/**
 * HOME-3: when a member last opened their team's home, so it can list what changed since. One row per person and
 * team, moved forward on each visit; gone with the team or the person.
 */
export const teamVisits = pgTable(
  'team_visits',
  {
    districtId: uuid('district_id').notNull(),
    groupId: uuid('group_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** The last time the home was read (a read within 30 minutes of it belongs to the same visit). */
    seenAt: tz('seen_at').notNull(),
    /** What the current visit compares against: the end of the previous visit; null during the first one. */
    since: tz('since'),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.userId] }),
    foreignKey({
      columns: [t.districtId, t.groupId],
      foreignColumns: [groups.districtId, groups.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }).onDelete(
      'cascade',
    ),
  ],
);

/**
 * DIGEST-OPT-1: a person's choice of the weekly email digest of their next steps (opt-in; no row = no digest).
 * The unsubscribe link carries a secret whose hash is kept here: each digest gets a fresh one, and the one of
 * the mail before stays valid too (`previous_token_hash`), so an older mail still unsubscribes (RFC 8058).
 * `last_sent_at` keeps it to at most one digest per 7 days (DIGEST-JOB-1).
 */
export const digestSubscriptions = pgTable(
  'digest_subscriptions',
  {
    districtId: uuid('district_id').notNull(),
    userId: uuid('user_id').notNull(),
    weekly: boolean('weekly').notNull().default(false),
    tokenHash: text('token_hash').unique(),
    previousTokenHash: text('previous_token_hash').unique(),
    lastSentAt: tz('last_sent_at'),
    createdAt: createdAt(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.userId] }),
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }).onDelete(
      'cascade',
    ),
    index('digest_subscriptions_due')
      .on(t.lastSentAt)
      .where(sql`weekly`),
  ],
);

/**
 * Issue 13, ADR 0029: survey instruments an admin uploaded (the shipped ones are files in `instruments/`).
 * `definition` is the parsed, validated instrument; `source` the YAML as uploaded, for download.
 */
export const surveyInstruments = pgTable(
  'survey_instruments',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    slug: text('slug').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    definition: jsonb('definition').notNull(),
    source: text('source').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('survey_instruments_district_id_id').on(t.districtId, t.id),
    unique('survey_instruments_slug_version').on(t.districtId, t.slug, t.version),
    foreignKey({ columns: [t.districtId], foreignColumns: [districts.id] }),
  ],
);

/**
 * ADR 0029: a survey wave. `frame` is the organization taken at launch (units, role bands, people invited per
 * atom); `instrument` a frozen copy of the instrument. `threshold` is the effective one (never below 5, ADR 0028).
 */
export const surveyWaves = pgTable(
  'survey_waves',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    title: text('title').notNull(),
    scopeKind: text('scope_kind', { enum: ['district', 'school', 'teams'] }).notNull(),
    /** The school's id (scope school) or the teams' ids (scope teams); empty for the district. */
    scopeIds: uuid('scope_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    instrument: jsonb('instrument').notNull(),
    invite: text('invite', { enum: ['email', 'link'] }).notNull(),
    /** sha256 of the anonymous link's secret (invite = link). */
    linkHash: text('link_hash').unique(),
    frame: jsonb('frame').notNull(),
    threshold: integer('threshold').notNull().default(5),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    /** When the invitations went out (at creation, or by the maintenance job on the open date). */
    invitedAt: tz('invited_at'),
    closedAt: tz('closed_at'),
    remindedAt: tz('reminded_at'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('survey_waves_district_id_id').on(t.districtId, t.id),
    foreignKey({ columns: [t.districtId], foreignColumns: [districts.id] }),
    index('survey_waves_open')
      .on(t.closesOn)
      .where(sql`closed_at is null`),
  ],
);

/**
 * ADR 0029: who was invited and whether they answered; no timestamp, no link to a response. Deleted when the
 * wave closes (MEASURE-WAVE-*).
 */
export const surveyParticipation = pgTable(
  'survey_participation',
  {
    districtId: uuid('district_id').notNull(),
    waveId: uuid('wave_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** The units the person may answer about (the frame's; the first is the default) and their role band. */
    units: text('units').array().notNull(),
    roleBand: text('role_band', { enum: ['staff', 'leader'] }).notNull(),
    answered: boolean('answered').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.waveId, t.userId] }),
    foreignKey({
      columns: [t.districtId, t.waveId],
      foreignColumns: [surveyWaves.districtId, surveyWaves.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }).onDelete(
      'cascade',
    ),
  ],
);

/**
 * ADR 0029: one anonymous answer. Nothing here names a person or leads to one: a random id, the atom (unit and
 * role band), the UTC day only, the item values in the frozen instrument's order.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    waveId: uuid('wave_id').notNull(),
    /** The atom's unit: `team:<id>`, `school:<id>` (the school's no-team pool) or `district`. */
    unit: text('unit').notNull(),
    roleBand: text('role_band', { enum: ['staff', 'leader'] }).notNull(),
    submittedOn: date('submitted_on').notNull(),
    answers: integer('answers').array().notNull(),
    freeText: text('free_text'),
  },
  (t) => [
    foreignKey({
      columns: [t.districtId, t.waveId],
      foreignColumns: [surveyWaves.districtId, surveyWaves.id],
    }).onDelete('cascade'),
    index('survey_responses_wave').on(t.districtId, t.waveId),
  ],
);

/**
 * ADR 0029: an anonymous link's answers, one per browser: the hash of the browser's random token, nothing else.
 * Deleted when the wave closes.
 */
export const surveyLinkUses = pgTable(
  'survey_link_uses',
  {
    districtId: uuid('district_id').notNull(),
    waveId: uuid('wave_id').notNull(),
    tokenHash: text('token_hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.waveId, t.tokenHash] }),
    foreignKey({
      columns: [t.districtId, t.waveId],
      foreignColumns: [surveyWaves.districtId, surveyWaves.id],
    }).onDelete('cascade'),
  ],
);

/** ADR 0029: a wave's frozen results, one row per report cell (shown with its numbers, or suppressed). */
export const surveyResults = pgTable(
  'survey_results',
  {
    districtId: uuid('district_id').notNull(),
    waveId: uuid('wave_id').notNull(),
    /** The cell's node (`district`, `school:<id>`, `team:<id>`) and role filter (`all` or a band). */
    node: text('node').notNull(),
    role: text('role').notNull(),
    /** The node above (null for the district): a report reads one node and the nodes just under it. */
    parent: text('parent'),
    payload: jsonb('payload').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.waveId, t.node, t.role] }),
    foreignKey({
      columns: [t.districtId, t.waveId],
      foreignColumns: [surveyWaves.districtId, surveyWaves.id],
    }).onDelete('cascade'),
    index('survey_results_parent').on(t.districtId, t.waveId, t.role, t.parent),
  ],
);

/** ADR 0029: one anonymous meeting-pulse answer (no person, no time beyond its meeting). */
export const meetingPulseResponses = pgTable(
  'meeting_pulse_responses',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    groupId: uuid('group_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    instrument: text('instrument').notNull(),
    answers: integer('answers').array().notNull(),
  },
  (t) => [
    foreignKey({
      columns: [t.districtId, t.groupId],
      foreignColumns: [groups.districtId, groups.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.districtId, t.meetingId],
      foreignColumns: [meetings.districtId, meetings.id],
    }).onDelete('cascade'),
    index('meeting_pulse_responses_team').on(t.districtId, t.groupId),
  ],
);

/** ADR 0029: who answered a meeting's pulse (to refuse a second answer); deleted when the pulse closes. */
export const meetingPulseParticipation = pgTable(
  'meeting_pulse_participation',
  {
    districtId: uuid('district_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.userId] }),
    foreignKey({
      columns: [t.districtId, t.meetingId],
      foreignColumns: [meetings.districtId, meetings.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** ADR 0032: a network's own facts; `district_id` is the network's tenant (a `districts` row of kind `network`). */
export const networks = pgTable('networks', {
  districtId: uuid('district_id')
    .primaryKey()
    .references(() => districts.id, { onDelete: 'cascade' }),
  description: text('description').notNull().default(''),
  /** `listed`: principals may find it and ask to join; `unlisted`: by invitation only. */
  visibility: text('visibility', { enum: ['listed', 'unlisted'] })
    .notNull()
    .default('unlisted'),
  createdAt: createdAt(),
});

/**
 * ADR 0032, the network's side: who its member rows are. `home_district_id` and `home_user_id` are opaque
 * values (no foreign key leaves the tenant): they resolve an account to its member row and keep colleague pairs
 * out of one district. `shown_*` is what the member chose to bring.
 */
export const networkMembers = pgTable(
  'network_members',
  {
    districtId: uuid('district_id').notNull(),
    userId: uuid('user_id').notNull(),
    homeDistrictId: uuid('home_district_id').notNull(),
    homeUserId: uuid('home_user_id').notNull(),
    role: text('role', { enum: ['convener', 'member'] }).notNull(),
    status: text('status', { enum: ['active', 'left', 'removed'] })
      .notNull()
      .default('active'),
    shownSchool: text('shown_school').notNull().default(''),
    shownDistrict: text('shown_district').notNull().default(''),
    title: text('title').notNull().default(''),
    joinedAt: createdAt(),
    endedAt: tz('ended_at'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.userId] }),
    uniqueIndex('network_members_home').on(t.districtId, t.homeUserId),
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** ADR 0032, the district's side: all a district keeps of a network, that its person belongs. */
export const networkAffiliations = pgTable(
  'network_affiliations',
  {
    districtId: uuid('district_id').notNull(),
    userId: uuid('user_id').notNull(),
    networkId: uuid('network_id').notNull(),
    networkName: text('network_name').notNull(),
    joinedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.userId, t.networkId] }),
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** A convener's invitation to a network, by email; accepted by the signed-in account with that address. */
export const networkInvitations = pgTable(
  'network_invitations',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    email: text('email').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: uuid('invited_by').notNull(),
    expiresAt: tz('expires_at').notNull(),
    acceptedAt: tz('accepted_at'),
    revokedAt: tz('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('network_invitations_district_id_id').on(t.districtId, t.id),
    foreignKey({
      columns: [t.districtId, t.invitedBy],
      foreignColumns: [users.districtId, users.id],
    }).onDelete('cascade'),
    index('network_invitations_district').on(t.districtId),
  ],
);

/**
 * A principal's request to join a listed network. Written in the network's tenant with the requester's home ids
 * as opaque values and what they chose to show; decided by a convener.
 */
export const networkJoinRequests = pgTable(
  'network_join_requests',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    homeDistrictId: uuid('home_district_id').notNull(),
    homeUserId: uuid('home_user_id').notNull(),
    shownName: text('shown_name').notNull(),
    shownSchool: text('shown_school').notNull().default(''),
    shownDistrict: text('shown_district').notNull().default(''),
    message: text('message').notNull().default(''),
    status: text('status', { enum: ['pending', 'approved', 'declined', 'withdrawn'] })
      .notNull()
      .default('pending'),
    decidedAt: tz('decided_at'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('network_join_requests_district_id_id').on(t.districtId, t.id),
    foreignKey({ columns: [t.districtId], foreignColumns: [districts.id] }).onDelete('cascade'),
    uniqueIndex('network_join_requests_pending')
      .on(t.districtId, t.homeUserId)
      .where(sql`status = 'pending'`),
  ],
);

/** A cohort's cycles (issue 14): one focus (an area from the list, or the cohort's own words) and a goal each. */
export const cohortCycles = pgTable(
  'cohort_cycles',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    groupId: uuid('group_id').notNull(),
    number: integer('number').notNull(),
    focusArea: text('focus_area'),
    focusText: text('focus_text'),
    goal: text('goal').notNull(),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('cohort_cycles_district_id_id').on(t.districtId, t.id),
    uniqueIndex('cohort_cycles_number').on(t.districtId, t.groupId, t.number),
    foreignKey({
      columns: [t.districtId, t.groupId],
      foreignColumns: [groups.districtId, groups.id],
    }).onDelete('cascade'),
  ],
);

/**
 * Issue 14: a district's or a network's own professional organizations: entries it added (`shipped_slug` null)
 * and its edits of shipped ones (`directory/*.yaml`, by slug).
 */
export const professionalOrganizations = pgTable(
  'professional_organizations',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    shippedSlug: text('shipped_slug'),
    name: text('name').notNull(),
    url: text('url').notNull(),
    scope: text('scope', { enum: ['national', 'state'] }).notNull(),
    state: text('state'),
    audience: text('audience', { enum: ['elementary', 'secondary', 'all'] }).notNull(),
    offers: text('offers').notNull(),
    hidden: boolean('hidden').notNull().default(false),
    updatedBy: uuid('updated_by'),
    createdAt: createdAt(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('professional_organizations_district_id_id').on(t.districtId, t.id),
    uniqueIndex('professional_organizations_shipped').on(t.districtId, t.shippedSlug),
    foreignKey({ columns: [t.districtId], foreignColumns: [districts.id] }).onDelete('cascade'),
  ],
);

/**
 * MATCH-SPACE: a principal's profile in the colleague exchange (the installation's `exchange` tenant, ADR 0032),
 * kept on their member row there. `home_district_id` and `region_key` keep pairs out of one district (and region).
 */
export const colleagueProfiles = pgTable(
  'colleague_profiles',
  {
    districtId: uuid('district_id').notNull(),
    userId: uuid('user_id').notNull(),
    homeDistrictId: uuid('home_district_id').notNull(),
    regionKey: text('region_key').notNull(),
    profile: jsonb('profile').notNull(),
    active: boolean('active').notNull().default(true),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.userId] }),
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** MATCH-SPACE: a proposed, agreed, declined or ended pair of the exchange (`member_a` < `member_b`). */
export const colleaguePairs = pgTable(
  'colleague_pairs',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    memberA: uuid('member_a').notNull(),
    memberB: uuid('member_b').notNull(),
    fit: integer('fit').notNull(),
    status: text('status', { enum: ['proposed', 'active', 'declined', 'ended'] }).notNull(),
    acceptedA: tz('accepted_a'),
    acceptedB: tz('accepted_b'),
    checkInEveryWeeks: integer('check_in_every_weeks'),
    nextCheckInOn: date('next_check_in_on', { mode: 'string' }),
    createdAt: createdAt(),
    startedAt: tz('started_at'),
    endedAt: tz('ended_at'),
  },
  (t) => [
    unique('colleague_pairs_district_id_id').on(t.districtId, t.id),
    index('colleague_pairs_a').on(t.districtId, t.memberA),
    index('colleague_pairs_b').on(t.districtId, t.memberB),
    foreignKey({ columns: [t.districtId, t.memberA], foreignColumns: [users.districtId, users.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.districtId, t.memberB], foreignColumns: [users.districtId, users.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** MATCH-SPACE: notes in a pair's space: `shared` (both read) or `private` (its author only). */
export const colleagueNotes = pgTable(
  'colleague_notes',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    pairId: uuid('pair_id').notNull(),
    authorId: uuid('author_id').notNull(),
    visibility: text('visibility', { enum: ['shared', 'private'] }).notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('colleague_notes_pair').on(t.districtId, t.pairId),
    foreignKey({
      columns: [t.districtId, t.pairId],
      foreignColumns: [colleaguePairs.districtId, colleaguePairs.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.districtId, t.authorId],
      foreignColumns: [users.districtId, users.id],
    }).onDelete('cascade'),
  ],
);

/**
 * BOOK: a group's book study (a district team's or a network cohort's, ADR 0032). `sequence` and `updated_at` grow
 * with every change of its sections, so a calendar that subscribed to its feed takes the new schedule.
 */
export const bookStudies = pgTable(
  'book_studies',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    groupId: uuid('group_id').notNull(),
    title: text('title').notNull(),
    authors: jsonb('authors').$type<string[]>().notNull(),
    /** Normalized (no hyphens), its check digit checked (BOOK-ISBN). */
    isbn: text('isbn'),
    createdBy: uuid('created_by').notNull(),
    sequence: integer('sequence').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('book_studies_district_id_id').on(t.districtId, t.id),
    index('book_studies_group').on(t.districtId, t.groupId),
    foreignKey({
      columns: [t.districtId, t.groupId],
      foreignColumns: [groups.districtId, groups.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.createdBy], foreignColumns: [users.districtId, users.id] }),
  ],
);

/**
 * BOOK: a section of a study, in `position` order: what to read by when, and the session the group meets in
 * (`session_at` a local `YYYY-MM-DDTHH:MM` in the group's zone) with its routine and, once scheduled, its meeting.
 */
export const bookSections = pgTable(
  'book_sections',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    studyId: uuid('study_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    pages: text('pages').notNull().default(''),
    readBy: date('read_by', { mode: 'string' }).notNull(),
    sessionAt: text('session_at'),
    routineId: text('routine_id'),
    prompts: jsonb('prompts').$type<string[]>().notNull(),
    meetingId: uuid('meeting_id'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('book_sections_district_id_id').on(t.districtId, t.id),
    index('book_sections_study').on(t.districtId, t.studyId),
    foreignKey({
      columns: [t.districtId, t.studyId],
      foreignColumns: [bookStudies.districtId, bookStudies.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.meetingId], foreignColumns: [meetings.districtId, meetings.id] }),
  ],
);

/**
 * BOOK: a member's reflection on a section: `private` (its author's alone, whoever else asks) or `shared` with the
 * group (`shared_at` when it was shared).
 */
export const bookReflections = pgTable(
  'book_reflections',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    sectionId: uuid('section_id').notNull(),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
    visibility: text('visibility', { enum: ['private', 'shared'] }).notNull(),
    sharedAt: tz('shared_at'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('book_reflections_district_id_id').on(t.districtId, t.id),
    index('book_reflections_section').on(t.districtId, t.sectionId),
    foreignKey({
      columns: [t.districtId, t.sectionId],
      foreignColumns: [bookSections.districtId, bookSections.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.districtId, t.authorId],
      foreignColumns: [users.districtId, users.id],
    }).onDelete('cascade'),
  ],
);

/** PostgreSQL `bytea` (a share card's image, ADR 0035). */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * SHARE-CARD-1 (ADR 0035): a card made by its author from a shared success copy, to post on social platforms.
 * Public (`GET /api/cards/:id`, `/cards/:id`) only while `published_at` is set; withdrawing the copy deletes it.
 * Holds the card's own fields only: no person, team or school beyond what the author typed.
 */
export const shareCards = pgTable(
  'share_cards',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    shareId: uuid('share_id').notNull(),
    authorId: uuid('author_id').notNull(),
    title: text('title').notNull(),
    text: text('text').notNull(),
    link: text('link'),
    image: bytea('image'),
    /** Sniffed from the image's magic bytes (`image/png`, `image/jpeg`, `image/webp`). */
    imageType: text('image_type', { enum: ['image/png', 'image/jpeg', 'image/webp'] }),
    imageAlt: text('image_alt'),
    publishedAt: tz('published_at'),
    createdAt: createdAt(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('share_cards_district_id_id').on(t.districtId, t.id),
    index('share_cards_share').on(t.districtId, t.shareId),
    foreignKey({
      columns: [t.districtId, t.shareId],
      foreignColumns: [memoryShares.districtId, memoryShares.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.districtId, t.authorId],
      foreignColumns: [users.districtId, users.id],
    }).onDelete('cascade'),
  ],
);

/**
 * SSO-CONFIG-1 (issue 15, ADR 0038): a district's OpenID Connect providers, configured by its admin. The client
 * secret is write-only: stored here, never answered by the API nor written to a log.
 */
export const ssoProviders = pgTable(
  'sso_providers',
  {
    id: id(),
    districtId: uuid('district_id')
      .notNull()
      .references(() => districts.id),
    kind: text('kind', { enum: ['google', 'microsoft', 'oidc'] }).notNull(),
    /** The button's words ("Sign in with …"). */
    label: text('label').notNull(),
    /** Fixed by the server for `google` and `microsoft` (from the tenant id); the admin's for `oidc`. */
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    clientSecret: text('client_secret').notNull(),
    /** `google`: the Workspace domain the ID token's `hd` must name (SSO-GOOGLE-1). */
    googleDomain: text('google_domain'),
    /** `microsoft`: the Entra tenant the ID token's `tid` must name (SSO-MS-1). */
    tenantId: text('tenant_id'),
    /** SSO-JIT-3: email domains whose people get an account on their first sign-in. */
    allowedDomains: text('allowed_domains')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [unique('sso_providers_district_id_id').on(t.districtId, t.id)],
);

/** SSO-LINK-1: a person's identity at a provider; one account per (issuer, subject key), `tid:oid` for Entra. */
export const ssoIdentities = pgTable(
  'sso_identities',
  {
    id: id(),
    districtId: uuid('district_id').notNull(),
    providerId: uuid('provider_id').notNull(),
    issuer: text('issuer').notNull(),
    subjectKey: text('subject_key').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: createdAt(),
    lastSignInAt: tz('last_sign_in_at'),
  },
  (t) => [
    unique('sso_identities_issuer_subject').on(t.issuer, t.subjectKey),
    index('sso_identities_user').on(t.districtId, t.userId),
    foreignKey({
      columns: [t.districtId, t.providerId],
      foreignColumns: [ssoProviders.districtId, ssoProviders.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.districtId, t.userId],
      foreignColumns: [users.districtId, users.id],
    }).onDelete('cascade'),
  ],
);

/**
 * SSO-FLOW-1: one sign-in under way: its state (the key), nonce and PKCE verifier, bound to the browser that
 * started it by the hash of a cookie's secret; deleted when the callback uses it, useless after `expires_at`.
 */
export const ssoLogins = pgTable(
  'sso_logins',
  {
    state: text('state').primaryKey(),
    districtId: uuid('district_id').notNull(),
    providerId: uuid('provider_id').notNull(),
    browserHash: text('browser_hash').notNull(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    expiresAt: tz('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.districtId, t.providerId],
      foreignColumns: [ssoProviders.districtId, ssoProviders.id],
    }).onDelete('cascade'),
  ],
);

/**
 * RIGHTS-RETAIN-1 (ADR 0042): a district's retention settings. Each `*_years` is null (keep) or a number of years
 * (at least its minimum, `#contracts/rights`); the retention pass runs at most once a day per district
 * (`last_run_at`) and records each run in the audit log with counts only.
 */
export const retentionSettings = pgTable(
  'retention_settings',
  {
    districtId: uuid('district_id').primaryKey(),
    meetingContentYears: integer('meeting_content_years'),
    auditLogYears: integer('audit_log_years'),
    surveyResponseYears: integer('survey_response_years'),
    updatedBy: uuid('updated_by'),
    updatedAt: tz('updated_at').notNull().defaultNow(),
    lastRunAt: tz('last_run_at'),
  },
  (t) => [foreignKey({ columns: [t.districtId], foreignColumns: [districts.id] }).onDelete('cascade')],
);
