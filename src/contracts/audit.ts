/**
 * The district's audit log (issue 9 item 12): who did what to access and data, when and from where.
 * Entries carry ids, roles and counts, never a secret or private text.
 */
import { z } from 'zod';
import { Id, IsoDateTime } from './common';

export const AuditAction = z.enum([
  'auth.sign_in',
  'auth.sign_in_failed',
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
  'meeting.reflection_shared',
  'export.audit_log',
  'export.minutes',
  'backup.created',
  'backup.restored',
]);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEntry = z.object({
  id: Id,
  at: IsoDateTime,
  action: AuditAction,
  actor: z.object({ id: Id, name: z.string() }).nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
