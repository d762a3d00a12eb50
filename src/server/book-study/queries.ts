/**
 * Book studies (issue 14, BOOK-*), scoped to the caller's tenant (a district, or a network: ADR 0032). Every query
 * names `district_id` (the tenant key); a study is loaded with its group, so the group's policy decides who sees
 * it. Reflections are read already filtered: the group's shared ones and the caller's own, never another
 * person's private one (BOOK-3).
 */
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { BookSectionInput, CreateBookStudy, NewBookReflection } from '#contracts/book-study';
import type { Routine } from '#contracts/routine';
import { isbnProblem, normalizeIsbn, scheduleIssues } from '#core/book-study/index';
import type { DbOrTx } from '../db/client';
import { bookReflections, bookSections, bookStudies, users } from '../db/schema';
import { loadGroup, type GroupRow } from '../groups/queries';
import { badRequest, notFound, type FieldProblem } from '../http/errors';
import type { Actor } from '../policy/actor';
import { resolveRoutine } from '../routines/queries';

export type StudyRow = typeof bookStudies.$inferSelect;
export type SectionRow = typeof bookSections.$inferSelect;
export type ReflectionRow = typeof bookReflections.$inferSelect;
export interface ReflectionWithAuthor {
  reflection: ReflectionRow;
  authorName: string;
}

type SectionInput = BookSectionInput;

/** A study of the caller's tenant and its group; another tenant's (or a made-up id) is simply not found. */
export async function loadStudy(
  db: DbOrTx,
  actor: Actor,
  studyId: string,
): Promise<{ study: StudyRow; group: GroupRow }> {
  const [study] = await db
    .select()
    .from(bookStudies)
    .where(and(eq(bookStudies.id, studyId), eq(bookStudies.districtId, actor.districtId)));
  if (!study) throw notFound('That book study');
  return { study, group: await loadGroup(db, actor, study.groupId) };
}

export async function sectionsOf(db: DbOrTx, study: StudyRow): Promise<SectionRow[]> {
  return db
    .select()
    .from(bookSections)
    .where(and(eq(bookSections.districtId, study.districtId), eq(bookSections.studyId, study.id)))
    .orderBy(asc(bookSections.position));
}

/** A section of this study (locked for the transaction when `forUpdate`). */
export async function loadSection(
  db: DbOrTx,
  study: StudyRow,
  sectionId: string,
  forUpdate = false,
): Promise<SectionRow> {
  const query = db
    .select()
    .from(bookSections)
    .where(
      and(
        eq(bookSections.id, sectionId),
        eq(bookSections.studyId, study.id),
        eq(bookSections.districtId, study.districtId),
      ),
    );
  const [section] = forUpdate ? await query.for('update') : await query;
  if (!section) throw notFound('That section');
  return section;
}

/** BOOK-3: the reflections `userId` may read in this study: the shared ones, and their own private ones. */
export async function reflectionsFor(
  db: DbOrTx,
  study: StudyRow,
  userId: string,
): Promise<ReflectionWithAuthor[]> {
  return db
    .select({ reflection: bookReflections, authorName: users.name })
    .from(bookReflections)
    .innerJoin(
      bookSections,
      and(
        eq(bookSections.id, bookReflections.sectionId),
        eq(bookSections.districtId, bookReflections.districtId),
      ),
    )
    .innerJoin(
      users,
      and(eq(users.id, bookReflections.authorId), eq(users.districtId, bookReflections.districtId)),
    )
    .where(
      and(
        eq(bookReflections.districtId, study.districtId),
        eq(bookSections.studyId, study.id),
        or(eq(bookReflections.visibility, 'shared'), eq(bookReflections.authorId, userId)),
      ),
    )
    .orderBy(asc(bookReflections.createdAt), asc(bookReflections.id));
}

export interface StudyListing {
  study: StudyRow;
  sectionCount: number;
  firstReadBy: string | null;
  lastReadBy: string | null;
  /** The first read-by day on or after today in the group's zone. */
  nextReadBy: string | null;
}

/** The group's studies, newest first; `timeZone` is the group's (its "today" decides each study's next read-by day). */
export async function studiesOf(db: DbOrTx, group: GroupRow, timeZone: string): Promise<StudyListing[]> {
  const today = sql`(now() at time zone ${timeZone})::date`;
  const rows = await db
    .select({
      study: bookStudies,
      sectionCount: sql<number>`count(${bookSections.id})::int`,
      firstReadBy: sql<string | null>`min(${bookSections.readBy})::text`,
      lastReadBy: sql<string | null>`max(${bookSections.readBy})::text`,
      nextReadBy: sql<
        string | null
      >`(min(${bookSections.readBy}) filter (where ${bookSections.readBy} >= ${today}))::text`,
    })
    .from(bookStudies)
    .leftJoin(
      bookSections,
      and(eq(bookSections.studyId, bookStudies.id), eq(bookSections.districtId, bookStudies.districtId)),
    )
    .where(and(eq(bookStudies.districtId, group.districtId), eq(bookStudies.groupId, group.id)))
    .groupBy(bookStudies.id)
    .orderBy(desc(bookStudies.createdAt), desc(bookStudies.id));
  return rows;
}

