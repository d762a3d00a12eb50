/**
 * Networks of principals across districts (issue 14, ADR 0032). From one's own district: start a network, list
 * one's networks, find listed ones, ask to join, accept an invitation. Inside a network (the request names it):
 * read it, and its conveners decide requests and invite.
 */
import { and, asc, eq, gt, isNull, ne } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { api } from '#contracts/api';
import { recordAudit } from '../audit/record';
import { hashSecret, newSecret } from '../auth/tokens';
import { districts, networkInvitations, networkJoinRequests, networkMembers, networks } from '../db/schema';
import { conflict, forbidden, HttpError, notFound } from '../http/errors';
import { registerEndpoint } from '../http/route';
import { chosenLanguageOfAddress, mailLanguage } from '../mail/language';
import { localizedMail } from '../mail/templates';
import type { Actor, NetworkSpace } from '../policy/actor';
import { authorize } from '../policy/policy';
import type { Services } from '../services';
import { presentJoinRequest, presentMember } from './presenter';
import {
  activeMembersOf,
  affiliationsOf,
  invitationByToken,
  joinNetwork,
  leaveNetwork,
  listedNetworks,
  loadNetwork,
  pendingRequestsOf,
} from './queries';

const INVITATION_DAYS = 14;
/** One answer for every link that does not lead anywhere now, so a link says nothing about the others. */
const gone = () =>
  new HttpError(
    404,
    'not_found',
    'This invitation link is invalid, used, revoked or expired. Ask the convener for a new one.',
  );

/** The network a request acts in (the endpoint is for networks only, so the actor is a member row). */
function inNetwork(actor: Actor): Actor & { network: NetworkSpace } {
  if (!actor.network) throw notFound('That network');
  return { ...actor, network: actor.network };
}

const networkSubject = (actor: Actor) => ({
  kind: 'network' as const,
  id: actor.districtId,
  districtId: actor.districtId,
});

/** `<network id>.<secret>`: the network's id keeps the lookup inside its tenant (ADR 0032). */
function splitToken(token: string): { networkId: string; hash: string } | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,100})$/.exec(token);
  if (!match?.[1] || !match[2]) return null;
  return { networkId: match[1], hash: hashSecret(match[2]) };
}

