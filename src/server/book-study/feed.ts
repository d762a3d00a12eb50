/**
 * A study as its calendar shows it (BOOK-6), and every study of a feed's teams (CAL-ITEMS-1): the caller has
 * already decided which teams the reader may see; every query here is filtered by the study's tenant.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Language } from '#contracts/auth';
import { totalMinutes } from '#core/routines/index';
import { bookStudies } from '../db/schema';
import type { GroupRow } from '../groups/queries';
import { routineIn } from '../routines/catalog';
import { resolveRoutine } from '../routines/queries';
import { teamTimeZone } from '../schedule/queries';
import type { Services } from '../services';
import type { BookStudyCalendar } from './calendar';
import { sectionsOf, type StudyRow } from './queries';

type Deps = Pick<Services, 'db' | 'routines' | 'link'>;

/** The calendar input of one study of `group`; Ensemble's own routines named in `language` (I18N-CONTENT-8). */
export async function studyCalendar(
  s: Deps,
  study: StudyRow,
  group: GroupRow,
  language: Language = 'en',
): Promise<BookStudyCalendar> {
  const sections = await sectionsOf(s.db, study);
  const routines = new Map<string, { name: string; minutes: number } | null>();
  for (const id of new Set(sections.flatMap((x) => (x.routineId ? [x.routineId] : [])))) {
    const routine = await resolveRoutine(s.db, s.routines, group.districtId, group.id, id, undefined, {
      current: true,
    });
    routines.set(
      id,
      routine ? { name: routineIn(routine, language).name, minutes: totalMinutes(routine) } : null,
    );
  }
  return {
    title: study.title,
    authors: study.authors,
    groupName: group.name,
    timeZone: await teamTimeZone(s.db, group),
    sequence: study.sequence,
    updatedAt: study.updatedAt,
    // The group's page, where its studies are listed.
    url: s.link(`/teams/${group.id}`),
    sections: sections.map((x) => ({
      id: x.id,
      title: x.title,
      pages: x.pages,
      readBy: x.readBy,
      sessionAt: x.sessionAt,
      routine: x.routineId ? (routines.get(x.routineId) ?? null) : null,
      prompts: x.prompts,
      hasMeeting: x.meetingId !== null,
    })),
  };
}

/** CAL-ITEMS-1: every study of these teams (one tenant's), oldest first. */
export async function studyCalendarsOf(
  s: Deps,
  districtId: string,
  teams: readonly GroupRow[],
  language: Language = 'en',
): Promise<BookStudyCalendar[]> {
  if (!teams.length) return [];
  const byId = new Map(teams.map((g) => [g.id, g]));
  const rows = await s.db
    .select()
    .from(bookStudies)
    .where(and(eq(bookStudies.districtId, districtId), inArray(bookStudies.groupId, [...byId.keys()])))
    .orderBy(asc(bookStudies.createdAt));
  const out: BookStudyCalendar[] = [];
  for (const study of rows) {
    const group = byId.get(study.groupId);
    if (group) out.push(await studyCalendar(s, study, group, language));
  }
  return out;
}