/** BOOK-ISBN: the ISBN as stored (normalized), or a 400 naming `isbn` when its form or check digit is wrong. */
export function checkedIsbn(isbn: string | null): string | null {
  if (isbn === null || isbn === '') return null;
  const normalized = normalizeIsbn(isbn);
  const problem = isbnProblem(normalized);
  if (problem)
    throw badRequest('Check the ISBN.', [
      {
        path: 'isbn',
        message:
          problem === 'format'
            ? 'An ISBN has 10 digits (the last may be X) or 13 digits starting 978 or 979'
            : 'The check digit does not match: a digit may be mistyped',
      },
    ]);
  return normalized;
}

/**
 * BOOK-SCHED-2 and the routines: the sections' problems as one 400 naming each field. Each routine must be one the
 * group can run (its own copies, the library, Ensemble's); the routines found are returned by id.
 */
export async function checkSections(
  db: DbOrTx,
  shipped: ReadonlyMap<string, Routine>,
  group: GroupRow,
  input: readonly BookSectionInput[],
): Promise<{ sections: SectionInput[]; routines: Map<string, Routine> }> {
  const sections = [...input];
  const problems: FieldProblem[] = [...scheduleIssues(sections)];
  const routines = new Map<string, Routine>();
  for (const [i, s] of sections.entries()) {
    if (s.routineId === null || routines.has(s.routineId)) continue;
    const routine = await resolveRoutine(db, shipped, group.districtId, group.id, s.routineId, undefined, {
      current: true,
    });
    if (routine) routines.set(s.routineId, routine);
    else problems.push({ path: `sections.${i}.routineId`, message: 'Choose a routine this group can run' });
  }
  if (problems.length) throw badRequest('Check the sections of the study.', problems);
  return { sections, routines };
}

async function insertSections(
  tx: DbOrTx,
  study: StudyRow,
  sections: readonly (SectionInput & { position: number })[],
) {
  if (!sections.length) return;
  await tx.insert(bookSections).values(
    sections.map((s) => ({
      districtId: study.districtId,
      studyId: study.id,
      position: s.position,
      title: s.title,
      pages: s.pages,
      readBy: s.readBy,
      sessionAt: s.sessionAt,
      routineId: s.routineId,
      prompts: s.prompts,
    })),
  );
}

/** BOOK-1: the study and its sections, in one transaction (sections are checked before). */
export async function insertStudy(
  tx: DbOrTx,
  actor: Actor,
  group: GroupRow,
  body: Omit<CreateBookStudy, 'sections'>,
  sections: readonly SectionInput[],
): Promise<StudyRow> {
  const isbn = checkedIsbn(body.isbn);
  const [study] = await tx
    .insert(bookStudies)
    .values({
      districtId: actor.districtId,
      groupId: group.id,
      title: body.title,
      authors: body.authors,
      isbn,
      createdBy: actor.userId,
    })
    .returning();
  if (!study) throw new Error('insert returned no row');
  await insertSections(
    tx,
    study,
    sections.map((s, position) => ({ ...s, position })),
  );
  return study;
}

/** What a replacement did to sections that had a meeting: moved, re-planned or cancelled with them (BOOK-5). */
export interface SectionChange {
  before: SectionRow;
  after: SectionInput;
}

/**
 * BOOK-4: replaces the sections. A section named by `id` is updated in place (its reflections and meeting stay);
 * one without an id is new; a section left out is removed, unless it holds reflections or a meeting (a 400 naming
 * `sections`: nobody's writing is dropped by a change of schedule). The study's SEQUENCE grows for calendars.
 * Returns the kept sections that have a meeting, for the caller to carry the change to it.
 */
