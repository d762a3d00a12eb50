/**
 * A meeting as its summary answers it (`MeetingSummary`): whether the caller runs it or takes part, and a suggested
 * presenter per routine from the team's members (rotation). Shared by the meeting routes and book study sessions.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Language } from '#contracts/auth';
import type { MeetingSummary } from '#contracts/meetings-api';
import { suggestPresenters } from '#core/meeting/index';
import type { DbOrTx } from '../db/client';
import { meetingEvents, meetings } from '../db/schema';
import { activeMembers, groupSubject, type GroupRow } from '../groups/queries';
import type { Actor } from '../policy/actor';
import { can } from '../policy/policy';
import { presentMeetingSummary } from './presenter';
import { inviteeIdsOf, type MeetingRow } from './queries';
import { eventColumns, parseStoredEvent } from './store';

/** Past presenters of the group, oldest first, for rotation. */
async function pastPresenters(db: DbOrTx, districtId: string, groupId: string): Promise<string[]> {
  const rows = await db
    .select(eventColumns)
    .from(meetingEvents)
    .innerJoin(
      meetings,
      and(eq(meetings.id, meetingEvents.meetingId), eq(meetings.districtId, meetingEvents.districtId)),
    )
    .where(
      and(
        eq(meetings.districtId, districtId),
        eq(meetings.groupId, groupId),
        eq(meetingEvents.type, 'roles.assigned'),
      ),
    )
    .orderBy(asc(meetingEvents.committedAt), asc(meetingEvents.seq));
  // Each row parsed with its schema (a row that does not parse is skipped), never a cast of its payload.
  return rows.flatMap((row) => {
    const event = parseStoredEvent(row);
    return event?.type === 'roles.assigned' && event.payload.presenter ? [event.payload.presenter] : [];
  });
}

export async function activeMemberIds(db: DbOrTx, districtId: string, groupId: string): Promise<string[]> {
  return (await activeMembers(db, districtId, groupId)).map((r) => r.id);
}

export function present(
  m: MeetingRow,
  group: GroupRow,
  actor: Actor,
  suggestedPresenterIds: (string | null)[],
  publicUrl: string | null,
  inviteeIds: readonly string[] = [],
  language: Language = 'en',
): MeetingSummary {
  return presentMeetingSummary(
    m,
    group.name,
    {
      // TRUST-READ-2: running a meeting puts you on its roster, so it takes membership as well as the rank.
      canRun: can(actor, 'run-meetings', groupSubject(group)) && can(actor, 'take-part', groupSubject(group)),
      // PM-GUEST-3: a person invited to this meeting takes part in it too.
      canTakePart: can(actor, 'take-part', groupSubject(group)) || inviteeIds.includes(actor.userId),
      suggestedPresenterIds,
      publicUrl,
    },
    language,
  );
}

export async function presentWithSuggestion(
  db: DbOrTx,
  m: MeetingRow,
  group: GroupRow,
  actor: Actor,
  publicUrl: string | null,
  language: Language = 'en',
) {
  const inviteeIds = await inviteeIdsOf(db, actor.districtId, m.id);
  // PM-GUEST-3: someone invited to this meeting only learns nothing of the team's members from it.
  if (!can(actor, 'read', groupSubject(group)))
    return present(
      m,
      group,
      actor,
      m.agenda.map(() => null),
      publicUrl,
      inviteeIds,
      language,
    );
  const suggestions = suggestPresenters(
    await activeMemberIds(db, actor.districtId, group.id),
    await pastPresenters(db, actor.districtId, group.id),
    m.agenda.length,
  );
  return present(m, group, actor, suggestions, publicUrl, inviteeIds, language);
}
