import { z } from './zod';

/** Every id on the wire is a UUID. */
export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

export const Email = z.pipe(
  z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254)),
  z.email({ message: 'Enter a valid email address' }),
);

/** A person's display name. */
export const PersonName = z.string().check(z.trim(), z.minLength(1, 'Enter a name'), z.maxLength(120));

/** Passwords: length only (NIST 800-63B); the common-password check happens on the server. */
export const PASSWORD_MIN_LENGTH = 10;
export const Password = z
  .string()
  .check(
    z.minLength(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`),
    z.maxLength(200, 'Use at most 200 characters'),
  );

/**
 * TRUST-HTTP-8: an ISO date-time with an offset, in years 1000-9999 (year 0000 and the far future are refused
 * with 400 here instead of failing in JavaScript's Date or PostgreSQL).
 */
export const IsoDateTime = z.iso.datetime({ offset: true }).check(
  z.refine((value) => {
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) return false;
    const year = new Date(ms).getUTCFullYear();
    return year >= 1000 && year <= 9999;
  }, 'Use a date between the years 1000 and 9999'),
);

/** The single error shape every 4xx/5xx answer uses. `fields` names the inputs at fault. */
export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

export const Ok = z.object({ ok: z.literal(true) });
