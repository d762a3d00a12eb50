import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BOOK_AUTHORS_MAX,
  BOOK_REFLECTION_MAX,
  BOOK_SECTIONS_MAX,
  CreateBookStudy,
} from '#contracts/book-study';
import { AUTHORS_MAX, REFLECTION_MAX, SECTIONS_MAX } from './limits';
import { ApiRequestError } from '../api/client';
import {
  appendSection,
  atEditorFields,
  draftsOf,
  emptySection,
  sectionFieldNames,
  sectionsBody,
  withProposedReadBy,
} from './draft';

const row = (over: Partial<ReturnType<typeof emptySection>> = {}) => ({ ...emptySection(), ...over });

describe('BOOK-WEB-2: the sections editor draft', () => {
  it('BOOK-WEB-2: the forms’ limits are the contract’s', () => {
    expect([AUTHORS_MAX, SECTIONS_MAX, REFLECTION_MAX]).toEqual([
      BOOK_AUTHORS_MAX,
      BOOK_SECTIONS_MAX,
      BOOK_REFLECTION_MAX,
    ]);
  });

  it('BOOK-WEB-2: "Fill in read-by days" uses BOOK-SCHED-1: every two weeks, same weekday across the DST change and the year end', () => {
    const rows = [row({ title: 'One' }), row({ title: 'Two' }), row({ title: 'Three' })];
    const filled = withProposedReadBy(rows, '2026-12-21', 2);
    expect(filled.map((r) => r.readBy)).toEqual(['2026-12-21', '2027-01-04', '2027-01-18']);
    expect(filled.map((r) => r.title)).toEqual(['One', 'Two', 'Three']);
    expect(withProposedReadBy([row(), row()], '2027-03-08', 1).map((r) => r.readBy)).toEqual([
      '2027-03-08',
      '2027-03-15',
    ]);
  });

  it('BOOK-WEB-2: a new section is due one cadence after the last one (empty when the last has no day)', () => {
    const next = appendSection([row({ readBy: '2027-03-08' })], 3);
    expect(next).toHaveLength(2);
    expect(next[1]?.readBy).toBe('2027-03-29');
    expect(appendSection([row()], 1)[1]?.readBy).toBe('');
  });

  it('BOOK-WEB-2: the body has nulls for empty optional fields, one prompt a line, and keeps the ids of kept sections', () => {
    const body = sectionsBody([
      row({ id: '6f1c1f0e-0000-4000-8000-000000000001', title: 'Kept', readBy: '2027-03-08' }),
      row({
        title: 'New',
        readBy: '2027-03-15',
        sessionAt: '2027-03-16T16:00',
        routineId: 'problem-solve',
        prompts: ' What surprised you? \n\n  Where did you see it? ',
      }),
    ]);
    expect(body).toEqual([
      {
        id: '6f1c1f0e-0000-4000-8000-000000000001',
        title: 'Kept',
        pages: '',
        readBy: '2027-03-08',
        sessionAt: null,
        routineId: null,
        prompts: [],
      },
      {
        title: 'New',
        pages: '',
        readBy: '2027-03-15',
        sessionAt: '2027-03-16T16:00',
        routineId: 'problem-solve',
        prompts: ['What surprised you?', 'Where did you see it?'],
      },
    ]);
    // What the editor sends is what the contract takes.
    expect(CreateBookStudy.safeParse({ title: 'T', authors: ['A'], sections: body }).success).toBe(true);
  });

  it('BOOK-WEB-2: a study read back into rows and sent again is the same schedule (property)', () => {
    const day = fc
      .integer({ min: 0, max: 3000 })
      .map((n) => new Date(Date.UTC(2027, 0, 1 + n)).toISOString().slice(0, 10));
    const section = fc.record({
      title: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s !== ''),
      readBy: day,
      prompts: fc.array(
        fc
          .string({ minLength: 1, maxLength: 20 })
          .filter((s) => s.trim() === s && s !== '' && !s.includes('\n')),
        { maxLength: 8 },
      ),
    });
    fc.assert(
      fc.property(fc.array(section, { minLength: 1, maxLength: 6 }), (sections) => {
        const study = sections.map((s, i) => ({
          id: `6f1c1f0e-0000-4000-8000-${String(i).padStart(12, '0')}`,
          position: i,
          title: s.title,
          pages: '',
          readBy: s.readBy,
          sessionAt: null,
          routineId: null,
          prompts: s.prompts,
          meetingId: null,
          reflections: [],
        }));
        expect(sectionsBody(draftsOf(study))).toEqual(
          study.map(({ id, title, pages, readBy, sessionAt, routineId, prompts }) => ({
            id,
            title,
            pages,
            readBy,
            sessionAt,
            routineId,
            prompts,
          })),
        );
      }),
    );
  });

  it('BOOK-WEB-2: a 400 names fields the form shows: a read-by day at its row, one prompt at its row’s prompts box', () => {
    expect(sectionFieldNames(2)).toContain('sections.1.readBy');
    expect(sectionFieldNames(2)).not.toContain('sections.2.readBy');
    const error = new ApiRequestError('createBookStudy', 400, 'validation', 'Invalid input', [
      { path: 'sections.1.readBy', message: 'Before the previous' },
      { path: 'sections.0.prompts.3', message: 'Too long' },
    ]);
    const shown = atEditorFields(error);
    expect(shown).toBeInstanceOf(ApiRequestError);
    expect(shown instanceof ApiRequestError ? shown.fields.map((f) => f.path) : []).toEqual([
      'sections.1.readBy',
      'sections.0.prompts',
    ]);
    expect(atEditorFields(null)).toBeNull();
  });
});