export function registerNetworkRoutes(app: FastifyInstance, s: Services) {
  registerEndpoint(app, api.createNetwork, async ({ actor, body, req }) => {
    authorize(actor, 'create', { kind: 'network-proposal', districtId: actor.districtId, intent: 'start' });
    return s.db.transaction(async (tx) => {
      const [home] = await tx
        .select({ name: districts.name, timeZone: districts.timeZone })
        .from(districts)
        .where(eq(districts.id, actor.districtId));
      if (!home) throw notFound('That district');
      const [tenant] = await tx
        .insert(districts)
        .values({ kind: 'network', name: body.name, timeZone: home.timeZone })
        .returning({ id: districts.id, name: districts.name });
      if (!tenant) throw new Error('insert returned no row');
      await tx
        .insert(networks)
        .values({ districtId: tenant.id, description: body.description, visibility: body.visibility });
      const memberId = await joinNetwork(tx, {
        network: tenant,
        home: { districtId: actor.districtId, userId: actor.userId },
        shown: { name: actor.name, school: '', district: home.name },
        role: 'convener',
      });
      await recordAudit(tx, {
        districtId: tenant.id,
        actorId: memberId,
        action: 'network.created',
        subject: { type: 'network', id: tenant.id },
        from: req,
      });
      return tenant;
    });
  });

  registerEndpoint(app, api.myNetworks, async ({ actor }) => ({
    items: await affiliationsOf(s.db, actor),
  }));

  registerEndpoint(app, api.listedNetworks, async ({ actor }) => {
    authorize(actor, 'create', { kind: 'network-proposal', districtId: actor.districtId, intent: 'join' });
    const [listed, mine] = await Promise.all([listedNetworks(s.db), affiliationsOf(s.db, actor)]);
    const member = new Set(mine.map((n) => n.id));
    const pending = await pendingRequestsOf(
      s.db,
      listed.filter((n) => !member.has(n.id)).map((n) => n.id),
      actor.userId,
    );
    return {
      items: listed.map((n) => ({ ...n, member: member.has(n.id), requested: pending.has(n.id) })),
    };
  });

  registerEndpoint(app, api.requestToJoinNetwork, async ({ actor, params, body }) => {
    authorize(actor, 'create', { kind: 'network-proposal', districtId: actor.districtId, intent: 'join' });
    const network = await loadNetwork(s.db, params.networkId);
    if (network.visibility !== 'listed') throw notFound('That network');
    const mine = await affiliationsOf(s.db, actor);
    if (mine.some((n) => n.id === network.id)) return { status: 'member' as const };
    await s.db
      .insert(networkJoinRequests)
      .values({
        districtId: network.id,
        homeDistrictId: actor.districtId,
        homeUserId: actor.userId,
        shownName: body.shown.name,
        shownSchool: body.shown.school,
        shownDistrict: body.shown.district,
        message: body.message,
      })
      .onConflictDoNothing();
    return { status: 'pending' as const };
  });

  registerEndpoint(app, api.networkInvitation, async ({ actor, params }) => {
    const token = splitToken(params.token);
    const invitation = token ? await invitationByToken(s.db, token.networkId, token.hash) : null;
    if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt < new Date())
      throw gone();
    const network = await loadNetwork(s.db, invitation.districtId);
    const mine = await affiliationsOf(s.db, actor);
    return {
      networkName: network.name,
      description: network.description,
      forYou: invitation.email === actor.email,
      alreadyMember: mine.some((n) => n.id === network.id),
    };
  });

  registerEndpoint(app, api.acceptNetworkInvitation, async ({ actor, params, body, req }) => {
    const token = splitToken(params.token);
    if (!token) throw gone();
    return s.db.transaction(async (tx) => {
      const [invitation] = await tx
        .select()
        .from(networkInvitations)
        .where(
          and(
            eq(networkInvitations.districtId, token.networkId),
            eq(networkInvitations.tokenHash, token.hash),
            isNull(networkInvitations.acceptedAt),
            isNull(networkInvitations.revokedAt),
            gt(networkInvitations.expiresAt, new Date()),
          ),
        )
        .for('update');
      if (!invitation) throw gone();
      // A forwarded link is no way in: only the account the convener addressed accepts it.
      if (invitation.email !== actor.email)
        throw forbidden('This invitation was sent to another address. Ask the convener to invite yours.');
      const network = await loadNetwork(tx, invitation.districtId);
      const memberId = await joinNetwork(tx, {
        network,
        home: { districtId: actor.districtId, userId: actor.userId },
        shown: body.shown,
        role: 'member',
      });
      await tx
        .update(networkInvitations)
        .set({ acceptedAt: new Date() })
        .where(and(eq(networkInvitations.districtId, network.id), eq(networkInvitations.id, invitation.id)));
      await recordAudit(tx, {
        districtId: network.id,
        actorId: memberId,
        action: 'network.joined',
        subject: { type: 'network_invitation', id: invitation.id },
        from: req,
      });
      return { id: network.id, name: network.name };
    });
  });

  registerEndpoint(app, api.currentNetwork, async ({ actor: a }) => {
    const actor = inNetwork(a);
    authorize(actor, 'read', networkSubject(actor));
    const [network, members] = await Promise.all([
      loadNetwork(s.db, actor.districtId),
      activeMembersOf(s.db, actor.districtId),
    ]);
    return {
      ...network,
      myRole: actor.network.role,
      myMemberId: actor.userId,
      members: members.map(presentMember),
      abilities: { manage: actor.network.role === 'convener' },
    };
  });

  registerEndpoint(app, api.networkJoinRequests, async ({ actor: a }) => {
    const actor = inNetwork(a);
    authorize(actor, 'decide', networkSubject(actor));
    const rows = await s.db
      .select()
      .from(networkJoinRequests)
      .where(
        and(eq(networkJoinRequests.districtId, actor.districtId), eq(networkJoinRequests.status, 'pending')),
      )
      .orderBy(asc(networkJoinRequests.createdAt), asc(networkJoinRequests.id));
    return { items: rows.map(presentJoinRequest) };
  });

  for (const decision of ['approve', 'decline'] as const) {
    const endpoint = decision === 'approve' ? api.approveNetworkJoinRequest : api.declineNetworkJoinRequest;
    registerEndpoint(app, endpoint, async ({ actor: a, params, req }) => {
      const actor = inNetwork(a);
      authorize(actor, 'decide', networkSubject(actor));
      return s.db.transaction(async (tx) => {
        const [request] = await tx
          .select()
          .from(networkJoinRequests)
          .where(
            and(
              eq(networkJoinRequests.districtId, actor.districtId),
              eq(networkJoinRequests.id, params.requestId),
              eq(networkJoinRequests.status, 'pending'),
            ),
          )
          .for('update');
        if (!request) throw notFound('That request');
        if (decision === 'approve') {
          const network = await loadNetwork(tx, actor.districtId);
          await joinNetwork(tx, {
            network,
            home: { districtId: request.homeDistrictId, userId: request.homeUserId },
            shown: { name: request.shownName, school: request.shownSchool, district: request.shownDistrict },
            role: 'member',
          });
        }
        await tx
          .update(networkJoinRequests)
          .set({ status: decision === 'approve' ? 'approved' : 'declined', decidedAt: new Date() })
          .where(
            and(eq(networkJoinRequests.districtId, actor.districtId), eq(networkJoinRequests.id, request.id)),
          );
        await recordAudit(tx, {
          districtId: actor.districtId,
          actorId: actor.userId,
          action: decision === 'approve' ? 'network.request_approved' : 'network.request_declined',
          subject: { type: 'network_join_request', id: request.id },
          from: req,
        });
        return { ok: true as const };
      });
    });
  }

  registerEndpoint(app, api.inviteToNetwork, async ({ actor: a, body, req }) => {
    const actor = inNetwork(a);
    authorize(actor, 'invite', networkSubject(actor));
    return s.db.transaction(async (tx) => {
      const network = await loadNetwork(tx, actor.districtId);
      const secret = newSecret();
      const [row] = await tx
        .insert(networkInvitations)
        .values({
          districtId: network.id,
          email: body.email,
          tokenHash: hashSecret(secret),
          invitedBy: actor.userId,
          expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      const link = s.link(`/network-invitations/${network.id}.${secret}`, req);
      // I18N-MAIL-1: the invitee's account's language (an address of another district), else the inviter's tab's.
      const language = mailLanguage(await chosenLanguageOfAddress(tx, body.email), req);
      await s.mailer.send(
        localizedMail(
          language,
          (t) =>
            t.networkInvitation({ inviter: actor.name, network: network.name, days: INVITATION_DAYS, link }),
          { to: body.email, districtId: network.id },
        ),
        { tx },
      );
      const showLink = s.mailer.mode !== 'smtp';
      if (showLink)
        await recordAudit(tx, {
          districtId: network.id,
          actorId: actor.userId,
          action: 'network.invitation_link_shown',
          subject: { type: 'network_invitation', id: row.id },
          from: req,
        });
      return {
        id: row.id,
        email: row.email,
        expiresAt: row.expiresAt.toISOString(),
        link: showLink ? link : null,
      };
    });
  });

  registerEndpoint(app, api.networkInvitations, async ({ actor: a }) => {
    const actor = inNetwork(a);
    authorize(actor, 'invite', networkSubject(actor));
    const rows = await s.db
      .select({
        id: networkInvitations.id,
        email: networkInvitations.email,
        expiresAt: networkInvitations.expiresAt,
      })
      .from(networkInvitations)
      .where(
        and(
          eq(networkInvitations.districtId, actor.districtId),
          isNull(networkInvitations.acceptedAt),
          isNull(networkInvitations.revokedAt),
          gt(networkInvitations.expiresAt, new Date()),
        ),
      )
      .orderBy(asc(networkInvitations.createdAt), asc(networkInvitations.id));
    return { items: rows.map((r) => ({ ...r, expiresAt: r.expiresAt.toISOString() })) };
  });

  registerEndpoint(app, api.leaveNetwork, async ({ actor: a, req }) => {
    const actor = inNetwork(a);
    authorize(actor, 'leave', networkSubject(actor));
    return s.db.transaction(async (tx) => {
      if (actor.network.role === 'convener') {
        const others = await tx
          .select({ userId: networkMembers.userId })
          .from(networkMembers)
          .where(
            and(
              eq(networkMembers.districtId, actor.districtId),
              eq(networkMembers.role, 'convener'),
              eq(networkMembers.status, 'active'),
              ne(networkMembers.userId, actor.userId),
            ),
          )
          .for('update');
        if (!others.length)
          throw conflict('You are its only convener: make another member a convener first.');
      }
      await leaveNetwork(
        tx,
        actor.districtId,
        {
          userId: actor.userId,
          homeUserId: actor.network.homeUserId,
          homeDistrictId: actor.network.homeDistrictId,
        },
        'left',
      );
      await recordAudit(tx, {
        districtId: actor.districtId,
        actorId: actor.userId,
        action: 'network.left',
        subject: { type: 'network', id: actor.districtId },
        from: req,
      });
      return { ok: true as const };
    });
  });
}
