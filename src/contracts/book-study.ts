/**
 * Book studies (issue 14, BOOK-*): a group (a district team or a network cohort) reads a book together: its
 * sections in order, each with a read-by day, an optional session (a local date-time in the group's time zone,
 * with the routine it meets with) and discussion prompts; members write reflections per section, private to
 * their author unless shared with the group. The ISBN's check digit is checked on the server
 * (`src/core/book-study/isbn.ts`, BOOK-ISBN), which the web can use too.
 */
import { z } from './zod';
import { Id, IsoDateTime } from './common';
import { Slug } from './routine';
import { LocalDate } from './schedule';

export const BOOK_AUTHORS_MAX = 10;
export const BOOK_SECTIONS_MAX = 40;
export const BOOK_PROMPTS_MAX = 8;
export const BOOK_REFLECTION_MAX = 4000;

/** `YYYY-MM-DDTHH:MM`: a wall-clock date and time in the group's time zone (no offset), years 2000-2199. */
export const LocalDateTime = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, 'Use a date and time like 2027-01-31T16:00'),
  z.refine((v) => LocalDate.safeParse(v.slice(0, 10)).success, 'Not a real date'),
);

/** As typed: digits with hyphens or spaces (an ISBN-10 may end in X); its check digit is checked on the server. */
export const IsbnText = z
  .string()
  .check(
    z.trim(),
    z.maxLength(20),
    z.regex(/^[0-9][0-9\s-]*[0-9Xx]$/, 'Use the 10 or 13 digits of the ISBN (hyphens are fine)'),
  );

const Text = (what: string, max: number) =>
  z.string().check(z.trim(), z.minLength(1, `Enter ${what}`), z.maxLength(max));

export const BookSectionInput = z.strictObject({
  /** An existing section to keep (with its reflections and meeting); absent for a new one. */
  id: z.optional(Id),
  title: Text('a title for the section', 160),
  /** Pages or chapters, as the group says them ("Chapters 1-3", "pp. 1-48"). */
  pages: z._default(z.string().check(z.trim(), z.maxLength(120)), ''),
  readBy: LocalDate,
  /** When the group meets about it, in the group's time zone. */
  sessionAt: z._default(z.nullable(LocalDateTime), null),
  /** The routine that session runs (a routine the group can run). */
  routineId: z._default(z.nullable(Slug), null),
  prompts: z._default(
    z
      .array(Text('the prompt', 500))
      .check(z.maxLength(BOOK_PROMPTS_MAX, `At most ${BOOK_PROMPTS_MAX} discussion prompts a section`)),
    [],
  ),
});
export type BookSectionInput = z.infer<typeof BookSectionInput>;

const Sections = z
  .array(BookSectionInput)
  .check(
    z.minLength(1, 'Split the book into at least one section'),
    z.maxLength(BOOK_SECTIONS_MAX, `At most ${BOOK_SECTIONS_MAX} sections`),
  );

export const CreateBookStudy = z.strictObject({
  title: Text('the book title', 200),
  authors: z
    .array(Text("the author's name", 120))
    .check(
      z.minLength(1, 'Name at least one author'),
      z.maxLength(BOOK_AUTHORS_MAX, `At most ${BOOK_AUTHORS_MAX} authors`),
    ),
  isbn: z._default(z.nullable(IsbnText), null),
  sections: Sections,
});
export type CreateBookStudy = z.infer<typeof CreateBookStudy>;

/** BOOK-4: the sections and schedule, replaced as a whole (sections named by `id` are kept). */
export const ReplaceBookSections = z.strictObject({ sections: Sections });
export type ReplaceBookSections = z.infer<typeof ReplaceBookSections>;

export const BookReflectionVisibility = z.enum(['private', 'shared']);

export const NewBookReflection = z.strictObject({
  text: Text('your reflection', BOOK_REFLECTION_MAX),
  /** Private (the default): its author alone reads it; shared: the group's members read it. */
  visibility: z._default(BookReflectionVisibility, 'private'),
});
export type NewBookReflection = z.infer<typeof NewBookReflection>;

export const BookReflection = z.object({
  id: Id,
  sectionId: Id,
  author: z.object({ id: Id, name: z.string() }),
  text: z.string(),
  visibility: BookReflectionVisibility,
  writtenAt: IsoDateTime,
  sharedAt: z.nullable(IsoDateTime),
  /** Written by the caller (only then may it be shared, and only then is a private one in the answer). */
  mine: z.boolean(),
});
export type BookReflection = z.infer<typeof BookReflection>;

export const BookSection = z.object({
  id: Id,
  position: z.number().check(z.int()),
  title: z.string(),
  pages: z.string(),
  readBy: LocalDate,
  sessionAt: z.nullable(LocalDateTime),
  routineId: z.nullable(z.string()),
  prompts: z.array(z.string()),
  /** The meeting scheduled for its session, if any. */
  meetingId: z.nullable(Id),
  /** Shared reflections of the group's members and the caller's own private ones, oldest first. */
  reflections: z.array(BookReflection),
});
export type BookSection = z.infer<typeof BookSection>;

export const BookStudySummary = z.object({
  id: Id,
  groupId: Id,
  title: z.string(),
  authors: z.array(z.string()),
  isbn: z.nullable(z.string()),
  sectionCount: z.number().check(z.int()),
  /** The first read-by day, and the last. */
  firstReadBy: z.nullable(LocalDate),
  lastReadBy: z.nullable(LocalDate),
  /** The first read-by day from today on, today being the group's (in its time zone); null once all have passed. */
  nextReadBy: z.nullable(LocalDate),
  createdAt: IsoDateTime,
});
export type BookStudySummary = z.infer<typeof BookStudySummary>;

/** A group's studies, newest first, and what the caller may do there (BOOK-WEB-1). */
export const BookStudyList = z.object({
  items: z.array(BookStudySummary),
  can: z.object({
    /** Start a book study: those who run the group (its facilitators, its school's leader, admins; conveners). */
    start: z.boolean(),
  }),
});
export type BookStudyList = z.infer<typeof BookStudyList>;

export const BookStudyDetail = z.extend(BookStudySummary, {
  group: z.object({ id: Id, name: z.string(), kind: z.string() }),
  /** The zone session times are in (the group's: its school's, else its district's or network's). */
  timeZone: z.string(),
  sections: z.array(BookSection),
  can: z.object({
    /** Change the sections and schedule, schedule sessions: those who run the group. */
    manage: z.boolean(),
    /** Write reflections: the group's members. */
    reflect: z.boolean(),
  }),
});
export type BookStudyDetail = z.infer<typeof BookStudyDetail>;
