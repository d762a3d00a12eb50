/**
 * RIGHTS-DELETE-* (ADR 0042): deleting a person's account. One list, `ERASURE_PLAN`, says per table what happens to
 * the person's rows: deleted (private content, access, pending and personal settings), anonymized (the users row
 * itself: shared contributions keep their author id, which now names "A former member") or kept as it is (rows that
 * hold only ids). A table added later is added here; `rights.test.ts` fails while a table of the database is in
 * neither this plan nor `NOT_ABOUT_A_PERSON`. Last, `scrubEverywhere` replaces any remaining occurrence of the
 * person's name or address in every text, JSON and text-array column of their tenants (the append-only meeting event
 * log and audit log included: the explicit exception of ADR 0042).
 */
import { and, eq, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client';
import {
  apiTokens,
  authThrottle,
  bookReflections,
  calendarFeeds,
  colleagueNotes,
  colleaguePairs,
  colleagueProfiles,
  digestSubscriptions,
  groupJoinRequests,
  groupMembers,
  invitations,
  mailQueue,
  meetingEvents,
  meetingInvitees,
  meetingPulseParticipation,
  networkAffiliations,
  networkInvitations,
  networkJoinRequests,
  networkMembers,
  oneTimeTokens,
  outbox,
  pendingSignups,
  schoolRoles,
  sessions,
  shareCards,
  shareHelped,
  ssoIdentities,
  surveyParticipation,
  teamVisits,
  users,
  visitNotes,
} from '../db/schema';

/** How an erased person is named wherever a contribution of theirs is shown (their users rows carry it). */
export const FORMER_MEMBER_NAME = 'A former member';
/** What a private reflection's text becomes in the append-only meeting log (the event stays: the log has no gaps). */
export const ERASED_TEXT = '[deleted]';

/** The person being erased: their account, and each of their rows in a tenant (the account's own and member rows). */
export interface ErasedPerson {
  districtId: string;
  userId: string;
  name: string;
  email: string;
  /** The account's row first, then its network and exchange member rows (ADR 0032). */
  rows: readonly { tenantId: string; userId: string }[];
}

interface Row {
  tenantId: string;
  userId: string;
}

export interface ErasureStep {
  table: string;
  action: 'delete' | 'anonymize' | 'keep';
  /** Why, in a few words (the ADR's table says the same). */
  why: string;
  run?: (tx: DbOrTx, person: ErasedPerson, row: Row, now: Date) => Promise<unknown>;
  /** Runs once per person rather than once per tenant row (rows found by address or by the account's home ids). */
  once?: boolean;
}

const byRow = (t: { districtId: AnyPgColumn; userId: AnyPgColumn }, row: Row) =>
  and(eq(t.districtId, row.tenantId), eq(t.userId, row.userId));

/**
 * What happens to each table's rows of the person, in the order it runs (rows that others reference go last).
 * `keep` entries hold ids only: the author id of a shared contribution now resolves to the anonymized users row.
 */
export const ERASURE_PLAN: readonly ErasureStep[] = [
  {
    table: 'sessions',
    action: 'delete',
    why: 'signed out everywhere',
    run: (tx, _p, r) => tx.delete(sessions).where(byRow(sessions, r)),
  },
  {
    table: 'one_time_tokens',
    action: 'delete',
    why: 'links of the account',
    run: (tx, _p, r) => tx.delete(oneTimeTokens).where(byRow(oneTimeTokens, r)),
  },
  {
    table: 'calendar_feeds',
    action: 'delete',
    why: 'calendar links stop answering',
    run: (tx, _p, r) => tx.delete(calendarFeeds).where(byRow(calendarFeeds, r)),
  },
  {
    table: 'digest_subscriptions',
    action: 'delete',
    why: 'no more digests',
    run: (tx, _p, r) => tx.delete(digestSubscriptions).where(byRow(digestSubscriptions, r)),
  },
  {
    table: 'team_visits',
    action: 'delete',
    why: 'personal reading position',
    run: (tx, _p, r) => tx.delete(teamVisits).where(byRow(teamVisits, r)),
  },
  {
    table: 'share_helped',
    action: 'delete',
    why: "the person's own marks",
    run: (tx, _p, r) => tx.delete(shareHelped).where(byRow(shareHelped, r)),
  },
  {
    table: 'survey_participation',
    action: 'delete',
    why: 'open invitations (never linked to answers)',
    run: (tx, _p, r) => tx.delete(surveyParticipation).where(byRow(surveyParticipation, r)),
  },
  {
    table: 'meeting_pulse_participation',
    action: 'delete',
    why: 'open invitations (never linked to answers)',
    run: (tx, _p, r) => tx.delete(meetingPulseParticipation).where(byRow(meetingPulseParticipation, r)),
  },
  {
    table: 'group_join_requests',
    action: 'delete',
    why: 'pending and past requests',
    run: (tx, _p, r) => tx.delete(groupJoinRequests).where(byRow(groupJoinRequests, r)),
  },
  {
    table: 'meeting_invitees',
    action: 'delete',
    why: 'invitations to meetings',
    run: (tx, _p, r) => tx.delete(meetingInvitees).where(byRow(meetingInvitees, r)),
  },
  {
    table: 'group_members',
    action: 'delete',
    why: 'leaves every team and cohort',
    run: (tx, _p, r) => tx.delete(groupMembers).where(byRow(groupMembers, r)),
  },
  {
    table: 'school_roles',
    action: 'delete',
    why: 'no role at any school',
    run: (tx, _p, r) => tx.delete(schoolRoles).where(byRow(schoolRoles, r)),
  },
  {
    table: 'visit_notes',
    action: 'delete',
    why: 'private; a shared one stays as its snapshot in the meeting',
    run: (tx, _p, r) =>
      tx
        .delete(visitNotes)
        .where(and(eq(visitNotes.districtId, r.tenantId), eq(visitNotes.authorId, r.userId))),
  },
  {
    table: 'book_reflections',
    action: 'delete',
    why: 'private ones deleted; shared ones kept for the group',
    run: (tx, _p, r) =>
      tx
        .delete(bookReflections)
        .where(
          and(
            eq(bookReflections.districtId, r.tenantId),
            eq(bookReflections.authorId, r.userId),
            eq(bookReflections.visibility, 'private'),
          ),
        ),
  },
  {
    table: 'colleague_notes',
    action: 'delete',
    why: 'private ones deleted; shared ones kept for the colleague',
    run: (tx, _p, r) =>
      tx
        .delete(colleagueNotes)
        .where(
          and(
            eq(colleagueNotes.districtId, r.tenantId),
            eq(colleagueNotes.authorId, r.userId),
            eq(colleagueNotes.visibility, 'private'),
          ),
        ),
  },
  {
    table: 'colleague_profiles',
    action: 'delete',
    why: 'out of the exchange',
    run: (tx, _p, r) => tx.delete(colleagueProfiles).where(byRow(colleagueProfiles, r)),
  },
  {
    table: 'colleague_pairs',
    action: 'anonymize',
    why: 'ended; the colleague keeps the shared notes',
    run: (tx, _p, r, now) =>
      tx
        .update(colleaguePairs)
        .set({ status: 'ended', endedAt: now })
        .where(
          and(
            eq(colleaguePairs.districtId, r.tenantId),
            or(eq(colleaguePairs.memberA, r.userId), eq(colleaguePairs.memberB, r.userId)),
            inArray(colleaguePairs.status, ['proposed', 'active']),
          ),
        ),
  },
  {
    table: 'share_cards',
    action: 'delete',
    why: "public cards are the author's own publication",
    run: (tx, _p, r) =>
      tx
        .delete(shareCards)
        .where(and(eq(shareCards.districtId, r.tenantId), eq(shareCards.authorId, r.userId))),
  },
  {
    table: 'network_affiliations',
    action: 'delete',
    why: "the district's note of the person's networks",
    run: (tx, _p, r) => tx.delete(networkAffiliations).where(byRow(networkAffiliations, r)),
  },
  {
    table: 'network_members',
    action: 'anonymize',
    why: 'membership ended; what was shown cleared',
    run: (tx, _p, r, now) =>
      tx
        .update(networkMembers)
        .set({ status: 'left', endedAt: now, shownSchool: '', shownDistrict: '', title: '' })
        .where(byRow(networkMembers, r)),
  },
  {
    table: 'network_join_requests',
    action: 'delete',
    why: 'requests name the person',
    once: true,
    run: (tx, p) =>
      tx
        .delete(networkJoinRequests)
        .where(
          and(
            eq(networkJoinRequests.homeDistrictId, p.districtId),
            eq(networkJoinRequests.homeUserId, p.userId),
          ),
        ),
  },
  {
    table: 'invitations',
    action: 'delete',
    why: 'invitations to the address',
    once: true,
    run: (tx, p) => tx.delete(invitations).where(sql`lower(${invitations.email}) = ${p.email}`),
  },
  {
    table: 'pending_signups',
    action: 'delete',
    why: 'sign-ups with the address',
    once: true,
    run: (tx, p) => tx.delete(pendingSignups).where(sql`lower(${pendingSignups.email}) = ${p.email}`),
  },
  {
    table: 'network_invitations',
    action: 'delete',
    why: 'network invitations to the address',
    once: true,
    run: (tx, p) => tx.delete(networkInvitations).where(sql`lower(${networkInvitations.email}) = ${p.email}`),
  },
  {
    table: 'auth_throttle',
    action: 'delete',
    why: 'counters keyed by the address or the account',
    once: true,
    run: (tx, p) =>
      tx
        .delete(authThrottle)
        .where(
          or(
            like(authThrottle.key, `%${likeEscape(p.email)}%`),
            like(authThrottle.key, `%${likeEscape(p.userId)}%`),
          ),
        ),
  },
  {
    table: 'outbox',
    action: 'delete',
    why: 'dev mail to the address',
    once: true,
    run: (tx, p) => tx.delete(outbox).where(sql`lower(${outbox.to}) = ${p.email}`),
  },
  {
    table: 'mail_queue',
    action: 'delete',
    why: 'mail to the address, sent or waiting (MAIL-QUEUE): nothing more is sent to it',
    once: true,
    run: (tx, p) => tx.delete(mailQueue).where(sql`lower(${mailQueue.recipient}) = ${p.email}`),
  },
  {
    table: 'api_tokens',
    action: 'delete',
    why: 'the personal API tokens of the account stop working (API-TOKEN)',
    run: (tx, _p, r) => tx.delete(apiTokens).where(byRow(apiTokens, r)),
  },
  {
    table: 'sso_identities',
    action: 'delete',
    why: 'the links of the account to school sign-in identities (SSO-LINK)',
    run: (tx, _p, r) => tx.delete(ssoIdentities).where(byRow(ssoIdentities, r)),
  },
  {
    table: 'meeting_events',
    action: 'anonymize',
    why: 'append-only: private reflections blanked, shared contributions kept (author id)',
    run: (tx, _p, r) =>
      tx
        .update(meetingEvents)
        .set({
          payload: sql`jsonb_set(${meetingEvents.payload}, '{text}', ${JSON.stringify(ERASED_TEXT)}::jsonb)`,
        })
        .where(
          and(
            eq(meetingEvents.districtId, r.tenantId),
            eq(meetingEvents.actorId, r.userId),
            eq(meetingEvents.type, 'reflection.written'),
          ),
        ),
  },
  {
    table: 'users',
    action: 'anonymize',
    why: 'kept so shared contributions keep an author: "A former member", no address, no password',
    run: (tx, _p, r, now) =>
      tx
        .update(users)
        .set({
          name: FORMER_MEMBER_NAME,
          email: sql`'erased-' || ${users.id} || '@erased.invalid'`,
          passwordHash: null,
          emailVerifiedAt: null,
          districtRole: 'member',
          deactivatedAt: now,
        })
        .where(and(eq(users.districtId, r.tenantId), eq(users.id, r.userId))),
  },
  { table: 'audit_events', action: 'keep', why: 'append-only, ids only; scrubbed of name and address' },
  { table: 'memory_records', action: 'keep', why: "the team's memory; author id only" },
  { table: 'memory_shares', action: 'keep', why: 'shared copies; no person in them' },
  { table: 'meetings', action: 'keep', why: "the team's meetings; creator id only" },
  { table: 'meeting_series', action: 'keep', why: "the team's series; creator id only" },
  { table: 'meeting_plans', action: 'keep', why: "the team's plans; ids only" },
  { table: 'meeting_guests', action: 'keep', why: 'guests; decider id only' },
  { table: 'team_routines', action: 'keep', why: "the team's routines; creator id only" },
  { table: 'routine_library', action: 'keep', why: "the district's library; author id only" },
  { table: 'join_codes', action: 'keep', why: "the team's codes; creator id only" },
  { table: 'book_studies', action: 'keep', why: "the group's studies; creator id only" },
  { table: 'search_documents', action: 'keep', why: 'derived from shared content; scrubbed' },
  { table: 'survey_waves', action: 'keep', why: 'frames hold ids only' },
];

/** Tables that never hold a person's rows (or hold only anonymous ones). */
export const NOT_ABOUT_A_PERSON: readonly string[] = [
  'districts',
  // A district's sign-in providers, and sign-ins in progress (state, nonce and a browser hash; no person).
  'sso_providers',
  'sso_logins',
  'schools',
  'groups',
  'app_settings',
  'socket_io_attachments',
  'survey_instruments',
  'survey_responses',
  'survey_link_uses',
  'survey_results',
  'meeting_pulse_responses',
  'networks',
  'cohort_cycles',
  'professional_organizations',
  'book_sections',
  'retention_settings',
  '__drizzle_migrations',
];

function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A PostgreSQL regular expression (ARE) matching `value` literally, as a whole word where it starts or ends with one. */
function wordPattern(value: string): string {
  const escaped = value.replace(/[.*+?^${}()|[\]\\-]/g, (c) => `\\${c}`);
  const word = /^[\p{L}\p{N}_]/u;
  const start = word.test(value) ? '\\m' : '';
  const end = word.test(value.slice(-1)) ? '\\M' : '';
  return `${start}${escaped}${end}`;
}

/** An address matched literally, not as part of a longer one (`ann@x.org` is not in `joann@x.org` or `ann@x.org.uk`). */
function addressPattern(value: string): string {
  const escaped = value.replace(/[.*+?^${}()|[\]\\-]/g, (c) => `\\${c}`);
  return `(?<![[:alnum:]._%+-])${escaped}(?![[:alnum:]._-]*[[:alnum:]])`;
}

interface TextColumn {
  table: string;
  column: string;
  kind: 'text' | 'json' | 'array';
  tenanted: boolean;
  /** Its `district_id` may be null: the installation's own rows (audit_events, outbox, mail_queue). */
  installationRows: boolean;
}

/** Every text, JSON and text-array column of the database's own tables (generated columns excluded). */
export async function textColumns(db: DbOrTx): Promise<TextColumn[]> {
  const result = await db.execute<{
    table_name: string;
    column_name: string;
    data_type: string;
    udt_name: string;
  }>(
    sql`SELECT c.table_name, c.column_name, c.data_type, c.udt_name
        FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.is_generated = 'NEVER'
          AND (c.data_type IN ('text', 'character varying', 'jsonb', 'json') OR c.udt_name IN ('_text', '_varchar'))
        ORDER BY c.table_name, c.ordinal_position`,
  );
  const tenanted = await db.execute<{ table_name: string; is_nullable: string }>(
    sql`SELECT table_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'district_id'`,
  );
  const withTenant = new Set(tenanted.rows.map((r) => r.table_name));
  const withInstallationRows = new Set(
    tenanted.rows.filter((r) => r.is_nullable === 'YES').map((r) => r.table_name),
  );
  return result.rows.map((r) => ({
    table: r.table_name,
    column: r.column_name,
    kind:
      r.data_type === 'jsonb' || r.data_type === 'json' ? 'json' : r.data_type === 'ARRAY' ? 'array' : 'text',
    tenanted: withTenant.has(r.table_name),
    installationRows: withInstallationRows.has(r.table_name),
  }));
}

/**
 * Replaces the person's name (as a whole word, any case) with "A former member" and their address with the erased
 * row's address in every text, JSON and text-array column: in their tenants' rows, the installation's rows
 * (`district_id` null) and tables without a tenant. Returns how many rows changed per table.
 */
export async function scrubEverywhere(tx: DbOrTx, person: ErasedPerson): Promise<Record<string, number>> {
  const tenants = [...new Set(person.rows.map((r) => r.tenantId))];
  const replacementEmail = `erased-${person.userId}@erased.invalid`;
  const patterns: { pattern: string; replacement: string; json: string; jsonReplacement: string }[] = [
    {
      pattern: addressPattern(person.email),
      replacement: replacementEmail,
      json: addressPattern(JSON.stringify(person.email).slice(1, -1)),
      jsonReplacement: replacementEmail,
    },
  ];
  if (person.name.trim().length > 0 && person.name !== FORMER_MEMBER_NAME)
    patterns.push({
      pattern: wordPattern(person.name.trim()),
      replacement: FORMER_MEMBER_NAME,
      json: wordPattern(JSON.stringify(person.name.trim()).slice(1, -1)),
      jsonReplacement: FORMER_MEMBER_NAME,
    });
  const changed: Record<string, number> = {};
  for (const col of await textColumns(tx)) {
    const table = sql.identifier(col.table);
    const column = sql.identifier(col.column);
    for (const p of patterns) {
      let statement: SQL;
      if (col.kind === 'text')
        statement = sql`UPDATE ${table} SET ${column} = regexp_replace(${column}, ${p.pattern}, ${p.replacement}, 'gi')
          WHERE ${column} ~* ${p.pattern} AND ${scopeOf(col, tenants)}`;
      else if (col.kind === 'json')
        statement = sql`UPDATE ${table} SET ${column} = regexp_replace(${column}::text, ${p.json}, ${p.jsonReplacement}, 'gi')::jsonb
          WHERE ${column}::text ~* ${p.json} AND ${scopeOf(col, tenants)}`;
      else
        statement = sql`UPDATE ${table} SET ${column} = ARRAY(SELECT regexp_replace(x, ${p.pattern}, ${p.replacement}, 'gi')
            FROM unnest(${column}) WITH ORDINALITY AS u(x, n) ORDER BY n)
          WHERE array_to_string(${column}, ' ') ~* ${p.pattern} AND ${scopeOf(col, tenants)}`;
      // The installation's rows (district_id null) are no tenant's: the tenant-key guard knows this call site by name.
      if (col.installationRows) statement = sql`${sql.raw(ERASE_INSTALLATION_ROWS)}${statement}`;
      const result = await tx.execute(statement);
      const count = result.rowCount ?? 0;
      if (count > 0) changed[col.table] = (changed[col.table] ?? 0) + count;
    }
  }
  return changed;
}

function tenantArray(tenants: readonly string[]): SQL {
  return sql`ARRAY[${sql.join(
    tenants.map((t) => sql`${t}`),
    sql`, `,
  )}]::uuid[]`;
}

/** CAP-TENANT-2 (ADR 0046): the allowlist's `tag:erase-installation-rows`. */
const ERASE_INSTALLATION_ROWS = '/* cross-tenant: erase-installation-rows */ ';

function scopeOf(col: TextColumn, tenants: readonly string[]): SQL {
  if (col.tenanted && col.installationRows)
    return sql`(district_id = ANY(${tenantArray(tenants)}) OR district_id IS NULL)`;
  if (col.tenanted) return sql`district_id = ANY(${tenantArray(tenants)})`;
  if (col.table === 'districts') return sql`id = ANY(${tenantArray(tenants)})`;
  return sql`true`;
}

/** The person's rows in every tenant: the account, then its member rows in networks and the exchange. */
export async function rowsOfPerson(
  db: DbOrTx,
  account: { districtId: string; userId: string },
): Promise<Row[]> {
  const members = await db
    .select({ tenantId: networkMembers.districtId, userId: networkMembers.userId })
    .from(networkMembers)
    .where(
      and(
        eq(networkMembers.homeDistrictId, account.districtId),
        eq(networkMembers.homeUserId, account.userId),
      ),
    );
  return [{ tenantId: account.districtId, userId: account.userId }, ...members];
}

/**
 * Erases the person in the caller's transaction: each step of the plan for each of their rows (`once` steps once),
 * then the scrub. Returns what changed, by table, for the audit entry (counts only).
 */
export async function eraseAccount(
  tx: DbOrTx,
  person: ErasedPerson,
  now: Date = new Date(),
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const add = (table: string, result: unknown) => {
    const n = rowCountOf(result);
    if (n > 0) counts[table] = (counts[table] ?? 0) + n;
  };
  const account = { tenantId: person.districtId, userId: person.userId };
  for (const step of ERASURE_PLAN) {
    if (!step.run) continue;
    if (step.once) add(step.table, await step.run(tx, person, account, now));
    else for (const row of person.rows) add(step.table, await step.run(tx, person, row, now));
  }
  const scrubbed = await scrubEverywhere(tx, person);
  for (const [table, n] of Object.entries(scrubbed)) counts[`scrubbed:${table}`] = n;
  return counts;
}

function rowCountOf(result: unknown): number {
  if (typeof result === 'object' && result !== null && 'rowCount' in result) {
    const n = result.rowCount;
    return typeof n === 'number' ? n : 0;
  }
  return 0;
}

/** Whether the district would be left without an active administrator. */
export async function isLastAdmin(db: DbOrTx, districtId: string, userId: string): Promise<boolean> {
  const admins = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.districtId, districtId),
        eq(users.districtRole, 'district_admin'),
        eq(users.kind, 'account'),
        isNull(users.deactivatedAt),
      ),
    );
  return admins.length > 0 && admins.every((a) => a.id === userId);
}
