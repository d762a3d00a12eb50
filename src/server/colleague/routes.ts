/**
 * A trusted colleague outside one's district (issue 14, MATCH-SPACE-*). Called from one's district: the route
 * turns the account into its member row of the colleague exchange (ADR 0032) and acts there only. A pair and its
 * space are its two members' alone: nobody else, district admins and conveners included, reads them.
 */
import { and, asc, eq, or } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { api } from '#contracts/api';
import type { MyColleague, PairNote } from '#contracts/colleague';
import { regionKey } from '#core/matching/candidates';
import { featuresOf, fitScore, reasons } from '#core/matching/fit';
import type { DbOrTx } from '../db/client';
import { colleagueNotes, colleaguePairs, colleagueProfiles, networkMembers, users } from '../db/schema';
import { conflict, notFound } from '../http/errors';
import { registerEndpoint } from '../http/route';
import { actInNetwork } from '../networks/context';
import { joinNetwork } from '../networks/queries';
import type { Actor } from '../policy/actor';
import { authorize, can } from '../policy/policy';
import type { Services } from '../services';
import {
  cardOf,
  currentPairOf,
  exchangeId,
  findExchange,
  otherOf,
  pairById,
  profileOf,
  type PairRow,
} from './queries';

const EXCHANGE_NAME = 'Colleague exchange';
const asks = (actor: Actor) => ({
  kind: 'network-proposal' as const,
  districtId: actor.districtId,
  intent: 'join' as const,
});
const pairSubject = (p: PairRow) => ({
  kind: 'colleague-pair' as const,
  id: p.id,
  districtId: p.districtId,
  memberIds: [p.memberA, p.memberB],
});

