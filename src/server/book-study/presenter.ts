/** Book studies as the API answers them (BOOK-*): one presenter per shape, plain functions of rows. */
import type { BookReflection, BookStudyDetail, BookStudyList, BookStudySummary } from '#contracts/book-study';
import type { GroupRow } from '../groups/queries';
import type { Actor } from '../policy/actor';
import type { ReflectionRow, ReflectionWithAuthor, SectionRow, StudyListing, StudyRow } from './queries';

export function presentSummary(listing: StudyListing): BookStudySummary {
  const { study } = listing;
  return {
    id: study.id,
    groupId: study.groupId,
    title: study.title,
    authors: study.authors,
    isbn: study.isbn,
    sectionCount: listing.sectionCount,
    firstReadBy: listing.firstReadBy,
    lastReadBy: listing.lastReadBy,
    nextReadBy: listing.nextReadBy,
    createdAt: study.createdAt.toISOString(),
  };
}

/** The group's studies, and whether the caller may start one (BOOK-WEB-1: the web offers the form by it). */
export function presentList(listings: readonly StudyListing[], mayStart: boolean): BookStudyList {
  return { items: listings.map(presentSummary), can: { start: mayStart } };
}

export function presentReflection(
  actor: Actor,
  reflection: ReflectionRow,
  authorName: string,
): BookReflection {
  return {
    id: reflection.id,
    sectionId: reflection.sectionId,
    author: { id: reflection.authorId, name: authorName },
    text: reflection.body,
    visibility: reflection.visibility,
    writtenAt: reflection.createdAt.toISOString(),
    sharedAt: reflection.sharedAt?.toISOString() ?? null,
    mine: reflection.authorId === actor.userId,
  };
}

/**
 * The study with its sections; `reflections` are those the caller may read (already filtered by the query:
 * shared ones and the caller's own), and none at all for someone who runs the group without being in it.
 */
export function presentDetail(
  actor: Actor,
  d: {
    study: StudyRow;
    group: GroupRow;
    timeZone: string;
    /** Today in the group's zone (`YYYY-MM-DD`): the next read-by day is the first from it on. */
    today: string;
    sections: readonly SectionRow[];
    reflections: readonly ReflectionWithAuthor[];
    can: BookStudyDetail['can'];
  },
): BookStudyDetail {
  const readBy = d.sections.map((s) => s.readBy).sort();
  return {
    ...presentSummary({
      study: d.study,
      sectionCount: d.sections.length,
      firstReadBy: readBy[0] ?? null,
      lastReadBy: readBy.at(-1) ?? null,
      nextReadBy: readBy.find((day) => day >= d.today) ?? null,
    }),
    group: { id: d.group.id, name: d.group.name, kind: d.group.kind },
    timeZone: d.timeZone,
    sections: d.sections.map((s) => ({
      id: s.id,
      position: s.position,
      title: s.title,
      pages: s.pages,
      readBy: s.readBy,
      sessionAt: s.sessionAt,
      routineId: s.routineId,
      prompts: s.prompts,
      meetingId: s.meetingId,
      reflections: d.reflections
        .filter((r) => r.reflection.sectionId === s.id)
        .map((r) => presentReflection(actor, r.reflection, r.authorName)),
    })),
    can: d.can,
  };
}
