/**
 * The sections editor's draft (BOOK-WEB-2): rows as typed, the body the server takes, read-by days proposed from a
 * first day and a cadence (core's BOOK-SCHED-1), and where a 400's problems show. No React here (tested alone).
 */
import type { BookSection, BookSectionInput } from '#contracts/book-study';
import { proposeReadingSchedule } from '#core/book-study/schedule';
import { ApiRequestError, isApiRequestError } from '../api/client';

export interface SectionDraft {
  /** A key for React that stays with the row (an existing section's id, else a new one). */
  key: string;
  /** The section kept (BOOK-4), absent for a new one. */
  id?: string;
  title: string;
  pages: string;
  readBy: string;
  /** `YYYY-MM-DDTHH:MM` as a `datetime-local` input gives it, or ''. */
  sessionAt: string;
  routineId: string;
  /** One prompt a line. */
  prompts: string;
}

let nextKey = 0;
const newKey = () => `new-${String((nextKey += 1))}`;

export function emptySection(readBy = ''): SectionDraft {
  return { key: newKey(), title: '', pages: '', readBy, sessionAt: '', routineId: '', prompts: '' };
}

/** The study's sections as editable rows (each keeps its id: BOOK-4 keeps it with its reflections and meeting). */
export function draftsOf(sections: readonly BookSection[]): SectionDraft[] {
  return sections.map((s) => ({
    key: s.id,
    id: s.id,
    title: s.title,
    pages: s.pages,
    readBy: s.readBy,
    sessionAt: s.sessionAt ?? '',
    routineId: s.routineId ?? '',
    prompts: s.prompts.join('\n'),
  }));
}

/** The prompts of a draft: one a line, blank lines left out. */
export const promptLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** The rows as the server takes them: empty optional fields are null, prompts one a line. */
export function sectionsBody(rows: readonly SectionDraft[]): BookSectionInput[] {
  return rows.map((row) => ({
    ...(row.id ? { id: row.id } : {}),
    title: row.title,
    pages: row.pages,
    readBy: row.readBy,
    sessionAt: row.sessionAt === '' ? null : row.sessionAt,
    routineId: row.routineId === '' ? null : row.routineId,
    prompts: promptLines(row.prompts),
  }));
}

/**
 * BOOK-SCHED-1 in the editor: every row's read-by day from `firstReadBy`, `cadenceWeeks` weeks apart (same weekday,
 * calendar-day arithmetic); the rest of each row is kept.
 */
export function withProposedReadBy(
  rows: readonly SectionDraft[],
  firstReadBy: string,
  cadenceWeeks: number,
): SectionDraft[] {
  const days = proposeReadingSchedule({ sections: rows.length, firstReadBy, cadenceWeeks });
  return rows.map((row, i) => ({ ...row, readBy: days[i] ?? row.readBy }));
}

/** A new row after the others, its read-by day one cadence after the last row's (empty when that has none). */
export function appendSection(rows: readonly SectionDraft[], cadenceWeeks: number): SectionDraft[] {
  const last = rows.at(-1)?.readBy ?? '';
  const readBy =
    /^\d{4}-\d{2}-\d{2}$/.test(last) && cadenceWeeks >= 1
      ? (proposeReadingSchedule({ sections: 2, firstReadBy: last, cadenceWeeks })[1] ?? '')
      : '';
  return [...rows, emptySection(readBy)];
}

/**
 * The names of the fields a 400 may point at, for `rows` sections; the others (`sections` as a whole, a kept
 * section's `id`) have no field of their own and show in the form's alert.
 */
export function sectionFieldNames(rows: number): string[] {
  return Array.from({ length: rows }, (_, i) =>
    ['title', 'pages', 'readBy', 'sessionAt', 'routineId', 'prompts'].map(
      (field) => `sections.${String(i)}.${field}`,
    ),
  ).flat();
}

/**
 * One prompt's problem (`sections.2.prompts.4`) shows at the section's prompts box (`sections.2.prompts`), which
 * holds them all, one a line.
 */
export function atEditorFields(error: unknown): unknown {
  if (!isApiRequestError(error) || error.fields.length === 0) return error;
  const fields = error.fields.map((f) => ({
    ...f,
    path: f.path.replace(/^(sections\.\d+\.prompts)\.\d+$/, '$1'),
  }));
  return new ApiRequestError(error.endpoint, error.status, error.code, error.message, fields);
}
