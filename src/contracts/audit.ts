/**
 * The district's audit log (issue 9 item 12): who did what to access and data, when and from where.
 * Entries carry ids, roles and counts, never a secret or private text.
 */
import { z } from './zod';
import { Id, IsoDateTime } from './common';

export const AuditAction = z.enum([
  'auth.sign_in',
  'auth.sign_in_failed',
  // SSO-AUDIT-1: a single sign-on refused (its reason and provider kind; never a token or a secret).
  'auth.sso_refused',
  // SSO-AUDIT-2: a district's single sign-on providers changed (never the secret).
  'sso.provider_created',
  'sso.provider_updated',
  'sso.provider_deleted',
  'auth.sign_out_everywhere',
  'auth.password_reset',
  'auth.reset_link_issued',
  'person.district_role_changed',
  'person.deactivated',
  'person.reactivated',
  'person.school_role_changed',
  'group.member_added',
  'group.member_role_changed',
  'group.member_removed',
  'group.join_requested',
  'group.join_request_accepted',
  'group.join_request_declined',
  'group.join_request_withdrawn',
  'invitation.link_copied',
  'invitation.link_shown',
  'routine.shared',
  'routine.withdrawn',
  'meeting.reflection_shared',
  'meeting.guest_admitted',
  'meeting.guest_declined',
  'calendar.feed_link_made',
  'meeting.person_invited',
  'meeting.person_uninvited',
  'setup.first_team',
  'export.audit_log',
  'export.minutes',
  'backup.created',
  'backup.restored',
  'export.team_memory',
  'memory.shared',
  'memory.share_withdrawn',
  // NEXT-CSV-1: a team's next steps downloaded as CSV.
  'export.next_steps',
  // MEASURE-WAVE-1, MEASURE-WAVE-7: a survey wave started, closed, its link reset, a reminder sent, a report exported.
  'survey.wave_created',
  'survey.wave_closed',
  'survey.link_reset',
  'survey.reminder_sent',
  'survey.instrument_uploaded',
  'export.survey_report',
  // ADR 0032: a network's own log (its tenant): started, joined, requests decided, invitation links shown, left.
  'network.created',
  'network.joined',
  'network.request_approved',
  'network.request_declined',
  'network.invitation_link_shown',
  'network.left',
  // NET-ORG-2: the directory of professional organizations changed (added, changed, hidden, removed, restored).
  'directory.changed',
  // SHARE-CARD-9: a public share card made, published, unpublished or deleted (ids only).
  'share_card.created',
  'share_card.published',
  'share_card.unpublished',
  'share_card.deleted',
  // API-TOKEN-6: a personal API token made, used (first use, then at most daily) or revoked (never its secret).
  'api_token.created',
  'api_token.used',
  'api_token.revoked',
  // ROSTER-COMMIT-3: a OneRoster import committed (counts only, never people's data).
  'roster.imported',
  // RIGHTS-* (ADR 0042): a person's own data downloaded, an account deleted, the district's data exported, retention
  // settings changed and each retention run (counts only).
  'export.my_data',
  'person.account_deleted',
  'export.district_data',
  'retention.settings_changed',
  'retention.applied',
]);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEntry = z.object({
  id: Id,
  at: IsoDateTime,
  action: AuditAction,
  actor: z.nullable(z.object({ id: Id, name: z.string() })),
  subjectType: z.nullable(z.string()),
  subjectId: z.nullable(z.string()),
  ip: z.nullable(z.string()),
  userAgent: z.nullable(z.string()),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** A calendar day or an instant; years 1970-9999 only (a year-0000 date is a 400, not a database error). */
const AuditInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]).check(
  z.refine((v) => {
    const year = Number(v.slice(0, 4));
    return year >= 1970 && year <= 9999 && !Number.isNaN(Date.parse(v));
  }, 'Enter a date between 1970 and 9999'),
);

/**
 * Filters of the audit log (TRUST-AUDIT-3). `from` is inclusive; `to` is exclusive for an instant and
 * inclusive for a calendar day (UTC). Newest first, `pageSize` entries a page.
 */
export const AuditQuery = z.strictObject({
  action: z.optional(AuditAction),
  actorId: z.optional(Id),
  from: z.optional(AuditInstant),
  to: z.optional(AuditInstant),
  page: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000)), 1),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
export const AUDIT_PAGE_SIZE = 50;

export const AuditPage = z.object({
  items: z.array(AuditEntry),
  page: z.number().check(z.int()),
  pageSize: z.number().check(z.int()),
  total: z.number().check(z.int()),
});
export type AuditPage = z.infer<typeof AuditPage>;

/** An admin-issued password-reset link, answered once and never stored in clear (TRUST-RESET-LINK-1). */
export const ResetLink = z.object({ link: z.string(), expiresAt: IsoDateTime });
export type ResetLink = z.infer<typeof ResetLink>;
