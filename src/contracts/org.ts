import { z } from './zod';
import { Email, Id, IsoDateTime, PersonName } from './common';
import { TimeZone } from './time-zone';
import { GroupKind } from './group-kind';

export const DistrictRole = z.enum(['district_admin', 'member']);
export type DistrictRole = z.infer<typeof DistrictRole>;

/** Role within a school: a school leader is the principal (or assistant principal). */
export const SchoolRole = z.enum(['school_leader', 'staff']);
export type SchoolRole = z.infer<typeof SchoolRole>;

/** Role within a group: facilitators are team leads and coaches. */
export const GroupRole = z.enum(['facilitator', 'member']);
export type GroupRole = z.infer<typeof GroupRole>;

export { GroupKind } from './group-kind';
/** The kinds a district makes; a cohort is a network's (ADR 0032), made with its focus and goal. */
export type DistrictGroupKind = Exclude<GroupKind, 'cohort'>;

/** What kind of teacher team (only for kind = teacher_team). */
export const TeamFocus = z.enum(['plc', 'grade_level', 'department', 'other']);
export type TeamFocus = z.infer<typeof TeamFocus>;

const Name = z.string().check(z.trim(), z.minLength(1, 'Enter a name'), z.maxLength(120));

export const District = z.object({
  id: Id,
  name: z.string(),
  createdAt: IsoDateTime,
  /** IANA name: the zone of its leadership teams and of schools without their own (SERIES-TZ-2). */
  timeZone: z.string(),
});
/** District settings (district admin): its time zone. */
export const UpdateDistrict = z.strictObject({ timeZone: TimeZone });
export type District = z.infer<typeof District>;

export const School = z.object({
  id: Id,
  name: z.string(),
  createdAt: IsoDateTime,
  archived: z.boolean(),
  /** The school's own IANA time zone, or null: the district's (SERIES-TZ-2). */
  timeZone: z.nullable(z.string()),
});
export type School = z.infer<typeof School>;

export const CreateSchool = z.strictObject({ name: Name, timeZone: z.optional(z.nullable(TimeZone)) });
export const UpdateSchool = z.strictObject({
  name: z.optional(Name),
  archived: z.optional(z.boolean()),
  timeZone: z.optional(z.nullable(TimeZone)),
});

export const GroupSummary = z.object({
  id: Id,
  name: z.string(),
  kind: GroupKind,
  focus: z.nullable(TeamFocus),
  schoolId: z.nullable(Id),
  schoolName: z.nullable(z.string()),
  memberCount: z.number().check(z.int()),
  myRole: z.nullable(GroupRole),
});
export type GroupSummary = z.infer<typeof GroupSummary>;

export const Member = z.object({
  userId: Id,
  name: z.string(),
  email: z.string(),
  role: GroupRole,
  active: z.boolean(),
});
export type Member = z.infer<typeof Member>;

export const JoinCodeInfo = z.object({ code: z.string(), expiresAt: IsoDateTime });
export type JoinCodeInfo = z.infer<typeof JoinCodeInfo>;

/** What the caller may do with a group: the UI shows controls from this, never re-derives policy. */
export const GroupAbilities = z.object({
  update: z.boolean(),
  manageMembers: z.boolean(),
  manageJoinCode: z.boolean(),
  invite: z.boolean(),
  /** Accept or decline a leader's request to join (the team's facilitators: TRUST-LEAD-3). */
  decideJoinRequests: z.boolean(),
});

/**
 * A school leader or admin who is not a facilitator asked to join the team (TRUST-LEAD-1): pending until a
 * facilitator accepts or declines, shown to the team meanwhile.
 */
export const JoinRequest = z.object({
  id: Id,
  userId: Id,
  name: z.string(),
  role: GroupRole,
  via: z.enum(['self_add', 'join_code']),
  requestedAt: IsoDateTime,
});
export type JoinRequest = z.infer<typeof JoinRequest>;

export const GroupDetail = z.extend(GroupSummary, {
  members: z.array(Member),
  joinCode: z.nullable(JoinCodeInfo),
  /** Pending requests to join, for everyone who can read the group. */
  joinRequests: z.array(JoinRequest),
  can: GroupAbilities,
});
export type GroupDetail = z.infer<typeof GroupDetail>;

export const CreateGroup = z
  .strictObject({
    name: Name,
    kind: GroupKind,
    focus: z.optional(z.nullable(TeamFocus)),
    schoolId: z.optional(z.nullable(Id)),
  })
  .check(
    z.superRefine((g, ctx) => {
      if (g.kind === 'cohort') {
        ctx.addIssue({
          code: 'custom',
          path: ['kind'],
          message: 'A cohort belongs to a network: start it there',
        });
        return;
      }
      if (g.kind !== 'district_leadership' && !g.schoolId) {
        ctx.addIssue({
          code: 'custom',
          path: ['schoolId'],
          message: 'Choose the school this group belongs to',
        });
      }
      if (g.kind === 'district_leadership' && g.schoolId) {
        ctx.addIssue({
          code: 'custom',
          path: ['schoolId'],
          message: 'A district leadership team belongs to no school',
        });
      }
    }),
  );
