/**
 * Reads and writes of meeting guests (ADR 0013), each scoped to a district except the two a guest starts from
 * (the meeting code they typed, the cookie they hold), which name no district and reveal none.
 */
import { and, asc, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { groups, meetingGuests, meetings } from '../db/schema';
import { hashSecret } from '../auth/tokens';
import type { GuestActor } from '../policy/actor';
import { guestSessionId } from './sessions';

export type GuestRow = typeof meetingGuests.$inferSelect;
type MeetingRow = typeof meetings.$inferSelect;
type GroupRow = typeof groups.$inferSelect;

/** At most this many guests wait at once in one meeting's lobby (a code seen through a window is no flood). */
export const WAITING_GUESTS_MAX = 30;

/** The open (live) meeting with this code, in any district: a guest has no district yet. */
export async function openMeetingByCode(db: DbOrTx, code: string): Promise<MeetingRow | null> {
  if (!code) return null;
  const [m] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.joinCode, code), eq(meetings.status, 'live')))
    .limit(1);
  return m ?? null;
}

export async function waitingCount(db: DbOrTx, districtId: string, meetingId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(meetingGuests)
    .where(
      and(
        eq(meetingGuests.districtId, districtId),
        eq(meetingGuests.meetingId, meetingId),
        eq(meetingGuests.status, 'waiting'),
        gt(meetingGuests.expiresAt, new Date()),
      ),
    );
  return row?.n ?? 0;
}

export async function insertGuest(
  db: DbOrTx,
  values: { districtId: string; meetingId: string; name: string; secret: string; expiresAt: Date },
): Promise<GuestRow> {
  const [row] = await db
    .insert(meetingGuests)
    .values({
      districtId: values.districtId,
      meetingId: values.meetingId,
      name: values.name,
      secretHash: hashSecret(values.secret),
      expiresAt: values.expiresAt,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** The guest a cookie stands for, with their meeting and its team; null for an unknown or expired secret. */
export async function guestBySecret(
  db: DbOrTx,
  secret: string | undefined,
): Promise<{ guest: GuestRow; meeting: MeetingRow; group: GroupRow } | null> {
  if (!secret || secret.length > 100) return null;
  const [row] = await db
    .select({ guest: meetingGuests, meeting: meetings, group: groups })
    .from(meetingGuests)
    .innerJoin(
      meetings,
      and(eq(meetings.id, meetingGuests.meetingId), eq(meetings.districtId, meetingGuests.districtId)),
    )
    .innerJoin(groups, and(eq(groups.id, meetings.groupId), eq(groups.districtId, meetings.districtId)))
    .where(and(eq(meetingGuests.secretHash, hashSecret(secret)), gt(meetingGuests.expiresAt, new Date())))
    .limit(1);
  return row ?? null;
}

/**
 * The principal a guest row stands for, or null once it no longer stands for anything: declined, expired, or
 * its meeting has ended (the guest's access ends with the meeting, DAY-FIRST-5).
 */
export function guestActorOf(guest: GuestRow, meeting: MeetingRow, now = new Date()): GuestActor | null {
  if (guest.status === 'declined' || meeting.status !== 'live' || guest.expiresAt <= now) return null;
  return {
    kind: 'guest',
    userId: guest.id,
    districtId: guest.districtId,
    meetingId: guest.meetingId,
    name: guest.name,
    sessionId: guestSessionId(guest.secretHash),
    admitted: guest.status === 'admitted',
  };
}

/** The guest as the database has it now (a socket's guest was resolved at connect time). */
export async function currentGuest(
  db: DbOrTx,
  districtId: string,
  guestId: string,
): Promise<GuestActor | null> {
  const [row] = await db
    .select({ guest: meetingGuests, meeting: meetings })
    .from(meetingGuests)
    .innerJoin(
      meetings,
      and(eq(meetings.id, meetingGuests.meetingId), eq(meetings.districtId, meetingGuests.districtId)),
    )
    .where(and(eq(meetingGuests.districtId, districtId), eq(meetingGuests.id, guestId)))
    .limit(1);
  return row ? guestActorOf(row.guest, row.meeting) : null;
}

/** The meeting's guests who asked or were let in (declined ones drop out), oldest first. */
export async function guestsOfMeeting(
  db: DbOrTx,
  districtId: string,
  meetingId: string,
): Promise<GuestRow[]> {
  return db
    .select()
    .from(meetingGuests)
    .where(
      and(
        eq(meetingGuests.districtId, districtId),
        eq(meetingGuests.meetingId, meetingId),
        ne(meetingGuests.status, 'declined'),
      ),
    )
    .orderBy(asc(meetingGuests.askedAt))
    .limit(200);
}

export async function loadGuest(
  db: DbOrTx,
  districtId: string,
  meetingId: string,
  guestId: string,
): Promise<GuestRow | null> {
  const [row] = await db
    .select()
    .from(meetingGuests)
    .where(
      and(
        eq(meetingGuests.districtId, districtId),
        eq(meetingGuests.meetingId, meetingId),
        eq(meetingGuests.id, guestId),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function decideGuest(
  db: DbOrTx,
  guest: GuestRow,
  status: 'admitted' | 'declined',
  by: string,
): Promise<GuestRow> {
  const [row] = await db
    .update(meetingGuests)
    .set({ status, decidedBy: by, decidedAt: new Date() })
    .where(and(eq(meetingGuests.districtId, guest.districtId), eq(meetingGuests.id, guest.id)))
    .returning();
  return row ?? guest;
}

/**
 * Of these guest session ids (`g:<hash>`), those that still stand: not declined or expired, meeting not ended.
 * The realtime sweep's counterpart of `liveSessionIds` (TRUST-REVOKE-7).
 */
export async function liveGuestSessionIds(db: Db, sessionIds: readonly string[]): Promise<Set<string>> {
  const hashes = sessionIds.filter((id) => id.startsWith('g:')).map((id) => id.slice(2));
  if (!hashes.length) return new Set();
  const rows = await db
    .select({ hash: meetingGuests.secretHash })
    .from(meetingGuests)
    .innerJoin(
      meetings,
      and(eq(meetings.id, meetingGuests.meetingId), eq(meetings.districtId, meetingGuests.districtId)),
    )
    .where(
      and(
        inArray(meetingGuests.secretHash, hashes),
        ne(meetingGuests.status, 'declined'),
        gt(meetingGuests.expiresAt, new Date()),
        eq(meetings.status, 'live'),
      ),
    );
  return new Set(rows.map((r) => guestSessionId(r.hash)));
}
