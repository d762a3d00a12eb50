/**
 * Scheduling one meeting of a group (not a series): the `scheduleMeeting` route and a book study's section
 * sessions (BOOK-5) both come here, so a meeting is made one way, with its own join code.
 */
import type { Routine } from '#contracts/routine';
import { agendaOf, totalMinutes } from '#core/routines/index';
import { newJoinCode } from '../auth/tokens';
import type { DbOrTx } from '../db/client';
import { meetings } from '../db/schema';
import type { GroupRow } from '../groups/queries';
import { conflict } from '../http/errors';
import type { Actor } from '../policy/actor';
import type { MeetingRow } from './queries';
import { isUniqueViolation } from './store';

/** A scheduled meeting of `group` running `routines` (already resolved for it); a join code collision draws another. */
export async function scheduleGroupMeeting(
  db: DbOrTx,
  actor: Actor,
  group: GroupRow,
  m: { title: string; scheduledFor: Date | null; routines: readonly Routine[] },
): Promise<MeetingRow> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const [row] = await db
        .insert(meetings)
        .values({
          districtId: actor.districtId,
          groupId: group.id,
          title: m.title,
          scheduledFor: m.scheduledFor,
          agenda: agendaOf(m.routines),
          totalMinutes: m.routines.reduce((sum, r) => sum + totalMinutes(r), 0),
          joinCode: newJoinCode().slice(0, 6),
          createdBy: actor.userId,
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err; // a join code collision: draw another
    }
  }
  throw conflict('Could not make a unique meeting code. Try again.');
}
