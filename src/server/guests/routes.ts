/**
 * Meeting guests (DAY-FIRST, ADR 0013). A person without an account asks to join an open meeting by its code
 * under a display name; the meeting's facilitator admits or declines each in the lobby; an admitted guest takes
 * part in that meeting only (REST and socket ask the same `authorize(guest, 'take-part', meeting)`).
 */
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { api } from '#contracts/api';
import type { GuestSession } from '#contracts/guests';
import { normaliseJoinCode } from '../auth/join-code-limits';
import { mayTryJoinCode, recordUnknownJoinCode } from '../auth/throttle';
import { newSecret } from '../auth/tokens';
import { recordAudit } from '../audit/record';
import { meetings } from '../db/schema';
import { loadGroup } from '../groups/queries';
import { conflict, forbidden, notFound, tooManyRequests, unauthorized } from '../http/errors';
import { languageOf } from '../http/language';
import { registerEndpoint } from '../http/route';
import { meetingSubject, type MeetingRow } from '../meetings/queries';
import type { Actor } from '../policy/actor';
import { authorize } from '../policy/policy';
import type { Services } from '../services';
import { presentGuest, presentMeetingForGuest } from './presenter';
import {
  decideGuest,
  type GuestRow,
  guestActorOf,
  guestBySecret,
  guestsOfMeeting,
  insertGuest,
  loadGuest,
  openMeetingByCode,
  waitingCount,
  WAITING_GUESTS_MAX,
} from './queries';
import { clearGuestCookie, GUEST_MAX_MS, guestSecretOf, setGuestCookie } from './sessions';

