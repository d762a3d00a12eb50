/**
 * HOME-2, CAP-API-7: the next meeting is picked in memory from the team's live and scheduled meetings (kept with
 * the team's past). fast-check compares the pick with HOME-2's rule written as a sort, the form the SQL had.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pickNextMeeting, type NextMeetingRow } from './queries';

const NOW = new Date('2026-12-03T15:00:00Z');
const HOUR = 3_600_000;

const row = fc.record({
  id: fc.uuid(),
  status: fc.constantFrom('live' as const, 'scheduled' as const, 'ended' as const),
  startedAt: fc.option(
    fc.integer({ min: -48, max: 2 }).map((h) => new Date(NOW.getTime() + h * HOUR)),
    { nil: null },
  ),
  scheduledFor: fc.option(
    fc.integer({ min: -48, max: 48 }).map((h) => new Date(NOW.getTime() + h * HOUR)),
    {
      nil: null,
    },
  ),
  createdAt: fc.integer({ min: 1, max: 100 }).map((h) => new Date(NOW.getTime() - h * HOUR)),
});

/** HOME-2 as the ORDER BY of the statement it replaced. */
function reference(
  rows: readonly Pick<NextMeetingRow, 'id' | 'status' | 'startedAt' | 'scheduledFor' | 'createdAt'>[],
) {
  const live = rows
    .filter((r) => r.status === 'live')
    .sort((a, b) => (b.startedAt?.getTime() ?? 0) - (a.startedAt?.getTime() ?? 0));
  if (live[0]) return live[0].startedAt?.getTime() ?? 0;
  const next = rows
    .filter(
      (r) =>
        r.status === 'scheduled' &&
        (r.scheduledFor === null || r.scheduledFor.getTime() > NOW.getTime() - 12 * HOUR),
    )
    .sort(
      (a, b) =>
        (a.scheduledFor?.getTime() ?? Infinity) - (b.scheduledFor?.getTime() ?? Infinity) ||
        a.createdAt.getTime() - b.createdAt.getTime(),
    );
  return next[0] ? `${next[0].scheduledFor?.getTime() ?? 'undated'}/${next[0].createdAt.getTime()}` : null;
}

describe('HOME-2: the next meeting, picked in memory', () => {
  it('CAP-API-7: the pick follows HOME-2 for any mix of live, scheduled and ended meetings (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const full = rows.map((r) => ({ ...r }) as unknown as NextMeetingRow);
        const picked = pickNextMeeting(full, NOW);
        const expected = reference(rows);
        const got =
          picked === null
            ? null
            : picked.status === 'live'
              ? (picked.startedAt?.getTime() ?? 0)
              : `${picked.scheduledFor?.getTime() ?? 'undated'}/${picked.createdAt.getTime()}`;
        expect(got).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('HOME-2: live beats scheduled; a meeting planned 13 hours ago is no longer next; undated comes last', () => {
    const at = (h: number) => new Date(NOW.getTime() + h * HOUR);
    const m = (
      id: string,
      status: 'live' | 'scheduled',
      scheduledFor: Date | null,
      startedAt: Date | null = null,
    ) => ({ id, status, scheduledFor, startedAt, createdAt: at(-50) }) as unknown as NextMeetingRow;
    expect(pickNextMeeting([m('a', 'scheduled', at(1)), m('b', 'live', null, at(-1))], NOW)?.id).toBe('b');
    expect(pickNextMeeting([m('a', 'scheduled', at(-13)), m('c', 'scheduled', null)], NOW)?.id).toBe('c');
    expect(pickNextMeeting([m('c', 'scheduled', null), m('d', 'scheduled', at(-11))], NOW)?.id).toBe('d');
    expect(pickNextMeeting([], NOW)).toBeNull();
  });
});
