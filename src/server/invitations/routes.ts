import { and, desc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { api } from '#contracts/api';
import type { Language } from '#contracts/auth';
import type { Invitation } from '#contracts/org';
import { createAccount, createAccountWithHash } from '../auth/accounts';
import { recordAudit } from '../audit/record';
import { presentMe } from '../auth/presenter';
import { createSession, deleteSession, setSessionCookie } from '../auth/sessions';
import { hashSecret, newSecret } from '../auth/tokens';
import { hashPassword, passwordProblems, verifyPassword } from '../auth/passwords';
import {
  clearFailures,
  failureDelay,
  passwordFailureKey,
  recordFailure,
  SIGN_IN_DELAY,
} from '../auth/throttle';
import type { DbOrTx } from '../db/client';
import {
  districts,
  groups,
  invitations,
  joinCodes,
  pendingSignups,
  schoolRoles,
  schools,
  users,
} from '../db/schema';
import { addMembership, groupSubject, loadGroup, managesByRankOnly, requestToJoin } from '../groups/queries';
import { badRequest, notFound, tooManyRequests } from '../http/errors';
import { mailLanguage } from '../mail/language';
import { localizedMail } from '../mail/templates';
import { registerEndpoint } from '../http/route';
import { authorize } from '../policy/policy';
import type { Services } from '../services';

const INVITATION_DAYS = 14;
/** A join-code sign-up waits this long for its email to be confirmed (TRUST-ID-1). */
const SIGNUP_HOURS = 24;
const SIGNUP_GONE = 'This confirmation link is invalid, used or expired. Use the join code again.';
const NO_EMAIL =
  'Email is not set up on this server, so a new account cannot be confirmed. Ask your facilitator for an invitation link.';
const GONE = 'This invitation link is invalid, used, revoked or expired. Ask for a new one.';

type InvitationRow = typeof invitations.$inferSelect;

function presentInvitation(i: InvitationRow, groupName: string | null): Invitation {
  return {
    id: i.id,
    email: i.email,
    groupId: i.groupId,
    groupName,
    schoolId: i.schoolId,
    groupRole: i.groupRole,
    schoolRole: i.schoolRole,
    districtRole: i.districtRole,
    expiresAt: i.expiresAt.toISOString(),
    createdAt: i.createdAt.toISOString(),
  };
}

async function findLiveInvitation(db: DbOrTx, token: string) {
  const [row] = await db
    .select({
      invitation: invitations,
      districtName: districts.name,
      groupName: groups.name,
      invitedBy: users.name,
    })
    .from(invitations)
    .innerJoin(districts, eq(districts.id, invitations.districtId))
    .innerJoin(users, and(eq(users.id, invitations.invitedBy), eq(users.districtId, invitations.districtId)))
    .leftJoin(groups, and(eq(groups.id, invitations.groupId), eq(groups.districtId, invitations.districtId)))
    .where(
      and(
        eq(invitations.tokenHash, hashSecret(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    );
  return row ?? null;
}

/** Grants what an invitation or join code promises: school role, group membership (also SSO-JIT-1). */
export async function grant(
  db: DbOrTx,
  userId: string,
  i: Pick<InvitationRow, 'districtId' | 'schoolId' | 'schoolRole' | 'groupId' | 'groupRole'>,
) {
  if (i.schoolId && i.schoolRole) {
    await db
      .insert(schoolRoles)
      .values({ districtId: i.districtId, schoolId: i.schoolId, userId, role: i.schoolRole })
      .onConflictDoUpdate({
        target: [schoolRoles.schoolId, schoolRoles.userId],
        set: {
          role: sql`case when ${schoolRoles.role} = 'school_leader' then 'school_leader' else excluded.role end`,
        },
      });
  }
  if (i.groupId) await addMembership(db, { id: i.groupId, districtId: i.districtId }, userId, i.groupRole);
}

export function registerInvitationRoutes(app: FastifyInstance, s: Services) {
  registerEndpoint(app, api.createInvitation, async ({ actor, body, req }) => {
    return s.db.transaction(async (tx) => {
      const group = body.groupId ? await loadGroup(tx, actor, body.groupId) : null;
      if (group) authorize(actor, 'invite', groupSubject(group));
      // TRUST-LEAD-8: inviting oneself would be a silent self-add (accepting grants the membership).
      if (group && body.email === actor.email)
        throw badRequest('To join this team yourself, ask to join it from the team page.', [
          { path: 'email', message: 'This is your own address' },
        ]);
      let schoolId = body.schoolId ?? group?.schoolId ?? null;
      if (body.schoolId) {
        const [school] = await tx
          .select()
          .from(schools)
          .where(and(eq(schools.id, body.schoolId), eq(schools.districtId, actor.districtId)));
        if (!school)
          throw badRequest('Choose a school of your district.', [
            { path: 'schoolId', message: 'Unknown school' },
          ]);
        schoolId = school.id;
      }
      const schoolRole = body.schoolRole ?? (schoolId ? 'staff' : null);
      authorize(actor, 'create', {
        kind: 'new-invitation',
        districtId: actor.districtId,
        group: group ? groupSubject(group) : null,
        schoolId,
        schoolRole,
        districtRole: body.districtRole,
      });
      // TRUST-ID-5: the answer is the same whether the address has an account elsewhere or not (the inviter
      // cannot probe other districts); the address's owner is told by email, and the link cannot be accepted.
      const [existingUser] = await tx
        .select({ districtId: users.districtId, language: users.language })
        .from(users)
        .where(eq(users.email, body.email));
      const elsewhere = Boolean(existingUser && existingUser.districtId !== actor.districtId);
      const secret = newSecret();
      const [row] = await tx
        .insert(invitations)
        .values({
          districtId: actor.districtId,
          email: body.email,
          tokenHash: hashSecret(secret),
          groupId: group?.id ?? null,
          groupRole: body.groupRole,
          schoolId,
          schoolRole,
          districtRole: body.districtRole,
          invitedBy: actor.userId,
          expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      const [district] = await tx
        .select({ name: districts.name })
        .from(districts)
        .where(eq(districts.id, actor.districtId));
      const link = s.link(`/invite/${secret}`, req);
      // I18N-MAIL-1: an address with an account gets its owner's language; a new one, the inviter's tab's.
      const language = mailLanguage(existingUser?.language ?? null, req);
      await s.mailer.send(
        localizedMail(
          language,
          (t) =>
            elsewhere
              ? t.invitationElsewhere()
              : t.invitation({
                  inviter: actor.name,
                  groupName: group ? group.name : null,
                  districtName: district?.name ?? null,
                  days: INVITATION_DAYS,
                  link,
                }),
          { to: body.email, districtId: actor.districtId },
        ),
        { tx },
      );
      // TRUST-LINK-1: without SMTP the inviter passes the link on; shown once, never stored in clear.
      const showLink = s.mailer.mode !== 'smtp';
      if (showLink)
        await recordAudit(tx, {
          districtId: actor.districtId,
          actorId: actor.userId,
          action: 'invitation.link_shown',
          subject: { type: 'invitation', id: row.id },
          details: { groupId: group?.id ?? null },
          from: req,
        });
      return { ...presentInvitation(row, group?.name ?? null), link: showLink ? link : null };
    });
  });

  registerEndpoint(app, api.listInvitations, async ({ actor }) => {
    const isAdmin = actor.districtRole === 'district_admin';
    const led = [...actor.schoolRoles].filter(([, r]) => r === 'school_leader').map(([id]) => id);
    const facilitated = [...actor.groupRoles].filter(([, r]) => r === 'facilitator').map(([id]) => id);
    const scope = isAdmin
      ? undefined
      : or(
          eq(invitations.invitedBy, actor.userId),
          led.length ? inArray(invitations.schoolId, led) : sql`false`,
          facilitated.length ? inArray(invitations.groupId, facilitated) : sql`false`,
        );
    const rows = await s.db
      .select({ invitation: invitations, groupName: groups.name })
      .from(invitations)
      .leftJoin(
        groups,
        and(eq(groups.id, invitations.groupId), eq(groups.districtId, invitations.districtId)),
      )
      .where(
        and(
          eq(invitations.districtId, actor.districtId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, new Date()),
          scope,
        ),
      )
      .orderBy(desc(invitations.createdAt));
    return { items: rows.map((r) => presentInvitation(r.invitation, r.groupName)) };
  });

  registerEndpoint(app, api.revokeInvitation, async ({ actor, params }) => {
    const [i] = await s.db
      .select()
      .from(invitations)
      .where(and(eq(invitations.id, params.invitationId), eq(invitations.districtId, actor.districtId)));
    if (!i) throw notFound('That invitation');
    authorize(actor, 'revoke', {
      kind: 'invitation',
      id: i.id,
      districtId: i.districtId,
      groupId: i.groupId,
      schoolId: i.schoolId,
      invitedBy: i.invitedBy,
    });
    await s.db
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.id, i.id),
          eq(invitations.districtId, actor.districtId),
          isNull(invitations.revokedAt),
        ),
      );
    return { ok: true as const };
  });

  registerEndpoint(app, api.previewInvitation, async ({ params }) => {
    const row = await findLiveInvitation(s.db, params.token);
    if (!row) throw notFound('That invitation');
    // Only an account of the invitation's own district counts: whoever holds the link learns nothing about others.
    const [account] = await s.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, row.invitation.email), eq(users.districtId, row.invitation.districtId)));
    return {
      email: row.invitation.email,
      groupId: row.invitation.groupId,
      districtName: row.districtName,
      groupName: row.groupName,
      invitedBy: row.invitedBy,
      existingAccount: Boolean(account),
    };
  });

  registerEndpoint(
    app,
    api.acceptInvitation,
    async ({ params, body, req, reply }) => {
      const { userId, districtId, groupId, session } = await s.db.transaction(async (tx) => {
        const row = await findLiveInvitation(tx, params.token);
        if (!row) throw badRequest(GONE, [{ path: 'token', message: GONE }]);
        const inv = row.invitation;
        // In development the outbox stands for the mailbox; with mail `off` only the inviter saw the link.
        const linkTravelledByEmail = s.mailer.mode !== 'off';
        // Claim the invitation first: of two racing accepts, only one updates the row.
        const claimed = await tx
          .update(invitations)
          .set({ acceptedAt: new Date() })
          .where(
            and(
              eq(invitations.districtId, inv.districtId),
              eq(invitations.id, inv.id),
              isNull(invitations.acceptedAt),
            ),
          )
          .returning({ id: invitations.id });
        if (!claimed.length) throw badRequest(GONE, [{ path: 'token', message: GONE }]);
        const [existing] = await tx.select().from(users).where(eq(users.email, inv.email));
        let user = existing;
        if (user) {
          if (user.districtId !== inv.districtId) throw badRequest(GONE, [{ path: 'token', message: GONE }]);
          // An existing account proves itself by being signed in as that person, or by its password, which is
          // tried under the same failure delay as at sign-in (TRUST-LIMIT-6: a link is no side door for guessing).
          const signedInAsThem = req.actor?.userId === user.id;
          if (!signedInAsThem) {
            const failureKey = passwordFailureKey(user.email);
            const waitMs = await failureDelay(s.db, failureKey, SIGN_IN_DELAY);
            if (waitMs > 0)
              throw tooManyRequests('Too many failed attempts. Wait a moment and try again.', waitMs / 1000);
            if (!(body.password && (await verifyPassword(user.passwordHash, body.password)))) {
              if (body.password) await recordFailure(s.db, failureKey);
              throw badRequest('Sign in as the invited person to accept.', [
                { path: 'password', message: 'Enter the password of this account' },
              ]);
            }
            await clearFailures(s.db, failureKey);
          }
          if (user.deactivatedAt) throw badRequest(GONE, [{ path: 'token', message: GONE }]);
        } else {
          const missing = [
            ...(body.name ? [] : [{ path: 'name', message: 'Enter your name' }]),
            ...(body.password ? [] : [{ path: 'password', message: 'Choose a password' }]),
          ];
          if (missing.length || !body.name || !body.password)
            throw badRequest('Some fields need attention.', missing);
          if (body.password.length < 10)
            throw badRequest('Some fields need attention.', [
              { path: 'password', message: 'Use at least 10 characters' },
            ]);
          user = await createAccount(tx, {
            districtId: inv.districtId,
            email: inv.email,
            name: body.name,
            password: body.password,
            districtRole: inv.districtRole,
            // The link arrived by email, so the address is proven; without SMTP the inviter was shown the
            // link and may have passed it on by any means, which proves nothing (TRUST-LINK-3).
            emailVerified: linkTravelledByEmail,
          });
        }
        if (inv.districtRole === 'district_admin' && user.districtRole !== 'district_admin') {
          await tx
            .update(users)
            .set({ districtRole: 'district_admin' })
            .where(and(eq(users.districtId, user.districtId), eq(users.id, user.id)));
        }
        if (!user.emailVerifiedAt && linkTravelledByEmail)
          await tx
            .update(users)
            .set({ emailVerifiedAt: new Date() })
            .where(and(eq(users.districtId, user.districtId), eq(users.id, user.id)));
        await grant(tx, user.id, inv);
        if (req.actor) await deleteSession(tx, req.actor.sessionId);
        return {
          userId: user.id,
          districtId: user.districtId,
          groupId: inv.groupId,
          session: await createSession(tx, user, req.headers['user-agent']),
        };
      });
      // PM-ROSTER-1: joining a team while its meeting runs puts them on that meeting's roster.
      if (groupId) await s.meetings.addToOpenMeetings(districtId, groupId, userId);
      // The session it came with (another person's, on a shared device) ended: so do its sockets.
      if (req.actor) s.access.sessionEnded(req.actor.sessionId);
      setSessionCookie(req, reply, session);
      return presentMe(s.db, { id: userId, districtId });
    },
    { rateLimit: { max: 20, timeWindow: 60_000 } },
  );

  registerEndpoint(
    app,
    api.previewJoinCode,
    async ({ params }) => {
      const row = await findLiveJoinCode(s.db, params.code);
      if (!row) throw notFound('That join code');
      return {
        groupId: row.groupId,
        groupName: row.groupName,
        districtName: row.districtName,
        schoolName: row.schoolName,
        emailSignUp: s.mailer.mode !== 'off',
      };
    },
    { rateLimit: { max: 30, timeWindow: 60_000 } },
  );

  registerEndpoint(
    app,
    api.joinByCode,
    async ({ body, req }) => {
      const actor = req.actor;
      if (!actor) return signUpByCode(s, body, req);
      const result = await s.db.transaction(async (tx) => {
        const code = await findLiveJoinCode(tx, body.code);
        if (!code) throw codeGone();
        if (actor.districtId !== code.districtId) {
          throw badRequest('That code belongs to another organization.', [
            { path: 'code', message: 'Code of another organization' },
          ]);
        }
        const group = await loadGroup(tx, actor, code.groupId);
        if (!actor.groupRoles.has(group.id) && managesByRankOnly(actor, group)) {
          // TRUST-LEAD-2: the code is not a back door for those who lead the school: the team decides.
          await requestToJoin(tx, group, actor, 'member', 'join_code', req);
          return { outcome: 'requested' as const, groupId: group.id };
        }
        await grant(tx, actor.userId, {
          districtId: code.districtId,
          groupId: code.groupId,
          groupRole: 'member',
          schoolId: code.schoolId,
          schoolRole: code.schoolId ? 'staff' : null,
        });
        return { outcome: 'joined' as const, groupId: group.id };
      });
      // PM-ROSTER-1: joining a team while its meeting runs puts them on that meeting's roster.
      if (result.outcome === 'joined')
        await s.meetings.addToOpenMeetings(actor.districtId, result.groupId, actor.userId);
      return result;
    },
    { rateLimit: { max: 20, timeWindow: 60_000 } },
  );

  registerEndpoint(
    app,
    api.confirmSignUp,
    async ({ body, req, reply }) => {
      const result = await s.db.transaction(async (tx) => {
        // Claim the pending sign-up: of two racing opens, only one deletes the row.
        const [pending] = await tx
          .delete(pendingSignups)
          .where(
            and(
              eq(pendingSignups.tokenHash, hashSecret(body.token)),
              gt(pendingSignups.expiresAt, new Date()),
            ),
          )
          .returning();
        if (!pending) throw badRequest(SIGNUP_GONE, [{ path: 'token', message: SIGNUP_GONE }]);
        const [group] = await tx
          .select({ id: groups.id, name: groups.name, schoolId: groups.schoolId })
          .from(groups)
          .where(and(eq(groups.id, pending.groupId), eq(groups.districtId, pending.districtId)));
        if (!group) throw badRequest(SIGNUP_GONE, [{ path: 'token', message: SIGNUP_GONE }]);
        const user = await createAccountWithHash(tx, {
          districtId: pending.districtId,
          email: pending.email,
          name: pending.name,
          passwordHash: pending.passwordHash,
          districtRole: 'member',
        });
        // The address got an account meanwhile (another link, an invitation): this link is spent.
        if (!user) throw badRequest(SIGNUP_GONE, [{ path: 'token', message: SIGNUP_GONE }]);
        await tx.delete(pendingSignups).where(eq(pendingSignups.email, pending.email));
        await grant(tx, user.id, {
          districtId: pending.districtId,
          groupId: group.id,
          groupRole: 'member',
          schoolId: group.schoolId,
          schoolRole: group.schoolId ? 'staff' : null,
        });
        return {
          user,
          group,
          session: await createSession(tx, user, req.headers['user-agent']),
        };
      });
      setSessionCookie(req, reply, result.session);
      await s.meetings.addToOpenMeetings(result.user.districtId, result.group.id, result.user.id);
      return {
        ...(await presentMe(s.db, { id: result.user.id, districtId: result.user.districtId })),
        groupId: result.group.id,
        groupName: result.group.name,
      };
    },
    { rateLimit: { max: 20, timeWindow: 60_000 } },
  );
}