export function registerColleagueRoutes(app: FastifyInstance, s: Services) {
  /** The account's member row in the exchange, or null when it never opted in. */
  async function memberOf(db: DbOrTx, account: Actor): Promise<Actor | null> {
    if (account.network) return null;
    const exchange = await findExchange(db);
    return exchange ? actInNetwork(s.db, account, exchange, 'exchange') : null;
  }
  async function requireMember(account: Actor): Promise<Actor> {
    const member = await memberOf(s.db, account);
    if (!member) throw notFound('That pair');
    return member;
  }

  async function stateOf(db: DbOrTx, account: Actor, now = new Date()): Promise<MyColleague> {
    const canOptIn = can(account, 'create', asks(account));
    const member = await memberOf(db, account);
    const none = { canOptIn, profile: null, shown: null, proposal: null, pair: null };
    if (!member) return none;
    const exchange = member.districtId;
    const mine = await profileOf(db, exchange, member.userId);
    if (!mine?.active) return none;
    const [shown] = await db
      .select({
        name: users.name,
        school: networkMembers.shownSchool,
        district: networkMembers.shownDistrict,
      })
      .from(networkMembers)
      .innerJoin(
        users,
        and(eq(users.districtId, networkMembers.districtId), eq(users.id, networkMembers.userId)),
      )
      .where(and(eq(networkMembers.districtId, exchange), eq(networkMembers.userId, member.userId)));
    const state: MyColleague = {
      canOptIn,
      profile: mine.profile,
      shown: shown ?? null,
      proposal: null,
      pair: null,
    };
    const pair = await currentPairOf(db, exchange, member.userId);
    if (!pair) return state;
    const otherId = otherOf(pair, member.userId);
    const [other, theirs] = await Promise.all([
      cardOf(db, exchange, otherId),
      profileOf(db, exchange, otherId),
    ]);
    if (!other || !theirs) return state;
    const me = featuresOf(mine.profile, now);
    const them = featuresOf(theirs.profile, now);
    const why = { fit: fitScore(me, them), reasons: reasons(me, them) };
    if (pair.status === 'proposed') {
      const youAccepted = (pair.memberA === member.userId ? pair.acceptedA : pair.acceptedB) !== null;
      return {
        ...state,
        proposal: { pairId: pair.id, other, why, youAccepted, proposedAt: pair.createdAt.toISOString() },
      };
    }
    return {
      ...state,
      pair: { pairId: pair.id, other, why, since: (pair.startedAt ?? pair.createdAt).toISOString() },
    };
  }

  /** Loads a pair of the exchange for a command, locked, and checks the caller is one of its two. */
  async function lockedPair(tx: DbOrTx, member: Actor, pairId: string): Promise<PairRow> {
    const [pair] = await tx
      .select()
      .from(colleaguePairs)
      .where(and(eq(colleaguePairs.districtId, member.districtId), eq(colleaguePairs.id, pairId)))
      .for('update');
    if (!pair) throw notFound('That pair');
    authorize(member, 'decide', pairSubject(pair));
    return pair;
  }

  registerEndpoint(app, api.myColleague, async ({ actor }) => stateOf(s.db, actor));

  registerEndpoint(app, api.optInAsColleague, async ({ actor, body }) => {
    authorize(actor, 'create', asks(actor));
    const exchange = await exchangeId(s.db);
    await s.db.transaction(async (tx) => {
      const memberId = await joinNetwork(tx, {
        network: { id: exchange, name: EXCHANGE_NAME },
        home: { districtId: actor.districtId, userId: actor.userId },
        shown: body.shown,
        role: 'member',
        affiliate: false,
      });
      // What they show may change with each save (joining again keeps the row).
      await tx
        .update(users)
        .set({ name: body.shown.name })
        .where(and(eq(users.districtId, exchange), eq(users.id, memberId)));
      await tx
        .update(networkMembers)
        .set({ shownSchool: body.shown.school, shownDistrict: body.shown.district })
        .where(and(eq(networkMembers.districtId, exchange), eq(networkMembers.userId, memberId)));
      const values = {
        homeDistrictId: actor.districtId,
        regionKey: regionKey(body.profile.region),
        profile: body.profile,
        active: true,
        updatedAt: new Date(),
      };
      await tx
        .insert(colleagueProfiles)
        .values({ districtId: exchange, userId: memberId, ...values })
        .onConflictDoUpdate({
          target: [colleagueProfiles.districtId, colleagueProfiles.userId],
          set: values,
        });
    });
    s.colleagueMatching.kick();
    return stateOf(s.db, actor);
  });

  registerEndpoint(app, api.optOutAsColleague, async ({ actor }) => {
    const member = await memberOf(s.db, actor);
    if (member)
      await s.db.transaction(async (tx) => {
        await tx
          .update(colleagueProfiles)
          .set({ active: false, updatedAt: new Date() })
          .where(
            and(
              eq(colleagueProfiles.districtId, member.districtId),
              eq(colleagueProfiles.userId, member.userId),
            ),
          );
        const pair = await currentPairOf(tx, member.districtId, member.userId);
        if (pair) {
          await lockedPair(tx, member, pair.id);
          await tx
            .update(colleaguePairs)
            .set({ status: pair.status === 'active' ? 'ended' : 'declined', endedAt: new Date() })
            .where(and(eq(colleaguePairs.districtId, member.districtId), eq(colleaguePairs.id, pair.id)));
        }
      });
    s.colleagueMatching.kick();
    return stateOf(s.db, actor);
  });

  registerEndpoint(app, api.acceptColleague, async ({ actor, params }) => {
    const member = await requireMember(actor);
    await s.db.transaction(async (tx) => {
      const pair = await lockedPair(tx, member, params.pairId);
      if (pair.status !== 'proposed') throw conflict('This proposal is no longer open.');
      const now = new Date();
      const acceptedA = pair.memberA === member.userId ? (pair.acceptedA ?? now) : pair.acceptedA;
      const acceptedB = pair.memberB === member.userId ? (pair.acceptedB ?? now) : pair.acceptedB;
      const both = acceptedA !== null && acceptedB !== null;
      await tx
        .update(colleaguePairs)
        .set({ acceptedA, acceptedB, ...(both ? { status: 'active' as const, startedAt: now } : {}) })
        .where(and(eq(colleaguePairs.districtId, member.districtId), eq(colleaguePairs.id, pair.id)));
    });
    return stateOf(s.db, actor);
  });

  for (const [endpoint, from, to] of [
    [api.declineColleague, 'proposed', 'declined'],
    [api.endColleaguePair, 'active', 'ended'],
  ] as const) {
    registerEndpoint(app, endpoint, async ({ actor, params }) => {
      const member = await requireMember(actor);
      await s.db.transaction(async (tx) => {
        const pair = await lockedPair(tx, member, params.pairId);
        if (pair.status !== from)
          throw conflict(
            from === 'proposed' ? 'This proposal is no longer open.' : 'This pair has already ended.',
          );
        await tx
          .update(colleaguePairs)
          .set({ status: to, endedAt: new Date() })
          .where(and(eq(colleaguePairs.districtId, member.districtId), eq(colleaguePairs.id, pair.id)));
      });
      // No fault: both are free again, and the next round proposes someone new (never each other).
      s.colleagueMatching.kick();
      return stateOf(s.db, actor);
    });
  }

  /** The pair's space is for an agreed pair; its two members only. */
  async function activePair(member: Actor, pairId: string): Promise<PairRow> {
    const pair = await pairById(s.db, member.districtId, pairId);
    if (!pair) throw notFound('That pair');
    authorize(member, 'read', pairSubject(pair));
    if (pair.status !== 'active') throw notFound('That pair');
    return pair;
  }

  registerEndpoint(app, api.colleagueSpace, async ({ actor, params }) => {
    const member = await requireMember(actor);
    const pair = await activePair(member, params.pairId);
    const other = await cardOf(s.db, member.districtId, otherOf(pair, member.userId));
    if (!other) throw notFound('That pair');
    const rows = await s.db
      .select({ note: colleagueNotes, authorName: users.name })
      .from(colleagueNotes)
      .innerJoin(
        users,
        and(eq(users.districtId, colleagueNotes.districtId), eq(users.id, colleagueNotes.authorId)),
      )
      .where(
        and(
          eq(colleagueNotes.districtId, member.districtId),
          eq(colleagueNotes.pairId, pair.id),
          // Private notes leave their author never: filtered in the query, not after it.
          or(eq(colleagueNotes.visibility, 'shared'), eq(colleagueNotes.authorId, member.userId)),
        ),
      )
      .orderBy(asc(colleagueNotes.createdAt), asc(colleagueNotes.id));
    const notes: PairNote[] = rows.map(({ note, authorName }) => ({
      id: note.id,
      visibility: note.visibility,
      mine: note.authorId === member.userId,
      authorName,
      body: note.body,
      createdAt: note.createdAt.toISOString(),
    }));
    return {
      pairId: pair.id,
      other,
      since: (pair.startedAt ?? pair.createdAt).toISOString(),
      checkIn: { everyWeeks: pair.checkInEveryWeeks, nextOn: pair.nextCheckInOn },
      shared: notes.filter((n) => n.visibility === 'shared'),
      private: notes.filter((n) => n.visibility === 'private'),
    };
  });

  registerEndpoint(app, api.addColleagueNote, async ({ actor, params, body }) => {
    const member = await requireMember(actor);
    const pair = await activePair(member, params.pairId);
    const [row] = await s.db
      .insert(colleagueNotes)
      .values({ districtId: member.districtId, pairId: pair.id, authorId: member.userId, ...body })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return {
      id: row.id,
      visibility: row.visibility,
      mine: true,
      authorName: member.name,
      body: row.body,
      createdAt: row.createdAt.toISOString(),
    };
  });

  registerEndpoint(app, api.setColleagueCheckIn, async ({ actor, params, body }) => {
    const member = await requireMember(actor);
    const pair = await activePair(member, params.pairId);
    await s.db
      .update(colleaguePairs)
      .set({ checkInEveryWeeks: body.everyWeeks, nextCheckInOn: body.nextOn })
      .where(and(eq(colleaguePairs.districtId, member.districtId), eq(colleaguePairs.id, pair.id)));
    return { ok: true as const };
  });
}
