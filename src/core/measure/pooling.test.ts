/**
 * Meeting pulse pooling (MEASURE-ANON-10): windows cut greedily from a team's first meeting, each shown only once
 * it holds enough responses; a later meeting never re-cuts an earlier window, so two days' views together still
 * isolate no meeting below the threshold (checked with the exact attacker of MEASURE-ANON-11).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowSpace, smallDerivableGroup } from './oracle';
import { pulseWindows, type PulseMeeting, type PulseWindow } from './pooling';

const meetings = (...ns: number[]): PulseMeeting[] => ns.map((n, i) => ({ meetingId: `m${i}`, n }));

const meetingsArb = fc
  .array(
    fc.record({
      n: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 4 }), weight: 4 }, fc.integer({ min: 5, max: 9 })),
      threshold: fc.option(fc.constantFrom(5, 6, 8), { nil: undefined, freq: 3 }),
    }),
    { maxLength: 20 },
  )
  .map((list) =>
    list.map(({ n, threshold }, i): PulseMeeting => ({
      meetingId: `m${i}`,
      n,
      ...(threshold ? { threshold } : {}),
    })),
  );

const shown = (windows: PulseWindow[]) => windows.filter((w) => w.status === 'shown');

describe('meeting pulse pooling (MEASURE-ANON-10)', () => {
  it('MEASURE-ANON-10 pools consecutive meetings until a window holds the threshold; the last one waits', () => {
    expect(pulseWindows(meetings(3, 1, 2, 0, 4, 5, 1), 5)).toEqual([
      { status: 'shown', meetingIds: ['m0', 'm1', 'm2'], n: 6 },
      { status: 'shown', meetingIds: ['m3', 'm4', 'm5'], n: 9 },
      { status: 'open', meetingIds: ['m6'] },
    ]);
    expect(pulseWindows(meetings(7, 5), 5)).toEqual([
      { status: 'shown', meetingIds: ['m0'], n: 7 },
      { status: 'shown', meetingIds: ['m1'], n: 5 },
    ]);
    expect(pulseWindows([], 5)).toEqual([]);
    expect(pulseWindows(meetings(0, 0), 5)).toEqual([{ status: 'open', meetingIds: ['m0', 'm1'] }]);
  });

  it('MEASURE-ANON-10 refuses a threshold below 5 and counts that are not whole numbers', () => {
    expect(() => pulseWindows(meetings(5), 4)).toThrow(RangeError);
    expect(() => pulseWindows(meetings(-1), 5)).toThrow(RangeError);
    expect(() => pulseWindows(meetings(1.5), 5)).toThrow(RangeError);
    expect(() => pulseWindows([{ meetingId: 'm', n: 5, threshold: 3 }], 5)).toThrow(RangeError);
  });

  it('MEASURE-ANON-10 a threshold raised later applies from the next window on, never re-cutting a closed one', () => {
    const before = pulseWindows(meetings(3, 2, 4), 5);
    const after = pulseWindows([...meetings(3, 2, 4), { meetingId: 'm3', n: 5, threshold: 8 }], 5);
    expect(after.slice(0, 1)).toEqual(before.slice(0, 1));
    // The open window (m2: 4) now needs 8: with m3 it holds 9.
    expect(after[1]).toEqual({ status: 'shown', meetingIds: ['m2', 'm3'], n: 9 });
  });

  it('MEASURE-ANON-10 windows are disjoint and in order, every shown one holds its threshold, only the last is open', () => {
    fc.assert(
      fc.property(meetingsArb, (list) => {
        const windows = pulseWindows(list, 5);
        expect(windows.flatMap((w) => w.meetingIds)).toEqual(list.map((m) => m.meetingId));
        const byId = new Map(list.map((m) => [m.meetingId, m]));
        windows.forEach((w, i) => {
          if (w.status === 'open') {
            expect(i).toBe(windows.length - 1);
            expect(Object.keys(w).sort()).toEqual(['meetingIds', 'status']);
            return;
          }
          const members = w.meetingIds.map((id) => byId.get(id)!);
          expect(w.n).toBe(members.reduce((s, m) => s + m.n, 0));
          expect(w.n).toBeGreaterThanOrEqual(Math.max(5, ...members.map((m) => m.threshold ?? 5)));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('MEASURE-ANON-10 adding later meetings never changes an earlier shown window (prefix-stable)', () => {
    fc.assert(
      fc.property(meetingsArb, fc.nat(), (list, cut) => {
        const k = list.length === 0 ? 0 : cut % (list.length + 1);
        const earlier = shown(pulseWindows(list.slice(0, k), 5));
        const later = pulseWindows(list, 5);
        expect(later.slice(0, earlier.length)).toEqual(earlier);
      }),
      { numRuns: 300 },
    );
  });

  it('MEASURE-ANON-10 what a team saw on two days together isolates no group of meetings below the threshold', () => {
    fc.assert(
      fc.property(meetingsArb, fc.nat(), (list, cut) => {
        const k = list.length === 0 ? 0 : cut % (list.length + 1);
        const columns = list.filter((m) => m.n > 0);
        const column = new Map(columns.map((m, i) => [m.meetingId, i]));
        const space = new RowSpace(columns.length);
        for (const w of [...shown(pulseWindows(list.slice(0, k), 5)), ...shown(pulseWindows(list, 5))])
          space.add(w.meetingIds.flatMap((id) => column.get(id) ?? []));
        return (
          smallDerivableGroup(
            space,
            columns.map((m) => m.n),
            5,
          ) === undefined
        );
      }),
      { numRuns: 300 },
    );
  });
});
