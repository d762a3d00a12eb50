/**
 * CAP-TENANT-2 (ADR 0046): the statements that reach a tenant-owned table without its tenant key on purpose.
 * Each entry is one statement shape as the guard (tenant-guard.ts) computes it, where the app sends it, why it
 * crosses tenants, and what it is on Citus. Nothing else is exempt; the guard's test checks every entry with its
 * example statement (the guard reports exactly that shape for it, and only the entry lets it pass).
 */
import type { AllowEntry } from './tenant-guard';

export const TENANT_ALLOWLIST: readonly AllowEntry[] = [
  {
    shape: 'tag:backup',
    site: 'src/server/db/backup.ts backupLines',
    reason: 'a backup reads every row of every table (count, then a cursor), in one snapshot',
    citus:
      'a rare whole-cluster read; on Citus a backup is taken per node or by the cluster tools, not by this job',
    example: '/* cross-tenant: backup */ SELECT count(*) AS n FROM public."users"',
  },
  {
    shape: 'tag:restore',
    site: 'src/server/db/backup.ts checkTarget, restoreSequences',
    reason: 'a restore checks that every table is empty and moves sequences past every restored row',
    citus: 'a rare whole-cluster statement run once, before the app starts',
    example: '/* cross-tenant: restore */ SELECT EXISTS (SELECT FROM public."meetings") AS found',
  },
  {
    shape: 'tag:erase-installation-rows',
    site: 'src/server/rights/erase.ts scrubEverywhere',
    reason:
      "erasing an account scrubs its name and address from the installation's own rows (district_id null: audit_events, outbox, mail_queue) as well as its tenants' rows",
    citus:
      'audit_events: a local read of installation_audit_events after SCALING step 4; outbox and mail_queue are local tables',
    example: `/* cross-tenant: erase-installation-rows */ UPDATE "audit_events" SET "details" = regexp_replace("details"::text, $1, $2, 'gi')::jsonb
          WHERE "details"::text ~* $3 AND (district_id = ANY(ARRAY[$4]::uuid[]) OR district_id IS NULL)`,
  },
  {
    shape: 'select sessions where district_id,expires_at,id,user_id',
    site: 'src/server/auth/sessions.ts resolveSession',
    reason:
      'a request presents only its session cookie; the session (and so the tenant) is found by the secret id',
    citus:
      'router query once the cookie carries the district (`<district_id>.<secret>`), else a lookup table sessions.id -> district_id (SCALING step 3)',
    example:
      'select "sessions"."id", "sessions"."last_seen_at", "sessions"."persistent", "users"."id", "users"."district_id", "users"."district_role", "users"."name", "users"."email", "users"."email_verified_at", "users"."deactivated_at" from "sessions" inner join "users" on ("users"."id" = "sessions"."user_id" and "users"."district_id" = "sessions"."district_id") where ("sessions"."id" = $1 and "sessions"."expires_at" > $2) limit $3',
  },
  {
    shape: 'delete sessions where id',
    site: 'src/server/auth/sessions.ts deleteSession',
    reason: 'signing out deletes the session found by its id, as resolveSession found it',
    citus: 'router query with the district from the cookie (the same change as resolveSession)',
    example: 'delete from "sessions" where "sessions"."id" = $1',
  },
  {
    shape: 'update sessions where id',
    site: 'src/server/auth/sessions.ts resolveSession (last seen); src/server/meetings/queries.ts liveSessionIds',
    reason:
      'the sliding expiry touches session rows by their ids (for a live meeting, all sockets of this node at once)',
    citus: 'router query with the district from the cookie (the same change as resolveSession)',
    example: 'update "sessions" set "last_seen_at" = $1 where "sessions"."id" = $2',
  },
  {
    shape: 'update sessions where id,last_seen_at,persistent',
    site: 'src/server/meetings/queries.ts liveSessionIds',
    reason:
      'the realtime sweep touches the sessions of active sockets by their ids, only those not touched within the request path’s interval (CAP-LIVE-9)',
    citus: 'one statement per district of the node’s sockets, each a router query (as the sweep’s select)',
    example:
      'update "sessions" set "last_seen_at" = $1 where ("sessions"."id" in ($2) and "sessions"."last_seen_at" < CASE WHEN "sessions"."persistent" THEN $3::timestamptz ELSE $4::timestamptz END)',
  },
  {
    shape: 'select users where email',
    site: 'src/server/auth/accounts.ts createAccount; invitations/routes.ts, sso/queries.ts (accepting, SSO sign-in)',
    reason:
      'an address is one account in the whole installation (ADR 0003): a new account or link first finds the address anywhere',
    citus:
      'a router query through the coordinator lookup table account_emails(email -> district_id, user_id) (SCALING step 3)',
    example: 'select "id" from "users" where "users"."email" = $1 limit $2',
  },
  {
    shape: 'select users where email,kind',
    site: 'src/server/auth/routes.ts sign-in; src/server/mail/language.ts',
    reason:
      'sign-in by address before any tenant is known; a mail to an address finds its person for the language',
    citus: 'the account_emails lookup, then a router query',
    example:
      'select "id", "district_id", "email", "name", "kind", "password_hash", "district_role", "email_verified_at", "deactivated_at", "roster_sourced_id", "language", "created_at" from "users" where ("users"."email" = $1 and "users"."kind" = $2) limit $3',
  },
  {
    shape: 'select users where deactivated_at,email,kind',
    site: 'src/server/auth/routes.ts password reset request',
    reason: 'a reset link is asked for by address, before any tenant is known',
    citus: 'the account_emails lookup, then a router query',
    example:
      'select "id", "district_id", "email", "name", "kind", "password_hash", "district_role", "email_verified_at", "deactivated_at", "roster_sourced_id", "language", "created_at" from "users" where ("users"."email" = $1 and "users"."kind" = $2 and "users"."deactivated_at" is null) limit $3',
  },
  {
    shape: 'select users where district_id,email,roster_sourced_id',
    site: 'src/server/roster/queries.ts (the import plan)',
    reason:
      'a roster import matches its people by sourcedId in the district or by address anywhere, to refuse an address another district holds',
    citus: 'the address part reads the account_emails lookup; the district part is a router query',
    example:
      'select "id", "district_id", "roster_sourced_id", "email", "name", "deactivated_at", "district_role" from "users" where (("users"."district_id" = $1 and "users"."roster_sourced_id" is not null) or "users"."email" in ($2, $3, $4, $5))',
  },
  {
    shape: 'select join_codes where code,expires_at,revoked_at',
    site: 'src/server/auth/join-code-limits.ts; src/server/invitations/routes.ts (join by code)',
    reason: 'a person types a team join code: the code names the tenant',
    citus:
      'a lookup table join_codes.code -> district_id on the coordinator, or the district in the code (SCALING step 3)',
    example:
      'select "group_id" from "join_codes" where ("join_codes"."code" = $1 and "join_codes"."revoked_at" is null and "join_codes"."expires_at" > $2) limit $3',
  },
  {
    shape: 'select join_codes where code,district_id,expires_at,group_id,revoked_at',
    site: 'src/server/invitations/routes.ts joinCodeTarget',
    reason: 'the join page shows the team and district a code leads to, found by the code',
    citus: 'the join code lookup, then a router query (joins on district_id are co-located)',
    example:
      'select "join_codes"."district_id", "join_codes"."group_id", "groups"."name", "groups"."school_id", "schools"."name", "districts"."name" from "join_codes" inner join "groups" on ("groups"."id" = "join_codes"."group_id" and "groups"."district_id" = "join_codes"."district_id") inner join "districts" on "districts"."id" = "join_codes"."district_id" left join "schools" on ("schools"."id" = "groups"."school_id" and "schools"."district_id" = "groups"."district_id") where ("join_codes"."code" = $1 and "join_codes"."revoked_at" is null and "join_codes"."expires_at" > $2)',
  },
  {
    shape:
      'select invitations where accepted_at,district_id,expires_at,group_id,invited_by,revoked_at,token_hash',
    site: 'src/server/invitations/routes.ts (open an invitation link)',
    reason: 'an invitation link carries only its secret',
    citus: 'a lookup table of link hashes -> district_id, or the district in the link (SCALING step 3)',
    example:
      'select "invitations"."id", "invitations"."district_id", "invitations"."email", "invitations"."token_hash", "invitations"."group_id", "invitations"."group_role", "invitations"."school_id", "invitations"."school_role", "invitations"."district_role", "invitations"."invited_by", "invitations"."expires_at", "invitations"."accepted_at", "invitations"."revoked_at", "invitations"."created_at", "districts"."name", "groups"."name", "users"."name" from "invitations" inner join "districts" on "districts"."id" = "invitations"."district_id" inner join "users" on ("users"."id" = "invitations"."invited_by" and "users"."district_id" = "invitations"."district_id") left join "groups" on ("groups"."id" = "invitations"."group_id" and "groups"."district_id" = "invitations"."district_id") where ("invitations"."token_hash" = $1 and "invitations"."accepted_at" is null and "invitations"."revoked_at" is null and "invitations"."expires_at" > $2)',
  },
  {
    shape: 'select calendar_feeds where token_hash',
    site: 'src/server/calendar/queries.ts feedBySecret',
    reason: 'a calendar app fetches the feed by its secret URL alone',
    citus: 'a lookup of the feed hash, or the district in the URL (SCALING step 3)',
    example:
      'select "id", "district_id", "user_id", "group_id", "token_hash", "created_at" from "calendar_feeds" where "calendar_feeds"."token_hash" = $1',
  },
  {
    shape: 'select digest_subscriptions where previous_token_hash,token_hash',
    site: 'src/server/next-steps/digest.ts subscriptionByToken',
    reason: 'the unsubscribe link in a digest mail carries only its token',
    citus: 'a lookup of the token hashes, or the district in the link (SCALING step 3)',
    example:
      'select "district_id", "user_id", "weekly" from "digest_subscriptions" where ("digest_subscriptions"."token_hash" = $1 or "digest_subscriptions"."previous_token_hash" = $2)',
  },
  {
    shape: 'select survey_waves where link_hash',
    site: 'src/server/surveys/queries.ts waveByLink',
    reason: 'an anonymous survey link carries only its hash',
    citus: 'a lookup of the link hash, or the district in the link (SCALING step 3)',
    example:
      'select "id", "district_id", "title", "scope_kind", "scope_ids", "instrument", "invite", "link_hash", "frame", "threshold", "opens_on", "closes_on", "invited_at", "closed_at", "reminded_at", "created_by", "created_at" from "survey_waves" where "survey_waves"."link_hash" = $1',
  },
  {
    shape: 'select meetings where join_code,status',
    site: 'src/server/guests/queries.ts openMeetingByCode',
    reason: 'a guest types a live meeting code',
    citus: 'a lookup of the meeting code, or the district in the code (SCALING step 3)',
    example:
      'select "id", "district_id", "group_id", "title", "scheduled_for", "agenda", "total_minutes", "status", "series_id", "occurrence_date", "sequence", "updated_at", "join_code", "created_by", "created_at", "started_at", "ended_at", "last_seq", "memory_at" from "meetings" where ("meetings"."join_code" = $1 and "meetings"."status" = $2) limit $3',
  },
  {
    shape: 'select one_time_tokens where token_hash',
    site: 'src/server/org/routes.ts (an admin reset link)',
    reason: 'a one-time link carries only its secret',
    citus: 'a lookup of the link hash, or the district in the link (SCALING step 3)',
    example: 'select "expires_at" from "one_time_tokens" where "one_time_tokens"."token_hash" = $1',
  },
  {
    shape: 'update one_time_tokens where expires_at,purpose,token_hash,used_at',
    site: 'src/server/auth/one-time-links.ts consumeOneTimeLink',
    reason: 'a one-time link is spent by its secret',
    citus: 'a lookup of the link hash, or the district in the link (SCALING step 3)',
    example:
      'update "one_time_tokens" set "used_at" = $1 where ("one_time_tokens"."token_hash" = $2 and "one_time_tokens"."purpose" in ($3, $4) and "one_time_tokens"."used_at" is null and "one_time_tokens"."expires_at" > $5) returning "user_id", "district_id", "purpose"',
  },
  {
    shape: 'delete pending_signups where expires_at,token_hash',
    site: 'src/server/invitations/routes.ts (complete a sign-up by code)',
    reason: 'the confirmation link of a sign-up carries only its secret',
    citus: 'a lookup of the link hash, or the district in the link (SCALING step 3)',
    example:
      'delete from "pending_signups" where ("pending_signups"."token_hash" = $1 and "pending_signups"."expires_at" > $2) returning "token_hash", "district_id", "group_id", "email", "name", "password_hash", "expires_at", "created_at"',
  },
  {
    shape: 'select network_members where home_district_id,home_user_id',
    site: 'src/server/networks/context.ts actInNetwork',
    reason: 'an account acts in a network through its member row there, found by its home account (ADR 0032)',
    citus:
      "a router query: the request names the network (x-ensemble-network), so add `district_id = <network>`; the listing of all of one account's networks stays a rare multi-shard read",
    example:
      'select "district_id", "user_id" from "network_members" where ("network_members"."home_district_id" = $1 and "network_members"."home_user_id" = $2)',
  },
  {
    shape: 'select networks where district_id,visibility',
    site: 'src/server/networks/queries.ts listedNetworks',
    reason: 'the directory of listed networks spans every network tenant',
    citus: 'a local read: networks is a reference table',
    example:
      'select "districts"."id", "districts"."name", "networks"."description" from "networks" inner join "districts" on "districts"."id" = "networks"."district_id" where ("networks"."visibility" = $1 and "districts"."kind" = $2) order by "districts"."name" asc, "districts"."id" asc',
  },
  {
    shape: 'select share_cards where district_id,id,published_at,share_id',
    site: 'src/server/share-cards/queries.ts (the public card by id)',
    reason:
      'a published card is public at a URL that names only the card (ARCHITECTURE: the one public lookup)',
    citus: 'the district in the card URL (router query), or a lookup of published card ids',
    example:
      'select "share_cards"."id", "share_cards"."district_id", "share_cards"."share_id", "share_cards"."author_id", "share_cards"."title", "share_cards"."text", "share_cards"."link", "share_cards"."image_type", "share_cards"."image_alt", "share_cards"."published_at", "share_cards"."created_at", "share_cards"."updated_at" from "share_cards" inner join "memory_shares" on ("memory_shares"."district_id" = "share_cards"."district_id" and "memory_shares"."id" = "share_cards"."share_id") where ("share_cards"."id" = $1 and "share_cards"."published_at" is not null and "memory_shares"."status" = $2)',
  },
  {
    shape: 'select sso_providers where allowed_domains,enabled,google_domain',
    site: 'src/server/sso/queries.ts districtForDomain',
    reason: 'single sign-on starts from an address: its domain names the district',
    citus: 'a lookup table of domains -> district_id on the coordinator, kept with the providers',
    example:
      'select distinct "district_id" from "sso_providers" where ("sso_providers"."enabled" = $1 and ("sso_providers"."google_domain" = $2 or $3 = any("sso_providers"."allowed_domains"))) limit $4',
  },
  {
    shape: 'select audit_events where action,district_id',
    site: 'src/server/audit/queries.ts countAuditEvents',
    reason:
      "a district's audit log also shows the installation's own events (backups), which have no district",
    citus: 'a router query plus a local read of installation_audit_events (SCALING step 4)',
    example:
      'select count(*) from "audit_events" where ("audit_events"."district_id" = $1 or ("audit_events"."district_id" is null and "audit_events"."action" in ($2, $3)))',
  },
  {
    shape: 'select audit_events where action,actor_id,district_id',
    site: 'src/server/audit/queries.ts listAuditEvents',
    reason: 'as countAuditEvents, filtered by actor',
    citus: 'a router query plus a local read of installation_audit_events (SCALING step 4)',
    example:
      'select "audit_events"."id", "audit_events"."at", "audit_events"."action", "audit_events"."actor_id", "users"."name", "audit_events"."subject_type", "audit_events"."subject_id", "audit_events"."ip", "audit_events"."user_agent", "audit_events"."details" from "audit_events" left join "users" on ("users"."id" = "audit_events"."actor_id" and "users"."district_id" = $1) where ("audit_events"."district_id" = $2 or ("audit_events"."district_id" is null and "audit_events"."action" in ($3, $4))) order by "audit_events"."at" desc, "audit_events"."id" desc limit $5',
  },
  {
    shape: 'select outbox where -',
    site: 'src/server/system/routes.ts (development outbox)',
    reason: 'the development mailbox shows every mail of the installation (dev mode only)',
    citus: 'a local table on the coordinator',
    example:
      'select "id", "district_id", "to", "subject", "text", "created_at" from "outbox" order by "outbox"."created_at" desc limit $1',
  },
  {
    shape: 'update meetings where district_id,id',
    site: 'src/server/meetings/group-commit.ts APPEND',
    reason:
      "group commit appends the events of meetings of several tenants in one statement (filtered by each row's own district_id)",
    citus:
      'a batch per district (or per worker) so each statement is a router query; the join on district_id is co-located',
    example:
      "WITH r AS (\n      SELECT * FROM json_to_recordset($1::json)\n        AS r(i int, d uuid, m uuid, s int, t text, v int, a int8, u text, k text, p jsonb)\n    ), locked AS (\n      SELECT mt.district_id AS d, mt.id AS m, mt.last_seq FROM meetings AS mt\n      WHERE (mt.district_id, mt.id) IN (SELECT d, m FROM r)\n      ORDER BY mt.id -- one order for every writer: two nodes' batches never wait for each other in a cycle\n      FOR UPDATE\n    ), ok AS (\n      SELECT r.i FROM r JOIN locked AS l ON l.d = r.d AND l.m = r.m\n      GROUP BY r.i, l.last_seq HAVING min(r.s) = l.last_seq + 1\n    ), w AS (\n      SELECT * FROM r WHERE r.i IN (SELECT i FROM ok)\n    ), ins AS (\n      INSERT INTO meeting_events (district_id, meeting_id, seq, type, v, at, actor_id, idempotency_key, payload)\n      SELECT d, m, s, t, v, a, u, k, p FROM w\n    ), upd AS (\n    UPDATE meetings AS mt SET\n      last_seq = x.last_seq,\n      status = CASE WHEN x.ended_at IS NOT NULL THEN 'ended' WHEN x.started_at IS NOT NULL THEN 'live' ELSE mt.status END,\n      started_at = COALESCE(to_timestamp(x.started_at / 1000.0), mt.started_at),\n      ended_at = COALESCE(to_timestamp(x.ended_at / 1000.0), mt.ended_at)\n    FROM (\n      SELECT d, m, max(s) AS last_seq,\n        max(a) FILTER (WHERE t = 'meeting.created') AS started_at,\n        max(a) FILTER (WHERE t = 'meeting.ended') AS ended_at\n      FROM w GROUP BY d, m\n    ) AS x\n    WHERE mt.district_id = x.d AND mt.id = x.m\n    )\n    SELECT i FROM ok",
  },
  {
    shape: 'select meetings where district_id,id',
    site: 'src/server/meetings/group-commit.ts APPEND (its `locked` CTE, CAP-LIVE-3)',
    reason:
      "the batch locks its meetings' rows by (district_id, id) pairs of several tenants, in one order for every writer",
    citus: 'the same batch per district as the UPDATE above; each statement is then a router query',
    example:
      "WITH r AS (\n      SELECT * FROM json_to_recordset($1::json)\n        AS r(i int, d uuid, m uuid, s int, t text, v int, a int8, u text, k text, p jsonb)\n    ), locked AS (\n      SELECT mt.district_id AS d, mt.id AS m, mt.last_seq FROM meetings AS mt\n      WHERE (mt.district_id, mt.id) IN (SELECT d, m FROM r)\n      ORDER BY mt.id -- one order for every writer: two nodes' batches never wait for each other in a cycle\n      FOR UPDATE\n    ), ok AS (\n      SELECT r.i FROM r JOIN locked AS l ON l.d = r.d AND l.m = r.m\n      GROUP BY r.i, l.last_seq HAVING min(r.s) = l.last_seq + 1\n    ), w AS (\n      SELECT * FROM r WHERE r.i IN (SELECT i FROM ok)\n    ), ins AS (\n      INSERT INTO meeting_events (district_id, meeting_id, seq, type, v, at, actor_id, idempotency_key, payload)\n      SELECT d, m, s, t, v, a, u, k, p FROM w\n    ), upd AS (\n    UPDATE meetings AS mt SET\n      last_seq = x.last_seq,\n      status = CASE WHEN x.ended_at IS NOT NULL THEN 'ended' WHEN x.started_at IS NOT NULL THEN 'live' ELSE mt.status END,\n      started_at = COALESCE(to_timestamp(x.started_at / 1000.0), mt.started_at),\n      ended_at = COALESCE(to_timestamp(x.ended_at / 1000.0), mt.ended_at)\n    FROM (\n      SELECT d, m, max(s) AS last_seq,\n        max(a) FILTER (WHERE t = 'meeting.created') AS started_at,\n        max(a) FILTER (WHERE t = 'meeting.ended') AS ended_at\n      FROM w GROUP BY d, m\n    ) AS x\n    WHERE mt.district_id = x.d AND mt.id = x.m\n    )\n    SELECT i FROM ok",
  },
  {
    shape: 'select meetings where status',
    site: 'src/server/search/indexer.ts backfillSearch',
    reason: "the search backfill job walks every tenant's ended meetings not yet indexed",
    citus: 'a rare multi-shard job query (run at start, in batches)',
    example:
      'select "id", "district_id" from "meetings" where ("meetings"."status" = $1 and not exists (select 1 from "search_documents" d where d.district_id = "meetings"."district_id"\n            and d.kind = \'minutes\' and d.source_id = "meetings"."id"::text)) limit $2',
  },
  {
    shape: 'select memory_records where -',
    site: 'src/server/search/indexer.ts backfillSearch',
    reason: "the search backfill job walks every tenant's records not yet indexed",
    citus: 'a rare multi-shard job query',
    example:
      'select "id", "district_id" from "memory_records" where not exists (select 1 from "search_documents" d where d.district_id = "memory_records"."district_id"\n        and d.kind = "memory_records"."kind" and d.source_id = "memory_records"."id"::text)',
  },
  {
    shape: 'select memory_shares where status',
    site: 'src/server/search/indexer.ts backfillSearch',
    reason: "the search backfill job walks every tenant's shared copies not yet indexed",
    citus: 'a rare multi-shard job query',
    example:
      'select "id", "district_id" from "memory_shares" where ("memory_shares"."status" = $1 and not exists (select 1 from "search_documents" d where d.district_id = "memory_shares"."district_id"\n          and d.kind = "memory_shares"."kind" and d.source_id = "memory_shares"."id"::text))',
  },
  {
    shape: 'select survey_waves where closed_at,closes_on',
    site: 'src/server/surveys/queries.ts closeDueWaves (the survey job)',
    reason: 'the survey job closes due waves of every tenant',
    citus: 'a multi-shard job query, every few minutes on one node',
    example:
      'select "id", "district_id" from "survey_waves" where ("survey_waves"."closed_at" is null and "survey_waves"."closes_on" < $1::date)',
  },
  {
    shape: 'update survey_waves where closed_at,invite,invited_at,opens_on',
    site: 'src/server/surveys/job.ts runSurveyRound',
    reason: 'the survey job marks opening waves of every tenant as invited',
    citus: 'a multi-shard job statement, every few minutes on one node',
    example:
      'update "survey_waves" set "invited_at" = $1 where ("survey_waves"."invite" = $2 and "survey_waves"."invited_at" is null and "survey_waves"."closed_at" is null and "survey_waves"."opens_on" <= $3) returning "id", "district_id", "title", "scope_kind", "scope_ids", "instrument", "invite", "link_hash", "frame", "threshold", "opens_on", "closes_on", "invited_at", "closed_at", "reminded_at", "created_by", "created_at"',
  },
  {
    shape: 'update survey_waves where closed_at,closes_on,invite,invited_at,reminded_at',
    site: 'src/server/surveys/job.ts runSurveyRound',
    reason: 'the survey job marks waves of every tenant as reminded',
    citus: 'a multi-shard job statement, every few minutes on one node',
    example:
      'update "survey_waves" set "reminded_at" = $1 where ("survey_waves"."invite" = $2 and "survey_waves"."invited_at" < $3 and "survey_waves"."closed_at" is null and "survey_waves"."closes_on" <= $4 and "survey_waves"."closes_on" >= $5 and ("survey_waves"."reminded_at" is null or "survey_waves"."reminded_at" < $6)) returning "id", "district_id", "title", "scope_kind", "scope_ids", "instrument", "invite", "link_hash", "frame", "threshold", "opens_on", "closes_on", "invited_at", "closed_at", "reminded_at", "created_by", "created_at"',
  },
  {
    shape: 'delete meeting_pulse_participation where -',
    site: 'src/server/pulse/queries.ts forgetClosedPulseParticipation',
    reason:
      'the retention job forgets who answered closed pulses in every tenant (MEASURE-PULSE-4); the join is on district_id',
    citus: 'a co-located multi-shard delete run by the job',
    example:
      'delete from "meeting_pulse_participation" where exists (select 1 from "meetings" m where m.id = "meeting_pulse_participation"."meeting_id" and m.district_id = "meeting_pulse_participation"."district_id" and m.ended_at < $1::timestamptz) returning "meeting_id"',
  },
  {
    shape: 'delete sessions where expires_at,last_seen_at,persistent',
    site: 'src/server/maintenance/purge.ts purgeExpired',
    reason: 'the maintenance job deletes expired and idle sessions of every tenant',
    citus: 'a multi-shard delete by a job, every 10 minutes on one node',
    example:
      'delete from "sessions" where ("sessions"."expires_at" < $1 or ("sessions"."persistent" = $2 and "sessions"."last_seen_at" < $3)) returning "id"',
  },
  {
    shape: 'delete one_time_tokens where expires_at,used_at',
    site: 'src/server/maintenance/purge.ts purgeExpired',
    reason: 'the maintenance job deletes spent and expired one-time links of every tenant',
    citus: 'a multi-shard delete by a job, every 10 minutes on one node',
    example:
      'delete from "one_time_tokens" where ("one_time_tokens"."expires_at" < $1 or "one_time_tokens"."used_at" is not null) returning "token_hash"',
  },
  {
    shape: 'delete pending_signups where expires_at',
    site: 'src/server/maintenance/purge.ts purgeExpired',
    reason: 'the maintenance job deletes expired sign-ups of every tenant',
    citus: 'a multi-shard delete by a job, every 10 minutes on one node',
    example: 'delete from "pending_signups" where "pending_signups"."expires_at" < $1 returning "token_hash"',
  },
  {
    shape: 'delete sso_logins where expires_at',
    site: 'src/server/maintenance/purge.ts purgeExpired',
    reason: 'the maintenance job deletes abandoned single sign-on attempts of every tenant',
    citus: 'a multi-shard delete by a job, every 10 minutes on one node',
    example: 'delete from "sso_logins" where "sso_logins"."expires_at" < $1 returning "state"',
  },
  {
    shape: 'delete outbox where created_at',
    site: 'src/server/maintenance/purge.ts purgeExpired',
    reason: 'the maintenance job empties old development mail',
    citus: 'a local table on the coordinator',
    example: 'delete from "outbox" where "outbox"."created_at" < $1 returning "id"',
  },
  {
    shape: 'delete mail_queue where created_at,sent_at,status',
    site: 'src/server/maintenance/purge.ts purgeExpired',
    reason: 'the maintenance job deletes sent and failed mail of the installation queue',
    citus: 'a local table on the coordinator',
    example:
      'delete from "mail_queue" where (("mail_queue"."status" = $1 and "mail_queue"."sent_at" < $2) or ("mail_queue"."status" = $3 and "mail_queue"."created_at" < $4)) returning "id"',
  },
  {
    shape: 'update mail_queue where id',
    site: 'src/server/mail/queue.ts claimNext',
    reason:
      'mail workers on every node claim the next due mail of the one installation queue (FOR UPDATE SKIP LOCKED)',
    citus: 'a local table on the coordinator: the queue is not distributed',
    example:
      "\n      UPDATE mail_queue SET status = 'sending', attempts = attempts + 1, lease_until = $1\n      WHERE id = (\n        SELECT id FROM mail_queue\n        WHERE (status = 'pending' AND next_attempt_at <= $2)\n           OR (status = 'sending' AND lease_until <= $3)\n        ORDER BY next_attempt_at\n        LIMIT 1\n        FOR UPDATE SKIP LOCKED\n      )\n      RETURNING id, attempts, recipient, subject, text, html, headers, message_id, district_id",
  },
  {
    shape: 'update mail_queue where attempts,id,status',
    site: 'src/server/mail/queue.ts (a claimed mail sent, retried or failed)',
    reason: 'a worker settles the mail it claimed, by its id and lease',
    citus: 'a local table on the coordinator',
    example:
      'update "mail_queue" set "status" = $1, "next_attempt_at" = $2, "lease_until" = $3, "last_error" = $4 where ("mail_queue"."id" = $5 and "mail_queue"."status" = $6 and "mail_queue"."attempts" = $7)',
  },
  {
    shape:
      'select retention_settings where audit_log_years,last_run_at,meeting_content_years,survey_response_years',
    site: 'src/server/rights/retention.ts dueDistricts',
    reason:
      'the retention job finds the districts whose retention is due (RIGHTS-RETAIN-2), then works in each by its district_id',
    citus: 'a multi-shard read by a job, at most daily per district',
    example:
      'select "district_id", "meeting_content_years", "audit_log_years", "survey_response_years", "updated_by", "updated_at", "last_run_at" from "retention_settings" where (("retention_settings"."meeting_content_years" is not null or "retention_settings"."audit_log_years" is not null or "retention_settings"."survey_response_years" is not null) and ("retention_settings"."last_run_at" IS NULL or "retention_settings"."last_run_at" < $1))',
  },
  {
    shape: 'select digest_subscriptions where district_id,last_sent_at,user_id,weekly',
    site: 'src/server/next-steps/digest.ts sendDueDigests',
    reason: 'the weekly digest job finds the due subscriptions of every tenant',
    citus: 'a multi-shard read by a job, hourly on one node',
    example:
      'select "digest_subscriptions"."district_id", "digest_subscriptions"."user_id", "users"."email", "users"."name", "users"."language" from "digest_subscriptions" inner join "users" on ("users"."id" = "digest_subscriptions"."user_id" and "users"."district_id" = "digest_subscriptions"."district_id") where ("digest_subscriptions"."weekly" = $1 and "users"."deactivated_at" is null and ("digest_subscriptions"."last_sent_at" is null or "digest_subscriptions"."last_sent_at" <= $2)) limit $3',
  },
  {
    shape: 'delete invitations where email',
    site: 'src/server/rights/erase.ts ERASURE_PLAN (invitations)',
    reason:
      'erasing an account deletes invitations to its address in every district (an address may be invited anywhere)',
    citus: 'a rare multi-shard delete, once per erasure',
    example: 'delete from "invitations" where lower("invitations"."email") = $1',
  },
  {
    shape: 'delete pending_signups where email',
    site: 'src/server/rights/erase.ts ERASURE_PLAN (pending_signups)',
    reason: 'erasing an account deletes sign-ups with its address in every district',
    citus: 'a rare multi-shard delete, once per erasure',
    example: 'delete from "pending_signups" where "pending_signups"."email" = $1',
  },
  {
    shape: 'delete network_invitations where email',
    site: 'src/server/rights/erase.ts ERASURE_PLAN (network_invitations)',
    reason: 'erasing an account deletes network invitations to its address in every network',
    citus: 'a rare multi-shard delete, once per erasure',
    example: 'delete from "network_invitations" where lower("network_invitations"."email") = $1',
  },
  {
    shape: 'delete network_join_requests where home_district_id,home_user_id',
    site: 'src/server/rights/erase.ts ERASURE_PLAN (network_join_requests)',
    reason: 'erasing an account deletes its requests to join any network, found by its home account',
    citus: 'a rare multi-shard delete, once per erasure',
    example:
      'delete from "network_join_requests" where ("network_join_requests"."home_district_id" = $1 and "network_join_requests"."home_user_id" = $2)',
  },
  {
    shape: 'delete outbox where to',
    site: 'src/server/rights/erase.ts ERASURE_PLAN (outbox)',
    reason: 'erasing an account deletes development mail to its address',
    citus: 'a local table on the coordinator',
    example: 'delete from "outbox" where lower("outbox"."to") = $1',
  },
  {
    shape: 'delete mail_queue where recipient',
    site: 'src/server/rights/erase.ts ERASURE_PLAN (mail_queue)',
    reason: 'erasing an account deletes queued and sent mail to its address',
    citus: 'a local table on the coordinator',
    example: 'delete from "mail_queue" where lower("mail_queue"."recipient") = $1',
  },
  {
    shape: 'delete sso_logins where state',
    site: 'src/server/sso/queries.ts (the provider calls back with its state)',
    reason: 'a single sign-on callback carries only the state it was started with',
    citus: 'the district in the state (`<district_id>.<random>`), or a lookup (SCALING step 3)',
    example:
      'delete from "sso_logins" where "sso_logins"."state" = $1 returning "state", "district_id", "provider_id", "browser_hash", "nonce", "code_verifier", "expires_at", "created_at"',
  },
  {
    shape: 'select sso_identities where district_id,issuer,subject_key,user_id',
    site: 'src/server/sso/queries.ts resolvePerson',
    reason:
      'an identity (issuer, subject) belongs to one district in the installation; finding it anywhere is how another district is refused (SSO-LINK-3)',
    citus: 'a lookup table (issuer, subject_key) -> district_id on the coordinator (SCALING step 3)',
    example:
      'select "users"."id", "users"."district_id", "users"."email", "users"."name", "users"."kind", "users"."password_hash", "users"."district_role", "users"."email_verified_at", "users"."deactivated_at", "users"."roster_sourced_id", "users"."language", "users"."created_at" from "sso_identities" inner join "users" on ("users"."id" = "sso_identities"."user_id" and "users"."district_id" = "sso_identities"."district_id") where ("sso_identities"."issuer" = $1 and "sso_identities"."subject_key" = $2)',
  },
  {
    shape: 'select meeting_guests where district_id,expires_at,meeting_id,secret_hash',
    site: 'src/server/guests/queries.ts guestBySecret',
    reason: "a guest's browser presents only its guest secret",
    citus: 'the district in the guest secret, or a lookup (SCALING step 3)',
    example:
      'select "meeting_guests"."id", "meeting_guests"."district_id", "meeting_guests"."meeting_id", "meeting_guests"."name", "meeting_guests"."secret_hash", "meeting_guests"."status", "meeting_guests"."asked_at", "meeting_guests"."expires_at", "meeting_guests"."decided_by", "meeting_guests"."decided_at", "meetings"."id", "meetings"."district_id", "meetings"."group_id", "meetings"."title", "meetings"."scheduled_for", "meetings"."agenda", "meetings"."total_minutes", "meetings"."status", "meetings"."series_id", "meetings"."occurrence_date", "meetings"."sequence", "meetings"."updated_at", "meetings"."join_code", "meetings"."created_by", "meetings"."created_at", "meetings"."started_at", "meetings"."ended_at", "meetings"."last_seq", "meetings"."memory_at", "groups"."id", "groups"."district_id", "groups"."school_id", "groups"."kind", "groups"."focus", "groups"."name", "groups"."auto_start_timer", "groups"."created_at" from "meeting_guests" inner join "meetings" on ("meetings"."id" = "meeting_guests"."meeting_id" and "meetings"."district_id" = "meeting_guests"."district_id") inner join "groups" on ("groups"."id" = "meetings"."group_id" and "groups"."district_id" = "meetings"."district_id") where ("meeting_guests"."secret_hash" = $1 and "meeting_guests"."expires_at" > $2) limit $3',
  },
  {
    shape: 'select audit_events where action,at,district_id',
    site: 'src/server/audit/queries.ts countAuditEvents (with dates)',
    reason: "as countAuditEvents: the installation's own events join the district's log",
    citus: 'a router query plus a local read of installation_audit_events (SCALING step 4)',
    example:
      'select count(*) from "audit_events" where (("audit_events"."district_id" = $1 or ("audit_events"."district_id" is null and "audit_events"."action" in ($2, $3))) and "audit_events"."at" >= $4 and "audit_events"."at" < $5)',
  },
  {
    shape: 'select audit_events where action,actor_id,at,district_id',
    site: 'src/server/audit/queries.ts listAuditEvents (with dates)',
    reason: 'as listAuditEvents',
    citus: 'a router query plus a local read of installation_audit_events (SCALING step 4)',
    example:
      'select "audit_events"."id", "audit_events"."at", "audit_events"."action", "audit_events"."actor_id", "users"."name", "audit_events"."subject_type", "audit_events"."subject_id", "audit_events"."ip", "audit_events"."user_agent", "audit_events"."details" from "audit_events" left join "users" on ("users"."id" = "audit_events"."actor_id" and "users"."district_id" = $1) where (("audit_events"."district_id" = $2 or ("audit_events"."district_id" is null and "audit_events"."action" in ($3, $4))) and "audit_events"."at" >= $5 and "audit_events"."at" < $6) order by "audit_events"."at" desc, "audit_events"."id" desc limit $7',
  },
  {
    shape: 'select api_tokens where district_id,expires_at,secret_hash,user_id',
    site: 'src/server/api-tokens/resolve.ts resolveApiToken',
    reason: 'an integration presents only its bearer token (API-TOKEN)',
    citus:
      'the district in the token (`<district_id>.<secret>`), or a lookup of token hashes (SCALING step 3)',
    example:
      'select "api_tokens"."id", "api_tokens"."scope", "api_tokens"."last_used_at", "users"."id", "users"."district_id", "users"."district_role", "users"."name", "users"."email", "users"."email_verified_at", "users"."deactivated_at" from "api_tokens" inner join "users" on ("users"."id" = "api_tokens"."user_id" and "users"."district_id" = "api_tokens"."district_id") where ("api_tokens"."secret_hash" = $1 and ("api_tokens"."expires_at" is null or "api_tokens"."expires_at" > $2)) limit $3',
  },
  {
    shape: 'select sessions where district_id,expires_at,id,last_seen_at,persistent,user_id',
    site: 'src/server/meetings/queries.ts liveSessionIds',
    reason:
      'the realtime recheck confirms the sessions behind every socket of this node in one statement (TRUST-REVOKE-7)',
    citus:
      "one statement per district of the node's sockets (each socket knows its district), each a router query",
    example:
      'select "sessions"."id" from "sessions" inner join "users" on ("users"."id" = "sessions"."user_id" and "users"."district_id" = "sessions"."district_id") where ("sessions"."id" in ($1, $2, $3, $4, $5) and "sessions"."expires_at" > now() and "users"."deactivated_at" is null and ("sessions"."persistent" = $6 or "sessions"."last_seen_at" > $7))',
  },
  {
    shape: 'select mail_queue where lease_until,next_attempt_at,status',
    site: 'src/server/mail/queue.ts claimNext (its subquery)',
    reason: 'the claim picks the next due mail of the installation queue',
    citus: 'a local table on the coordinator',
    example:
      "\n      UPDATE mail_queue SET status = 'sending', attempts = attempts + 1, lease_until = $1\n      WHERE id = (\n        SELECT id FROM mail_queue\n        WHERE (status = 'pending' AND next_attempt_at <= $2)\n           OR (status = 'sending' AND lease_until <= $3)\n        ORDER BY next_attempt_at\n        LIMIT 1\n        FOR UPDATE SKIP LOCKED\n      )\n      RETURNING id, attempts, recipient, subject, text, html, headers, message_id, district_id",
  },
  {
    shape: 'select sso_providers where enabled,id',
    site: 'src/server/sso/queries.ts loadEnabledProviderForSignIn',
    reason: 'a single sign-on starts from a public link that names only the provider',
    citus:
      'the district in the link (`/sso/<district_id>/<provider>`), or a lookup of provider ids (SCALING step 3)',
    example:
      'select "id", "district_id", "kind", "label", "issuer", "client_id", "client_secret", "google_domain", "tenant_id", "allowed_domains", "enabled", "created_at", "updated_at" from "sso_providers" where ("sso_providers"."id" = $1 and "sso_providers"."enabled" = $2)',
  },
  {
    shape: 'upsert group_members on group_id,user_id',
    site: 'src/server/groups/queries.ts addMember',
    reason:
      "the conflict target is today's primary key (group_id, user_id), which lacks district_id; the row itself names district_id",
    citus: 'SCALING step 1 widens the key to (district_id, group_id, user_id); the target names it then',
    example:
      'insert into "group_members" ("district_id", "group_id", "user_id", "role", "created_at") values ($1, $2, $3, $4, default) on conflict ("group_id","user_id") do update set "role" = case when "group_members"."role" = \'facilitator\' then \'facilitator\' else excluded.role end',
  },
  {
    shape: 'upsert team_visits on group_id,user_id',
    site: 'src/server/team-home/queries.ts recordVisit (CAP-API-6)',
    reason:
      "the conflict target is today's primary key (group_id, user_id), which lacks district_id; the row names district_id, the read filters by it and the update applies only when the row's district_id matches",
    citus: 'SCALING step 1 widens the key to (district_id, group_id, user_id); the target names it then',
    example:
      'WITH cur AS (SELECT seen_at, since FROM team_visits WHERE district_id = $1 AND group_id = $2 AND user_id = $3), up AS (INSERT INTO team_visits AS v (district_id, group_id, user_id, seen_at, since) SELECT $1, $2, $3, $4, NULL WHERE NOT EXISTS (SELECT 1 FROM cur WHERE cur.seen_at > $4::timestamptz - make_interval(secs => $5)) ON CONFLICT (group_id, user_id) DO UPDATE SET since = CASE WHEN excluded.seen_at - v.seen_at > make_interval(secs => $6) THEN v.seen_at ELSE v.since END, seen_at = excluded.seen_at WHERE v.district_id = excluded.district_id RETURNING v.since) SELECT (extract(epoch FROM coalesce((SELECT since FROM up), (SELECT since FROM cur))) * 1000)::float8 AS since_ms',
  },
  {
    shape: 'upsert school_roles on school_id,user_id',
    site: 'src/server/org/routes.ts, roster/queries.ts, invitations/routes.ts',
    reason: "the conflict target is today's primary key (school_id, user_id)",
    citus: 'SCALING step 1 widens the key; the target names district_id then',
    example:
      'insert into "school_roles" ("district_id", "school_id", "user_id", "role", "created_at") values ($1, $2, $3, $4, default) on conflict ("school_id","user_id") do update set "role" = $5',
  },
  {
    shape: 'upsert meeting_invitees on meeting_id,user_id',
    site: 'src/server/peer-modeling/queries.ts inviteToMeeting',
    reason: "the conflict target is today's primary key (meeting_id, user_id)",
    citus: 'SCALING step 1 widens the key; the target names district_id then',
    example:
      'insert into "meeting_invitees" ("district_id", "meeting_id", "user_id", "role", "invited_by", "invited_at") values ($1, $2, $3, $4, $5, default) on conflict ("meeting_id","user_id") do update set "role" = $6',
  },
  {
    shape: 'upsert meeting_plans on meeting_id,part',
    site: 'src/server/peer-modeling/queries.ts savePlan',
    reason: "the conflict target is today's primary key (meeting_id, part)",
    citus: 'SCALING step 1 widens the key; the target names district_id then',
    example:
      'insert into "meeting_plans" ("district_id", "meeting_id", "part", "curiosity", "practice", "model_id", "mode", "modeling_at", "video_url", "from_meeting_id", "from_part", "from_title", "updated_by", "updated_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) on conflict ("meeting_id","part") do update set "curiosity" = $15, "practice" = $16, "model_id" = $17, "mode" = $18, "modeling_at" = $19, "video_url" = $20, "from_meeting_id" = $21, "from_part" = $22, "from_title" = $23, "updated_by" = $24, "updated_at" = $25',
  },
  {
    shape: 'upsert memory_shares on record_id',
    site: 'src/server/sharing/queries.ts proposeShare',
    reason: 'the conflict target is the unique memory_shares_record (record_id)',
    citus: 'SCALING step 2 widens the constraint to (district_id, record_id); the target names it then',
    example:
      'insert into "memory_shares" ("id", "district_id", "record_id", "group_id", "school_id", "scope", "status", "kind", "title", "content", "proposed_by", "author_consent_at", "team_consent_by", "team_consent_at", "shared_at", "created_at") values (default, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, default) on conflict ("record_id") do update set "group_id" = $15, "school_id" = $16, "scope" = $17, "status" = $18, "kind" = $19, "title" = $20, "content" = $21, "proposed_by" = $22, "author_consent_at" = $23, "team_consent_by" = $24, "team_consent_at" = $25, "shared_at" = $26, "created_at" = now() returning "id", "district_id", "record_id", "group_id", "school_id", "scope", "status", "kind", "title", "content", "proposed_by", "author_consent_at", "team_consent_by", "team_consent_at", "shared_at", "created_at"',
  },
  {
    shape: 'upsert visit_notes on meeting_id,author_id',
    site: 'src/server/peer-modeling/queries.ts saveVisitNote',
    reason: 'the conflict target is the unique visit_notes_author (meeting_id, author_id)',
    citus: 'SCALING step 2 widens the constraint; the target names district_id then',
    example:
      'insert into "visit_notes" ("id", "district_id", "meeting_id", "author_id", "text", "updated_at") values (default, $1, $2, $3, $4, default) on conflict ("meeting_id","author_id") do update set "text" = $5, "updated_at" = $6 returning "id", "district_id", "meeting_id", "author_id", "text", "updated_at"',
  },
];

/**
 * CAP-TENANT-3: where each table goes on Citus (docs/SCALING.md). Every table with `district_id` is distributed
 * by it, co-located, unless it is listed here; every table without `district_id` must be listed here.
 */
export const CITUS_REFERENCE_TABLES: readonly string[] = ['districts', 'networks', 'app_settings'];
export const CITUS_LOCAL_TABLES: readonly string[] = [
  'auth_throttle',
  'socket_io_attachments',
  'outbox',
  'mail_queue',
];