export async function replaceSections(
  tx: DbOrTx,
  study: StudyRow,
  sections: readonly SectionInput[],
): Promise<SectionChange[]> {
  const existing = await tx
    .select()
    .from(bookSections)
    .where(and(eq(bookSections.districtId, study.districtId), eq(bookSections.studyId, study.id)))
    .for('update');
  const byId = new Map(existing.map((s) => [s.id, s]));
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  sections.forEach((s, i) => {
    if (s.id === undefined) return;
    if (!byId.has(s.id)) problems.push({ path: `sections.${i}.id`, message: 'Not a section of this study' });
    else if (seen.has(s.id))
      problems.push({ path: `sections.${i}.id`, message: 'This section is listed twice' });
    seen.add(s.id);
  });
  const leaving = existing.filter((s) => !seen.has(s.id));
  const withReflections = leaving.length
    ? new Set(
        (
          await tx
            .selectDistinct({ sectionId: bookReflections.sectionId })
            .from(bookReflections)
            .where(
              and(
                eq(bookReflections.districtId, study.districtId),
                inArray(
                  bookReflections.sectionId,
                  leaving.map((s) => s.id),
                ),
              ),
            )
        ).map((r) => r.sectionId),
      )
    : new Set<string>();
  for (const s of leaving) {
    if (withReflections.has(s.id))
      problems.push({ path: 'sections', message: `"${s.title}" has reflections: keep it (with its id)` });
    else if (s.meetingId)
      problems.push({
        path: 'sections',
        message: `"${s.title}" has a scheduled session: keep it (with its id)`,
      });
  }
  if (problems.length) throw badRequest('Check the sections of the study.', problems);
  if (leaving.length)
    await tx.delete(bookSections).where(
      and(
        eq(bookSections.districtId, study.districtId),
        inArray(
          bookSections.id,
          leaving.map((s) => s.id),
        ),
      ),
    );
  const changes: SectionChange[] = [];
  for (const [position, s] of sections.entries()) {
    const before = s.id === undefined ? undefined : byId.get(s.id);
    if (!before) continue;
    await tx
      .update(bookSections)
      .set({
        position,
        title: s.title,
        pages: s.pages,
        readBy: s.readBy,
        sessionAt: s.sessionAt,
        routineId: s.routineId,
        prompts: s.prompts,
      })
      .where(and(eq(bookSections.id, before.id), eq(bookSections.districtId, study.districtId)));
    if (before.meetingId) changes.push({ before, after: s });
  }
  await insertSections(
    tx,
    study,
    sections.flatMap((s, position) => (s.id === undefined ? [{ ...s, position }] : [])),
  );
  await tx
    .update(bookStudies)
    .set({ sequence: sql`${bookStudies.sequence} + 1`, updatedAt: new Date() })
    .where(and(eq(bookStudies.id, study.id), eq(bookStudies.districtId, study.districtId)));
  return changes;
}

export async function insertReflection(
  db: DbOrTx,
  actor: Actor,
  section: SectionRow,
  body: NewBookReflection,
): Promise<ReflectionRow> {
  const [row] = await db
    .insert(bookReflections)
    .values({
      districtId: actor.districtId,
      sectionId: section.id,
      authorId: actor.userId,
      body: body.text,
      visibility: body.visibility,
      sharedAt: body.visibility === 'shared' ? new Date() : null,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** A reflection of the caller's tenant with its section's study and group (its author is checked by the policy). */
export async function loadReflection(db: DbOrTx, actor: Actor, reflectionId: string) {
  const [row] = await db
    .select({ reflection: bookReflections, studyId: bookSections.studyId })
    .from(bookReflections)
    .innerJoin(
      bookSections,
      and(
        eq(bookSections.id, bookReflections.sectionId),
        eq(bookSections.districtId, bookReflections.districtId),
      ),
    )
    .where(and(eq(bookReflections.id, reflectionId), eq(bookReflections.districtId, actor.districtId)));
  if (!row) throw notFound('That reflection');
  const { study, group } = await loadStudy(db, actor, row.studyId);
  return { reflection: row.reflection, study, group };
}

/** BOOK-3: a private reflection becomes the group's (sharing twice changes nothing). */
export async function shareReflection(db: DbOrTx, reflection: ReflectionRow): Promise<ReflectionRow> {
  if (reflection.visibility === 'shared') return reflection;
  const [row] = await db
    .update(bookReflections)
    .set({ visibility: 'shared', sharedAt: new Date() })
    .where(and(eq(bookReflections.id, reflection.id), eq(bookReflections.districtId, reflection.districtId)))
    .returning();
  return row ?? reflection;
}

export async function authorName(db: DbOrTx, districtId: string, userId: string): Promise<string> {
  const [row] = await db
    .select({ name: users.name })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.districtId, districtId)));
  return row?.name ?? '';
}

export async function setSectionMeeting(db: DbOrTx, section: SectionRow, meetingId: string) {
  await db
    .update(bookSections)
    .set({ meetingId })
    .where(and(eq(bookSections.id, section.id), eq(bookSections.districtId, section.districtId)));
}