export function registerGuestRoutes(app: FastifyInstance, s: Services) {
  /** The meeting of this district, its team, and the roster as the log has it: the `take-part` subject. */
  async function meetingFor(actor: Actor, meetingId: string) {
    const [m] = await s.db
      .select()
      .from(meetings)
      .where(and(eq(meetings.id, meetingId), eq(meetings.districtId, actor.districtId)));
    if (!m) throw notFound('That meeting');
    const group = await loadGroup(s.db, actor, m.groupId);
    const roster = await s.meetings.rosterOf(m.id, actor.districtId);
    return { meeting: m, group, subject: meetingSubject(m, group, roster) };
  }

  /** Only the meeting's facilitator (as its log has it) decides who comes in. */
  async function requireFacilitator(actor: Actor, meeting: MeetingRow) {
    const state = await s.meetings.stateOf(meeting.id, actor.districtId);
    if (state.roles.facilitator !== actor.userId) throw forbidden('Only the facilitator lets guests in.');
  }

  /** The facilitator's decision on a guest and its audit entry, in one transaction. */
  function recordDecision(
    actor: Actor,
    meeting: MeetingRow,
    guest: GuestRow,
    decision: 'admitted' | 'declined',
    req: FastifyRequest,
  ) {
    return s.db.transaction(async (tx) => {
      const row = await decideGuest(tx, guest, decision, actor.userId);
      await recordAudit(tx, {
        districtId: actor.districtId,
        actorId: actor.userId,
        action: decision === 'admitted' ? 'meeting.guest_admitted' : 'meeting.guest_declined',
        subject: { type: 'meeting', id: meeting.id },
        details: { guestId: guest.id },
        from: req,
      });
      return presentGuest(row);
    });
  }

  registerEndpoint(
    app,
    api.askToJoinAsGuest,
    async ({ actor, body, req, reply }): Promise<GuestSession> => {
      // An account joins with its account: a guest is someone the district does not know (ADR 0013).
      if (actor)
        throw conflict(
          'You are signed in. Join the meeting with your account, or sign out to join as a guest.',
        );
      if (!(await mayTryJoinCode(s.db, req.ip)))
        throw tooManyRequests('Too many codes that did not work. Try again later.', 3600);
      const meeting = await openMeetingByCode(s.db, normaliseJoinCode(body.code));
      if (!meeting) {
        await recordUnknownJoinCode(s.db, req.ip);
        throw notFound('An open meeting with that code');
      }
      if ((await waitingCount(s.db, meeting.districtId, meeting.id)) >= WAITING_GUESTS_MAX)
        throw conflict('Many people are already waiting to join this meeting. Ask the facilitator.');
      const secret = newSecret();
      const guest = await insertGuest(s.db, {
        districtId: meeting.districtId,
        meetingId: meeting.id,
        name: body.name,
        secret,
        expiresAt: new Date(Date.now() + GUEST_MAX_MS),
      });
      setGuestCookie(req, reply, secret);
      return { guestId: guest.id, name: guest.name, meetingId: meeting.id, status: 'waiting', meeting: null };
    },
    { rateLimit: { max: 60, timeWindow: 60_000 } },
  );

  registerEndpoint(app, api.guestSession, async ({ req }): Promise<GuestSession> => {
    const found = await guestBySecret(s.db, guestSecretOf(req));
    if (!found) throw unauthorized();
    const { guest, meeting, group } = found;
    const base = { guestId: guest.id, name: guest.name, meetingId: meeting.id, meeting: null };
    if (guest.status === 'declined') return { ...base, status: 'declined' };
    const principal = guestActorOf(guest, meeting);
    if (!principal) return { ...base, status: 'ended' };
    if (!principal.admitted) return { ...base, status: 'waiting' };
    const roster = await s.meetings.rosterOf(meeting.id, meeting.districtId);
    authorize(principal, 'take-part', meetingSubject(meeting, group, roster));
    return {
      ...base,
      status: 'admitted',
      meeting: presentMeetingForGuest(meeting, group, s.config.publicUrl ?? null, languageOf(req)),
    };
  });

  registerEndpoint(app, api.leaveAsGuest, ({ req, reply }) => {
    clearGuestCookie(req, reply);
    return Promise.resolve({ ok: true as const });
  });

  registerEndpoint(app, api.listMeetingGuests, async ({ actor, params }) => {
    const { meeting, subject } = await meetingFor(actor, params.meetingId);
    authorize(actor, 'take-part', subject);
    return { items: (await guestsOfMeeting(s.db, actor.districtId, meeting.id)).map(presentGuest) };
  });

  registerEndpoint(app, api.admitMeetingGuest, async ({ actor, params, req }) => {
    const { meeting, subject } = await meetingFor(actor, params.meetingId);
    authorize(actor, 'take-part', subject);
    const guest = await loadGuest(s.db, actor.districtId, meeting.id, params.guestId);
    if (!guest) throw notFound('That guest');
    if (guest.status === 'declined') throw conflict('That guest was turned away. They can ask again.');
    if (guest.expiresAt <= new Date())
      throw conflict('That request to join has expired. They can ask again.');
    const result = await s.meetings.admitGuest(meeting.id, actor.districtId, {
      guestId: guest.id,
      name: guest.name,
      by: actor.userId,
      idempotencyKey: `admit-guest:${guest.id}`,
    });
    if (!result.ok) {
      if (result.error.code === 'NOT_ALLOWED') throw forbidden('Only the facilitator lets guests in.');
      throw conflict(result.error.message);
    }
    if (guest.status === 'admitted') return presentGuest(guest);
    return recordDecision(actor, meeting, guest, 'admitted', req);
  });

  registerEndpoint(app, api.declineMeetingGuest, async ({ actor, params, req }) => {
    const { meeting, subject } = await meetingFor(actor, params.meetingId);
    authorize(actor, 'take-part', subject);
    const guest = await loadGuest(s.db, actor.districtId, meeting.id, params.guestId);
    if (!guest) throw notFound('That guest');
    await requireFacilitator(actor, meeting);
    if (guest.status === 'admitted') throw conflict('That guest is already taking part.');
    if (guest.status === 'declined') return presentGuest(guest);
    return recordDecision(actor, meeting, guest, 'declined', req);
  });
}