function codeGone() {
  return badRequest('That code is not valid any more. Ask your facilitator for a new one.', [
    { path: 'code', message: 'Unknown or expired code' },
  ]);
}

/**
 * A join-code sign-up without a session (TRUST-ID-1..4): nothing is created but a pending sign-up, and the
 * answer is `check-email` whatever the address. The email says what happens next: a confirmation link for a
 * new address, "sign in and use the code" for an account of this district, "in use elsewhere" (never which
 * district) for another district's account. The password is hashed in every case so timing tells nothing.
 */
async function signUpByCode(
  s: Services,
  body: {
    code: string;
    name?: string | undefined;
    email?: string | undefined;
    password?: string | undefined;
  },
  req: FastifyRequest,
) {
  const code = await findLiveJoinCode(s.db, body.code);
  if (!code) throw codeGone();
  if (s.mailer.mode === 'off') throw badRequest(NO_EMAIL, [{ path: 'email', message: NO_EMAIL }]);
  const missing = [
    ...(body.name ? [] : [{ path: 'name', message: 'Enter your name' }]),
    ...(body.email ? [] : [{ path: 'email', message: 'Enter your email' }]),
    ...(body.password ? [] : [{ path: 'password', message: 'Choose a password' }]),
  ];
  if (missing.length || !body.name || !body.email || !body.password)
    throw badRequest('Some fields need attention.', missing);
  if (body.password.length < 10)
    throw badRequest('Some fields need attention.', [
      { path: 'password', message: 'Use at least 10 characters' },
    ]);
  const problems = passwordProblems(body.password, { email: body.email, name: body.name });
  if (problems.length) throw badRequest('Choose a different password.', problems);
  const email = body.email;
  const passwordHash = await hashPassword(body.password);
  await s.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ districtId: users.districtId, language: users.language })
      .from(users)
      .where(eq(users.email, email));
    // I18N-MAIL-1: the account's language when the address has one, else the tab's that sent the code.
    const language = (chosen: Language | null) => mailLanguage(chosen, req);
    if (existing && existing.districtId === code.districtId) {
      await s.mailer.send(
        localizedMail(
          language(existing.language),
          (t) => t.joinCodeHasAccount({ groupName: code.groupName, signInLink: s.link('/sign-in', req) }),
          { to: email, districtId: code.districtId },
        ),
        { tx },
      );
      return;
    }
    if (existing) {
      await s.mailer.send(
        localizedMail(language(existing.language), (t) => t.joinCodeElsewhere(), {
          to: email,
          districtId: code.districtId,
        }),
        { tx },
      );
      return;
    }
    const secret = newSecret();
    await tx.insert(pendingSignups).values({
      tokenHash: hashSecret(secret),
      districtId: code.districtId,
      groupId: code.groupId,
      email,
      name: body.name ?? '',
      passwordHash,
      expiresAt: new Date(Date.now() + SIGNUP_HOURS * 3_600_000),
    });
    await s.mailer.send(
      localizedMail(
        language(null),
        (t) =>
          t.joinCodeConfirm({
            groupName: code.groupName,
            hours: SIGNUP_HOURS,
            link: s.link(`/join/confirm?token=${secret}`, req),
          }),
        { to: email, districtId: code.districtId },
      ),
      { tx },
    );
  });
  return { outcome: 'check-email' as const };
}

async function findLiveJoinCode(db: DbOrTx, rawCode: string) {
  const code = rawCode.trim().toUpperCase().replace(/[\s-]/g, '');
  const [row] = await db
    .select({
      districtId: joinCodes.districtId,
      groupId: joinCodes.groupId,
      groupName: groups.name,
      schoolId: groups.schoolId,
      schoolName: schools.name,
      districtName: districts.name,
    })
    .from(joinCodes)
    .innerJoin(groups, and(eq(groups.id, joinCodes.groupId), eq(groups.districtId, joinCodes.districtId)))
    .innerJoin(districts, eq(districts.id, joinCodes.districtId))
    .leftJoin(schools, and(eq(schools.id, groups.schoolId), eq(schools.districtId, groups.districtId)))
    .where(and(eq(joinCodes.code, code), isNull(joinCodes.revokedAt), gt(joinCodes.expiresAt, new Date())));
  return row ?? null;
}
