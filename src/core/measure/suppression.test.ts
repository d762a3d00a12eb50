/**
 * Small-cell suppression (MEASURE-ANON-1..9, -11): the rules by hand, the worked attacks from the method notes, and
 * the differencing property: over random districts, role bands, counts and every filter, an exact linear-algebra
 * attacker given every shown cell (and ad-hoc unions) isolates no group below the threshold; with primary
 * suppression only it does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attackerView, leakOf, RowSpace } from './oracle';
import {
  aggregateStatus,
  atomKey,
  cellAtoms,
  coarsenSubmittedAt,
  distributionThreshold,
  effectiveThreshold,
  isPublishable,
  orderFreeText,
  planReport,
  showsFreeText,
  type AtomCount,
  type AtomKey,
  type PlannedCell,
  type ReportNode,
  type ReportPlan,
  type ResponseUnit,
  type SurveyFrame,
} from './suppression';

const ROLES = ['teacher', 'specialist', 'leader'] as const;
type Role = (typeof ROLES)[number];

const team = (teamId: string): ResponseUnit => ({ kind: 'team', teamId });
const noTeam = (schoolId: string | null): ResponseUnit => ({ kind: 'no-team', schoolId });
const count = <R extends string>(unit: ResponseUnit, role: R, n: number): AtomCount<R> => ({ unit, role, n });

const DISTRICT: ReportNode = { kind: 'district' };
const school = (schoolId: string): ReportNode => ({ kind: 'school', schoolId });
const teamNode = (teamId: string): ReportNode => ({ kind: 'team', teamId });

function cellOf<R extends string>(
  plan: ReportPlan<R>,
  node: ReportNode,
  role: R | 'all' = 'all',
): PlannedCell<R> {
  const cell = plan.cells.find((c) => JSON.stringify(c.node) === JSON.stringify(node) && c.role === role);
  if (!cell) throw new Error(`no cell ${JSON.stringify(node)} ${role}`);
  return cell;
}
const statusOf = <R extends string>(plan: ReportPlan<R>, node: ReportNode, role: R | 'all' = 'all') =>
  cellOf(plan, node, role).status;

/** A frame with one role band, for the hierarchy-only cases. */
const STAFF = ['staff'] as const;