export type CreateGroup = z.infer<typeof CreateGroup>;

export const UpdateGroup = z.strictObject({
  name: z.optional(Name),
  focus: z.optional(z.nullable(TeamFocus)),
});

export const AddMember = z.strictObject({ userId: Id, role: z._default(GroupRole, 'member') });
export const UpdateMember = z.strictObject({ role: GroupRole });

/** Join codes: 8 characters from an alphabet without look-alikes; lifetime in hours. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const JoinCode = z.pipe(
  z.pipe(
    z.string().check(z.trim(), z.toUpperCase()),
    z.transform((s: string) => s.replace(/[\s-]/g, '')),
  ),
  z.string().check(z.regex(/^[A-HJ-NP-Z2-9]{8}$/, 'A join code has 8 letters and digits')),
);
export const CreateJoinCode = z.strictObject({
  expiresInHours: z._default(z.number().check(z.int(), z.gte(1), z.lte(24 * 30)), 24 * 7),
});

export const Person = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  districtRole: DistrictRole,
  schools: z.array(z.object({ schoolId: Id, role: SchoolRole })),
  active: z.boolean(),
  emailVerified: z.boolean(),
});
export type Person = z.infer<typeof Person>;

export const UpdatePerson = z.strictObject({
  districtRole: z.optional(DistrictRole),
  active: z.optional(z.boolean()),
});
export const SetSchoolRole = z.strictObject({ role: z.nullable(SchoolRole) });

export const Invitation = z.object({
  id: Id,
  email: z.string(),
  groupId: z.nullable(Id),
  groupName: z.nullable(z.string()),
  schoolId: z.nullable(Id),
  groupRole: GroupRole,
  schoolRole: z.nullable(SchoolRole),
  districtRole: DistrictRole,
  expiresAt: IsoDateTime,
  createdAt: IsoDateTime,
});
export type Invitation = z.infer<typeof Invitation>;

/**
 * The answer to creating an invitation. `link` is set only when this server sends no email (mailer mode is not
 * `smtp`): shown once to the inviter to pass on (TRUST-LINK-1), never stored in clear, null with SMTP.
 */
export const CreatedInvitation = z.extend(Invitation, { link: z.nullable(z.string()) });
export type CreatedInvitation = z.infer<typeof CreatedInvitation>;

export const CreateInvitation = z.strictObject({
  email: Email,
  groupId: z.optional(z.nullable(Id)),
  groupRole: z._default(GroupRole, 'member'),
  schoolId: z.optional(z.nullable(Id)),
  schoolRole: z.optional(z.nullable(SchoolRole)),
  districtRole: z._default(DistrictRole, 'member'),
});
export type CreateInvitation = z.infer<typeof CreateInvitation>;

/** What an invitee sees before accepting: no secrets, just enough to decide. */
export const InvitationPreview = z.object({
  email: z.string(),
  /** The team the link leads into (null for a district-only invitation). */
  groupId: z.nullable(Id),
  districtName: z.string(),
  groupName: z.nullable(z.string()),
  invitedBy: z.string(),
  existingAccount: z.boolean(),
});

export const AcceptInvitation = z.strictObject({
  name: z.optional(PersonName),
  password: z.optional(z.string().check(z.maxLength(200))),
});

export const JoinCodePreview = z.object({
  groupId: Id,
  groupName: z.string(),
  districtName: z.string(),
  schoolName: z.nullable(z.string()),
  /** False when this server sends no email: a new person cannot sign up by code (TRUST-ID-4). */
  emailSignUp: z.boolean(),
});
export const JoinByCode = z.strictObject({
  code: JoinCode,
  /** Only for someone without an account yet. */
  name: z.optional(PersonName),
  email: z.optional(Email),
  password: z.optional(z.string().check(z.maxLength(200))),
});

/**
 * What joining by code did: `joined` (signed in, now a member), `requested` (a leader or admin who is not a
 * member: a facilitator decides, TRUST-LEAD-2), `check-email` (a new sign-up: the same answer whatever the
 * address, TRUST-ID-2).
 */
export const JoinByCodeResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('joined'), groupId: Id }),
  z.object({ outcome: z.literal('requested'), groupId: Id }),
  z.object({ outcome: z.literal('check-email') }),
]);
export type JoinByCodeResult = z.infer<typeof JoinByCodeResult>;

/** Opening the emailed link of a join-code sign-up (TRUST-ID-1). */
export const ConfirmSignUp = z.strictObject({ token: z.string().check(z.minLength(20), z.maxLength(200)) });

export const Paginated = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item) });
