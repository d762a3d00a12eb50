/**
 * The demo that teaches (DAY-DEMO): what the sign-in page of a `serve --demo` server shows about the demo
 * district, the one-click sign-in as one of its people, and the practice meeting with simulated colleagues.
 * Nothing here is a secret: the demo people are fictional, and no password is needed to click.
 */
import { z } from './zod';
import { Id } from './common';

/** What the demo suggests trying as a person: the web app words each one. */
export const DemoTry = z.enum(['admin', 'principal', 'coach', 'teacher', 'facilitator']);
export type DemoTry = z.infer<typeof DemoTry>;

/** The person's place in the district, as the demo list names it. */
export const DemoRole = z.enum(['district_admin', 'school_leader', 'coach', 'teacher']);
export type DemoRole = z.infer<typeof DemoRole>;

export const DemoPerson = z.object({
  userId: Id,
  name: z.string(),
  email: z.string(),
  role: DemoRole,
  schoolName: z.nullable(z.string()),
  /** Teams the person belongs to, with the role they hold there. */
  teams: z.array(z.object({ name: z.string(), role: z.enum(['facilitator', 'member']) })),
  try: DemoTry,
});
export type DemoPerson = z.infer<typeof DemoPerson>;

/** `GET /api/demo`: public. Outside demo mode `{ demo: false, people: [] }`. */
export const DemoInfo = z.object({
  demo: z.boolean(),
  districtName: z.nullable(z.string()),
  people: z.array(DemoPerson),
  /** How many more demo people there are (they sign in with the shared password the server printed). */
  othersCount: z.number().check(z.int()),
});
export type DemoInfo = z.infer<typeof DemoInfo>;

export const DemoSignIn = z.strictObject({ userId: Id });
export type DemoSignIn = z.infer<typeof DemoSignIn>;

/** The practice meeting made for the caller, opened and waiting in its lobby with simulated colleagues. */
export const PracticeMeeting = z.object({ meetingId: Id });
export type PracticeMeeting = z.infer<typeof PracticeMeeting>;