describe('threshold (MEASURE-ANON-1)', () => {
  it('MEASURE-ANON-1 is 5 by default; the district and the wave may raise it, never lower it', () => {
    expect(effectiveThreshold({})).toBe(5);
    expect(effectiveThreshold({ district: null, wave: null })).toBe(5);
    expect(effectiveThreshold({ district: 3 })).toBe(5);
    expect(effectiveThreshold({ district: 8 })).toBe(8);
    expect(effectiveThreshold({ district: 8, wave: 6 })).toBe(8);
    expect(effectiveThreshold({ district: 6, wave: 10 })).toBe(10);
    expect(effectiveThreshold({ wave: 2 })).toBe(5);
    for (const bad of [0, -5, 5.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => effectiveThreshold({ wave: bad })).toThrow(RangeError);
  });

  it('MEASURE-ANON-1 a plan refuses a threshold below 5', () => {
    const frame: SurveyFrame<'staff'> = { roleBands: STAFF, schoolIds: [], teams: [] };
    expect(() => planReport(frame, [], { threshold: 4, complementary: true })).toThrow(RangeError);
    expect(() => planReport(frame, [], { threshold: 5.5, complementary: true })).toThrow(RangeError);
    expect(planReport(frame, [], { threshold: 5, complementary: true }).threshold).toBe(5);
  });
});

describe('frame and cells (MEASURE-ANON-2)', () => {
  const frame: SurveyFrame<Role> = {
    roleBands: ROLES,
    schoolIds: ['s1'],
    teams: [
      { teamId: 't1', schoolId: 's1' },
      { teamId: 'd1', schoolId: null },
    ],
  };

  it('MEASURE-ANON-2 lists every node crossed with every filter, with the atoms under it', () => {
    const plan = planReport(frame, [], { threshold: 5, complementary: true });
    expect(plan.cells.map((c) => `${JSON.stringify(c.node)} ${c.role}`)).toEqual(
      [DISTRICT, school('s1'), teamNode('t1'), teamNode('d1')].flatMap((node) =>
        ['all', ...ROLES].map((role) => `${JSON.stringify(node)} ${role}`),
      ),
    );
    expect(cellOf(plan, school('s1'), 'teacher').atoms).toEqual([
      atomKey(noTeam('s1'), 'teacher'),
      atomKey(team('t1'), 'teacher'),
    ]);
    expect(cellOf(plan, DISTRICT).atoms).toHaveLength(4 * 3);
    expect(cellAtoms(frame, teamNode('d1'), 'all')).toEqual(ROLES.map((role) => atomKey(team('d1'), role)));
    expect(atomKey(noTeam(null), 'leader')).toBe('district/leader');
    expect(atomKey(noTeam('s1'), 'leader')).toBe('school:s1/leader');
  });

  it('MEASURE-ANON-2 refuses a frame or counts that do not fit', () => {
    const plan = (f: SurveyFrame<string>, counts: AtomCount<string>[] = []) =>
      planReport(f, counts, { threshold: 5, complementary: true });
    expect(() => plan({ ...frame, roleBands: [] })).toThrow(/role band/);
    expect(() => plan({ ...frame, roleBands: ['a', 'a'] })).toThrow(/distinct/);
    expect(() => plan({ ...frame, roleBands: ['all'] })).toThrow(/role band/);
    expect(() => plan({ ...frame, schoolIds: ['s1', 's1'] })).toThrow(/distinct/);
    expect(() => plan({ ...frame, teams: [{ teamId: 'x', schoolId: 'nope' }] })).toThrow(/not in the frame/);
    expect(() => plan({ ...frame, teams: [{ teamId: 'a/b', schoolId: null }] })).toThrow(/cannot be an id/);
    expect(() => plan(frame, [count(team('zz'), 'teacher', 1)])).toThrow(/not in the survey frame/);
    expect(() => plan(frame, [count(team('t1'), 'nurse', 1)])).toThrow(/not in the survey frame/);
    expect(() => plan(frame, [count(team('t1'), 'teacher', -1)])).toThrow(RangeError);
    expect(() => plan(frame, [count(team('t1'), 'teacher', 1), count(team('t1'), 'teacher', 2)])).toThrow(
      /twice/,
    );
    expect(() => cellAtoms(frame, teamNode('zz'), 'all')).toThrow(/not in the survey frame/);
  });
});

describe('blocks and the union rule (MEASURE-ANON-3, -4)', () => {
  const twoTeams: SurveyFrame<'staff'> = {
    roleBands: STAFF,
    schoolIds: ['s'],
    teams: [
      { teamId: 'a', schoolId: 's' },
      { teamId: 'b', schoolId: 's' },
    ],
  };

  it('MEASURE-ANON-4 parent minus shown children: an unassigned remainder of 3 is never exposed', () => {
    const counts = [
      count(team('a'), 'staff', 6),
      count(team('b'), 'staff', 7),
      count(noTeam('s'), 'staff', 3),
    ];
    // Primary suppression alone shows the school (16) and both teams: 16 - 6 - 7 = the 3 people in no team.
    const primary = planReport(twoTeams, counts, { threshold: 5, complementary: false });
    expect(leakOf(primary)).toEqual([atomKey(noTeam('s'), 'staff')]);

    const plan = planReport(twoTeams, counts, { threshold: 5, complementary: true });
    // The 3 join the smallest team's block, so the school stays shown and team a (the smallest) is hidden.
    expect(plan.blocks.map((b) => [b.atoms, b.n])).toEqual([
      [[atomKey(noTeam('s'), 'staff'), atomKey(team('a'), 'staff')], 9],
      [[atomKey(team('b'), 'staff')], 7],
    ]);
    expect(cellOf(plan, school('s'))).toMatchObject({ status: 'shown', n: 16 });
    expect(statusOf(plan, teamNode('a'))).toBe('suppressed');
    expect(cellOf(plan, teamNode('b'))).toMatchObject({ status: 'shown', n: 7 });
    expect(leakOf(plan)).toBeUndefined();
  });

  it('MEASURE-ANON-3 a small team and the staff in no team pool at the school (Dialog: 3 + 4 = 7, team of 6 shown)', () => {
    const counts = [
      count(team('a'), 'staff', 3),
      count(team('b'), 'staff', 6),
      count(noTeam('s'), 'staff', 4),
    ];
    const plan = planReport(twoTeams, counts, { threshold: 5, complementary: true });
    expect(plan.blocks).toEqual([
      { atoms: [atomKey(team('b'), 'staff')], n: 6, formedAt: teamNode('b') },
      { atoms: [atomKey(noTeam('s'), 'staff'), atomKey(team('a'), 'staff')], n: 7, formedAt: school('s') },
    ]);
    expect(cellOf(plan, school('s'))).toMatchObject({ status: 'shown', n: 13 });
    expect(cellOf(plan, teamNode('b'))).toMatchObject({ status: 'shown', n: 6 });
    expect(statusOf(plan, teamNode('a'))).toBe('suppressed');
    expect(leakOf(plan)).toBeUndefined();
  });

  it('MEASURE-ANON-4 filter minus its complement: a team of 5 teachers and 1 specialist shows only its total', () => {
    const frame: SurveyFrame<Role> = {
      roleBands: ROLES,
      schoolIds: [],
      teams: [{ teamId: 't', schoolId: null }],
    };
    const counts = [count(team('t'), 'teacher', 5), count(team('t'), 'specialist', 1)];
    const primary = planReport(frame, counts, { threshold: 5, complementary: false });
    expect(statusOf(primary, teamNode('t'), 'teacher')).toBe('shown');
    expect(leakOf(primary)).toEqual([atomKey(team('t'), 'specialist')]);

    const plan = planReport(frame, counts, { threshold: 5, complementary: true });
    expect(cellOf(plan, teamNode('t'))).toMatchObject({ status: 'shown', n: 6 });
    expect(statusOf(plan, teamNode('t'), 'teacher')).toBe('suppressed');
    expect(statusOf(plan, teamNode('t'), 'specialist')).toBe('suppressed');
    expect(statusOf(plan, teamNode('t'), 'leader')).toBe('empty');
    expect(statusOf(plan, DISTRICT, 'teacher')).toBe('suppressed');
    expect(leakOf(plan)).toBeUndefined();
  });

  it("MEASURE-ANON-3 a district-level team and the district's own staff below 5 join a block, keeping the district", () => {
    const frame: SurveyFrame<'staff'> = {
      roleBands: STAFF,
      schoolIds: ['s'],
      teams: [
        { teamId: 'a', schoolId: 's' },
        { teamId: 'd', schoolId: null },
      ],
    };
    const counts = [
      count(team('a'), 'staff', 8),
      count(team('d'), 'staff', 3),
      count(noTeam(null), 'staff', 1),
    ];
    // Primary suppression: district 12 minus school 8 = the district team and the district's own staff (4).
    expect(leakOf(planReport(frame, counts, { threshold: 5, complementary: false }))).toEqual([
      atomKey(noTeam(null), 'staff'),
      atomKey(team('d'), 'staff'),
    ]);
    const plan = planReport(frame, counts, { threshold: 5, complementary: true });
    expect(plan.blocks).toEqual([
      {
        atoms: [atomKey(noTeam(null), 'staff'), atomKey(team('a'), 'staff'), atomKey(team('d'), 'staff')],
        n: 12,
        formedAt: teamNode('a'),
      },
    ]);
    expect(cellOf(plan, DISTRICT)).toMatchObject({ status: 'shown', n: 12 });
    for (const node of [school('s'), teamNode('a'), teamNode('d')])
      expect(statusOf(plan, node)).toBe('suppressed');
    expect(leakOf(plan)).toBeUndefined();
  });

  it('MEASURE-ANON-4 the 4x4 bridge: row and column rules hold yet leak; the block rule protects it', () => {
    const roles = ['r1', 'r2', 'r3', 'r4'] as const;
    const teams = ['t1', 't2', 't3', 't4'];
    // Two 2x2 groups of small cells joined by one small "bridge" cell (t1, r3) of 2.
    const table = [
      [2, 2, 2, 6],
      [3, 3, 6, 6],
      [6, 6, 3, 3],
      [6, 6, 3, 3],
    ];
    const frame: SurveyFrame<(typeof roles)[number]> = {
      roleBands: roles,
      schoolIds: ['s'],
      teams: teams.map((teamId) => ({ teamId, schoolId: 's' })),
    };
    const counts = teams.flatMap((t, i) => roles.map((r, j) => count(team(t), r, table[i]![j]!)));
    // Every row's and every column's small cells add up to 5 or more: the per-row and per-column rule is met.
    const small = (n: number) => (n < 5 ? n : 0);
    for (let i = 0; i < 4; i += 1) {
      expect(table[i]!.map(small).reduce((a, b) => a + b)).toBeGreaterThanOrEqual(5);
      expect(table.map((row) => small(row[i]!)).reduce((a, b) => a + b)).toBeGreaterThanOrEqual(5);
    }
    // Showing every cell of 5 or more with all margins (team totals, school x role) determines the bridge:
    // row1 + row2 - col1 - col2 of the small cells.
    const primary = planReport(frame, counts, { threshold: 5, complementary: false });
    const view = attackerView(primary);
    const space = new RowSpace(view.atoms.length);
    for (const row of view.rows) space.add(row);
    expect(space.contains([view.atoms.indexOf(atomKey(team('t1'), 'r3'))])).toBe(true);
    expect(leakOf(primary)).toBeDefined();

    const plan = planReport(frame, counts, { threshold: 5, complementary: true });
    expect(leakOf(plan)).toBeUndefined();
    for (const t of teams) expect(statusOf(plan, teamNode(t))).toBe('shown');
    expect(statusOf(plan, school('s'))).toBe('shown');
    expect(cellOf(plan, teamNode('t1'), 'r4')).toMatchObject({ status: 'shown', n: 6 });
    for (const r of roles) expect(statusOf(plan, school('s'), r)).toBe('suppressed');
  });

  it('MEASURE-ANON-4 ad-hoc unions follow the same blocks', () => {
    const frame: SurveyFrame<'staff'> = {
      roleBands: STAFF,
      schoolIds: ['s'],
      teams: ['a', 'b', 'c'].map((teamId) => ({ teamId, schoolId: 's' })),
    };
    const counts = [count(team('a'), 'staff', 6), count(team('b'), 'staff', 2), count(team('c'), 'staff', 9)];
    const plan = planReport(frame, counts, { threshold: 5, complementary: true });
    const teamsOf = (...ids: string[]) => ids.flatMap((id) => cellAtoms(frame, teamNode(id), 'all'));
    // b (2) joined a's block: a and b together may be shown, a with c may not (the school minus it is b alone).
    expect(aggregateStatus(plan, teamsOf('a', 'b'))).toEqual({ status: 'shown', n: 8, distribution: false });
    expect(isPublishable(plan, teamsOf('a', 'c'))).toBe(false);
    expect(isPublishable(plan, teamsOf('c'))).toBe(true);
    expect(aggregateStatus(plan, teamsOf('b'))).toEqual({ status: 'suppressed' });
    expect(aggregateStatus(plan, [])).toEqual({ status: 'empty' });
    expect(() => aggregateStatus(plan, ['team:zz/staff'])).toThrow(/not in this wave/);
    expect(leakOf(plan, [teamsOf('a', 'b'), teamsOf('a', 'c'), teamsOf('b', 'c')])).toBeUndefined();
    const primary = planReport(frame, counts, { threshold: 5, complementary: false });
    expect(leakOf(primary, [teamsOf('a', 'b')])).toEqual([atomKey(team('b'), 'staff')]);
  });
});

describe('empty, hidden and a wave below the threshold (MEASURE-ANON-5)', () => {
  it('MEASURE-ANON-5 "no responses" is not "hidden", and a hidden cell carries no numbers', () => {
    const frame: SurveyFrame<'staff'> = {
      roleBands: STAFF,
      schoolIds: [],
      teams: ['a', 'b', 'c'].map((teamId) => ({ teamId, schoolId: null })),
    };
    const plan = planReport(frame, [count(team('a'), 'staff', 7), count(team('b'), 'staff', 4)], {
      threshold: 5,
      complementary: true,
    });
    expect(cellOf(plan, teamNode('c'))).toEqual({
      node: teamNode('c'),
      role: 'all',
      atoms: ['team:c/staff'],
      status: 'empty',
    });
    const hidden = cellOf(plan, teamNode('b'));
    expect(hidden.status).toBe('suppressed');
    expect(Object.keys(hidden).sort()).toEqual(['atoms', 'node', 'role', 'status']);
  });

  it('MEASURE-ANON-5 a wave with fewer respondents than the threshold shows nothing', () => {
    const frame: SurveyFrame<Role> = {
      roleBands: ROLES,
      schoolIds: ['s'],
      teams: [{ teamId: 'a', schoolId: 's' }],
    };
    const plan = planReport(frame, [count(team('a'), 'teacher', 3), count(noTeam('s'), 'leader', 1)], {
      threshold: 5,
      complementary: true,
    });
    expect(plan.blocks).toEqual([{ atoms: ['school:s/leader', 'team:a/teacher'], n: 4, formedAt: DISTRICT }]);
    expect(plan.cells.filter((c) => c.status === 'shown')).toEqual([]);
    expect(statusOf(plan, DISTRICT)).toBe('suppressed');
    expect(statusOf(plan, DISTRICT, 'specialist')).toBe('empty');
  });
});

// ---- random districts ---------------------------------------------------------------------------------------

interface Instance {
  frame: SurveyFrame<Role>;
  counts: AtomCount<Role>[];
  threshold: number;
  /** Ad-hoc unions a viewer may ask for: a few units (teams, "no team" pools) with a set of role bands. */
  adHoc: AtomKey[][];
}

const respondents = fc.oneof(
  { arbitrary: fc.constant(0), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 4 },
  { arbitrary: fc.integer({ min: 5, max: 12 }), weight: 2 },
);

/** 1-3 schools of 0-4 teams, 0-2 district-level teams, 1-3 role bands; "no team" pools at every school and the district. */
const instanceArb: fc.Arbitrary<Instance> = fc
  .record({
    roleCount: fc.constantFrom(1, 2, 3, 3),
    teamsPerSchool: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 3 }),
    districtTeams: fc.integer({ min: 0, max: 2 }),
    threshold: fc.constantFrom(5, 5, 6),
    counts: fc.array(respondents, { minLength: 54, maxLength: 54 }),
    adHoc: fc.array(
      fc.record({ units: fc.uniqueArray(fc.nat(17), { minLength: 1, maxLength: 5 }), roles: fc.nat(6) }),
      { maxLength: 4 },
    ),
  })
  .map(({ roleCount, teamsPerSchool, districtTeams, threshold, counts, adHoc }) => {
    const roleBands = ROLES.slice(0, roleCount);
    const schoolIds = teamsPerSchool.map((_, i) => `s${i}`);
    const teams = [
      ...teamsPerSchool.flatMap((k, i) =>
        Array.from({ length: k }, (_, j) => ({ teamId: `s${i}t${j}`, schoolId: `s${i}` })),
      ),
      ...Array.from({ length: districtTeams }, (_, j) => ({ teamId: `d${j}`, schoolId: null })),
    ];
    const units: ResponseUnit[] = [
      ...teams.map((t) => team(t.teamId)),
      ...schoolIds.map((s) => noTeam(s)),
      noTeam(null),
    ];
    const atomCounts = units.flatMap((unit, u) =>
      roleBands.map((role, r) => count(unit, role, counts[u * 3 + r] ?? 0)),
    );
    // A union of units with a non-empty subset of the role bands (bit mask 1..7).
    const adHocSets = adHoc.map(({ units: picks, roles }) => {
      const chosen = roleBands.filter((_, r) => ((roles % 7) + 1) & (1 << r));
      const bands = chosen.length > 0 ? chosen : roleBands;
      return [...new Set(picks.map((p) => units[p % units.length]!))].flatMap((unit) =>
        bands.map((role) => atomKey(unit, role)),
      );
    });
    return { frame: { roleBands, schoolIds, teams }, counts: atomCounts, threshold, adHoc: adHocSets };
  });

