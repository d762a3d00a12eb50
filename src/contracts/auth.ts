import { z } from './zod';
import { Email, Id, Password, PersonName } from './common';
import { TimeZone } from './time-zone';
import { DistrictRole, SchoolRole } from './org';

export const SetupStatus = z.object({ needsSetup: z.boolean() });

export const SetupRequest = z.strictObject({
  districtName: z.string().check(z.trim(), z.minLength(1, 'Enter the district name'), z.maxLength(160)),
  name: PersonName,
  email: Email,
  password: Password,
  /** The district's IANA time zone; the setup page prefills the browser's (SERIES-TZ-1). */
  timeZone: z.optional(TimeZone),
});
export type SetupRequest = z.infer<typeof SetupRequest>;

export const SignInRequest = z.strictObject({
  email: Email,
  // No length rule on sign-in: a wrong password is just wrong.
  password: z.string().check(z.minLength(1, 'Enter your password'), z.maxLength(200)),
  /**
   * "Keep me signed in" on a personal device: a dated cookie and no idle timeout. Default (false): a shared
   * school device, with a browser-session cookie and an idle timeout (issue 9 item 8).
   */
  keepSignedIn: z._default(z.boolean(), false),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

/** The languages the interface, mail and shipped content come in (ADR 0044). */
export const Language = z.enum(['en', 'es']);
export type Language = z.infer<typeof Language>;

export const Me = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  districtId: Id,
  districtName: z.string(),
  districtRole: DistrictRole,
  schools: z.array(z.object({ schoolId: Id, schoolName: z.string(), role: SchoolRole })),
  /** I18N-PICK-1: the language the person chose; null follows the browser's. */
  language: z.nullable(Language),
});
export type Me = z.infer<typeof Me>;

export const RequestPasswordReset = z.strictObject({ email: Email });
export const CompletePasswordReset = z.strictObject({
  token: z.string().check(z.minLength(20), z.maxLength(200)),
  password: Password,
});
export const CompleteEmailVerification = z.strictObject({
  token: z.string().check(z.minLength(20), z.maxLength(200)),
});
export const ChangeName = z.strictObject({ name: PersonName });
/** I18N-PICK-1: null goes back to following the browser. */
export const SetLanguage = z.strictObject({ language: z.nullable(Language) });

export const OutboxMessage = z.object({
  id: Id,
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.string(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['up', 'down']),
  version: z.string(),
});

/** The account made by opening a join-code sign-up link, and the team it joined (TRUST-ID-1). */
export const SignUpConfirmed = z.extend(Me, { groupId: Id, groupName: z.string() });
export type SignUpConfirmed = z.infer<typeof SignUpConfirmed>;