const planOf = (x: Instance, complementary: boolean) =>
  planReport(x.frame, x.counts, { threshold: x.threshold, complementary });

/** MEASURE-ANON-11: no group below the threshold lies in the span of everything shown. */
const noLeak = (complementary: boolean) =>
  fc.property(instanceArb, (x) => leakOf(planOf(x, complementary), x.adHoc) === undefined);

describe('the plan is one, and coherent (MEASURE-ANON-3, -4, -6, -7)', () => {
  it('MEASURE-ANON-3 blocks partition the non-empty atoms, each with at least the threshold', () => {
    fc.assert(
      fc.property(instanceArb, (x) => {
        const plan = planOf(x, true);
        for (const blocks of [plan.blocks, plan.distributionBlocks]) {
          const inBlocks = blocks.flatMap((b) => b.atoms).sort();
          const nonEmpty = [...plan.counts]
            .filter(([, n]) => n > 0)
            .map(([a]) => a)
            .sort();
          expect(inBlocks).toEqual(nonEmpty);
          for (const b of blocks)
            expect(b.n).toBe(b.atoms.reduce((s, a) => s + (plan.counts.get(a) ?? 0), 0));
          const t = blocks === plan.blocks ? plan.threshold : plan.distributionThreshold;
          const total = nonEmpty.reduce((s, a) => s + (plan.counts.get(a) ?? 0), 0);
          if (total >= t) for (const b of blocks) expect(b.n).toBeGreaterThanOrEqual(t);
          else expect(blocks.length).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('MEASURE-ANON-4 a shown cell has n >= threshold and is a union of whole blocks; empty iff n = 0', () => {
    fc.assert(
      fc.property(instanceArb, (x) => {
        const plan = planOf(x, true);
        const blockOf = new Map(plan.blocks.flatMap((b) => b.atoms.map((a) => [a, b] as const)));
        for (const cell of plan.cells) {
          const n = cell.atoms.reduce((s, a) => s + (plan.counts.get(a) ?? 0), 0);
          expect(cell.status === 'empty').toBe(n === 0);
          if (cell.status !== 'shown') continue;
          expect(cell.n).toBe(n);
          expect(n).toBeGreaterThanOrEqual(plan.threshold);
          const atoms = new Set(cell.atoms);
          for (const a of cell.atoms) {
            if (!plan.counts.get(a)) continue;
            expect(blockOf.get(a)!.atoms.every((b) => atoms.has(b))).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('MEASURE-ANON-6 the same frame and counts give the same plan, whatever the order of the lists', () => {
    const shuffled = instanceArb.chain((x) =>
      fc
        .tuple(
          fc.shuffledSubarray([...x.frame.schoolIds], { minLength: x.frame.schoolIds.length }),
          fc.shuffledSubarray([...x.frame.teams], { minLength: x.frame.teams.length }),
          fc.shuffledSubarray(x.counts, { minLength: x.counts.length }),
        )
        .map(([schoolIds, teams, counts]) => ({
          x,
          y: { ...x, frame: { ...x.frame, schoolIds, teams }, counts },
        })),
    );
    fc.assert(
      fc.property(shuffled, ({ x, y }) => {
        expect(planOf(y, true)).toEqual(planOf(x, true));
      }),
      { numRuns: 200 },
    );
  });

  it('MEASURE-ANON-7 a distribution is shown only in a shown cell of at least max(10, 2t), on coarser blocks', () => {
    expect(distributionThreshold(5)).toBe(10);
    expect(distributionThreshold(6)).toBe(12);
    expect(distributionThreshold(8)).toBe(16);
    fc.assert(
      fc.property(instanceArb, (x) => {
        const plan = planOf(x, true);
        const dist = planReport(x.frame, x.counts, {
          threshold: plan.distributionThreshold,
          complementary: true,
        });
        for (const [i, cell] of plan.cells.entries()) {
          if (cell.status !== 'shown') continue;
          // Distribution shown iff the cell is shown here and in the plan at the distribution threshold.
          expect(cell.distribution).toBe(dist.cells[i]!.status === 'shown');
          if (cell.distribution) expect(cell.n).toBeGreaterThanOrEqual(plan.distributionThreshold);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('MEASURE-ANON-7 a team of 12 shows its distribution alone, but not beside a team of 8 whose school shows one', () => {
    const frame: SurveyFrame<'staff'> = {
      roleBands: STAFF,
      schoolIds: ['s'],
      teams: ['a', 'b'].map((teamId) => ({ teamId, schoolId: 's' })),
    };
    const plan = planReport(frame, [count(team('a'), 'staff', 12), count(team('b'), 'staff', 8)], {
      threshold: 5,
      complementary: true,
    });
    expect(cellOf(plan, teamNode('b'))).toMatchObject({ status: 'shown', n: 8, distribution: false });
    // The school's distribution minus team a's would be team b's (8 < 10): only the school's is shown.
    expect(cellOf(plan, teamNode('a'))).toMatchObject({ status: 'shown', n: 12, distribution: false });
    expect(cellOf(plan, school('s'))).toMatchObject({ status: 'shown', n: 20, distribution: true });
    const alone = planReport(frame, [count(team('a'), 'staff', 12)], { threshold: 5, complementary: true });
    expect(cellOf(alone, teamNode('a'))).toMatchObject({ status: 'shown', n: 12, distribution: true });
  });
});

describe('the differencing attack (MEASURE-ANON-11)', () => {
  it('MEASURE-ANON-11 an exact attacker given every shown cell and ad-hoc union isolates no group below the threshold', () => {
    fc.assert(noLeak(true), { numRuns: 1000 });
  });

  it('MEASURE-ANON-11 with primary suppression only, the same property fails (standing proof)', () => {
    const result = fc.check(noLeak(false), { numRuns: 250, seed: 13, endOnFailure: true });
    expect(result.failed).toBe(true);
    const [x] = result.counterexample ?? [];
    expect(x).toBeDefined();
    const leak = leakOf(planOf(x!, false), x!.adHoc)!;
    const n = leak.reduce((s, a) => s + (planOf(x!, false).counts.get(a) ?? 0), 0);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(x!.threshold);
  });
});

describe('free text and timestamps (MEASURE-ANON-8, -9)', () => {
  it('MEASURE-ANON-8 free text only in a shown cell, and only when the instrument allows it', () => {
    expect(showsFreeText({ status: 'shown', n: 7, distribution: false }, true)).toBe(true);
    expect(showsFreeText({ status: 'shown', n: 7, distribution: false }, false)).toBe(false);
    expect(showsFreeText({ status: 'suppressed' }, true)).toBe(false);
    expect(showsFreeText({ status: 'empty' }, true)).toBe(false);
  });

  it('MEASURE-ANON-8 free text is ordered by its text alone', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.string({ maxLength: 12 }), { maxLength: 12 })
          .chain((texts) =>
            fc.tuple(fc.constant(texts), fc.shuffledSubarray(texts, { minLength: texts.length })),
          ),
        ([texts, shuffled]) => {
          const ordered = orderFreeText(texts);
          expect(orderFreeText(shuffled)).toEqual(ordered);
          expect([...ordered].sort()).toEqual([...texts].sort());
        },
      ),
      { numRuns: 200 },
    );
  });

  it('MEASURE-ANON-9 a submission keeps only its UTC day', () => {
    expect(coarsenSubmittedAt(new Date('2026-03-04T23:59:59.999Z')).toISOString()).toBe(
      '2026-03-04T00:00:00.000Z',
    );
    expect(coarsenSubmittedAt(new Date('2026-03-05T00:00:00.000Z')).toISOString()).toBe(
      '2026-03-05T00:00:00.000Z',
    );
    expect(coarsenSubmittedAt(new Date('1969-12-31T13:00:00.000Z')).toISOString()).toBe(
      '1969-12-31T00:00:00.000Z',
    );
    expect(() => coarsenSubmittedAt(new Date('nope'))).toThrow(RangeError);
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2300-01-01'), noInvalidDate: true }),
        (at) => {
          const day = coarsenSubmittedAt(at);
          expect(day.toISOString().slice(0, 10)).toBe(at.toISOString().slice(0, 10));
          expect(day.toISOString().slice(10)).toBe('T00:00:00.000Z');
        },
      ),
    );
  });
});
