/**
 * MEASURE-REPORT-1: a closed wave's results, computed once at close (ADR 0029) from its frame, its threshold, its
 * frozen instrument and its answers: ADR 0028's plan decides every cell once, and only a shown cell gets numbers
 * (`cellStats`). The server stores the cells as they come out of here and never recomputes them.
 */
import type { Instrument } from '../../contracts/instrument';
import type { CellNode, FrozenCell, RoleBand, WaveFrame } from '../../contracts/surveys';
import type { z } from '../../contracts/zod';
import { cellStats } from './cell-stats';
import { NETWORK_ROLE_BAND } from './frame';
import {
  atomKey,
  orderFreeText,
  planReport,
  showsFreeText,
  type AtomCount,
  type ReportNode,
  type ResponseUnit,
  type SurveyFrame,
} from './suppression';

export const ROLE_BANDS: readonly RoleBand[] = ['staff', 'leader'];

/** One stored answer: its atom and its item values (in the instrument's order). */
export interface WaveAnswer {
  unit: string;
  roleBand: RoleBand;
  answers: readonly number[];
  freeText: string | null;
}

export interface WaveResultCell {
  /** The node's key (`district`, `school:<id>`, `team:<id>`), the role filter and the key of the node above. */
  node: string;
  role: 'all' | RoleBand;
  parent: string | null;
  cell: FrozenCell;
}

/** A frame unit key as the plan's unit: `team:<id>`, `school:<id>` (the school's pool), `district`. */
export function responseUnitOf(key: string): ResponseUnit | null {
  if (key === 'district') return { kind: 'no-team', schoolId: null };
  if (key.startsWith('school:')) return { kind: 'no-team', schoolId: key.slice('school:'.length) };
  if (key.startsWith('team:')) return { kind: 'team', teamId: key.slice('team:'.length) };
  return null;
}

const nodeKey = (node: ReportNode) =>
  node.kind === 'district'
    ? 'district'
    : node.kind === 'school'
      ? `school:${node.schoolId}`
      : `team:${node.teamId}`;

/**
 * The plan's frame of a stored wave frame: its schools and its teams with their schools; a network's has one role
 * band (MEASURE-NET-2).
 */
export function surveyFrameOf(frame: WaveFrame): SurveyFrame<RoleBand> {
  const schoolOf = (parent: string | null) =>
    parent?.startsWith('school:') ? parent.slice('school:'.length) : null;
  return {
    roleBands: frame.space === 'network' ? [NETWORK_ROLE_BAND] : ROLE_BANDS,
    schoolIds: frame.units.flatMap((u) => (u.kind === 'school' && u.id !== null ? [u.id] : [])),
    teams: frame.units.flatMap((u) =>
      u.kind === 'team' && u.id !== null ? [{ teamId: u.id, schoolId: schoolOf(u.parent) }] : [],
    ),
  };
}

/**
 * What is frozen is kept to 3 decimals (reports show 2), except a construct's mean and SD, which later
 * computations start from (MEASURE-REPORT-5's change between waves); an interval is rounded outwards, so it still
 * holds its mean. Seventeen digits of noise made a district report (200 schools) 2.5 times larger once compressed
 * (bench:report).
 */
const round3 = (x: number) => Math.round(x * 1000) / 1000;
function outward(ci: readonly number[]): number[] {
  // The epsilon keeps 4.2 (4200.000000000001 thousandths) from rounding out to 4.201.
  return ci.map((x, i) => (i === 0 ? Math.floor(x * 1000 + 1e-9) : Math.ceil(x * 1000 - 1e-9)) / 1000);
}

export function waveResults(input: {
  frame: WaveFrame;
  threshold: number;
  instrument: Pick<Instrument, 'items' | 'scale' | 'freeText'>;
  answers: readonly WaveAnswer[];
}): WaveResultCell[] {
  const { frame, instrument } = input;
  const units = new Map(frame.units.map((u) => [u.key, u]));
  // An answer about a unit the frame does not have cannot be attributed; it is left out (the routes never write one).
  // A network's frame has one band (MEASURE-NET-2): every answer is counted in it, whatever band it was stored with.
  const answers = input.answers
    .filter((a) => units.has(a.unit) && responseUnitOf(a.unit) !== null)
    .map((a) => (frame.space === 'network' ? { ...a, roleBand: NETWORK_ROLE_BAND } : a));
  const counts = new Map<string, AtomCount<RoleBand>>();
  const byAtom = new Map<string, WaveAnswer[]>();
  for (const a of answers) {
    const unit = responseUnitOf(a.unit);
    if (unit === null) continue;
    const key = atomKey(unit, a.roleBand);
    const count = counts.get(key) ?? { unit, role: a.roleBand, n: 0 };
    count.n += 1;
    counts.set(key, count);
    const inAtom = byAtom.get(key);
    if (inAtom) inAtom.push(a);
    else byAtom.set(key, [a]);
  }
  const plan = planReport(surveyFrameOf(frame), [...counts.values()], {
    threshold: input.threshold,
    complementary: true,
  });
  // MEASURE-NET-2: a network's one band is the same people as `all`: only `all` is kept.
  const cells = frame.space === 'network' ? plan.cells.filter((c) => c.role === 'all') : plan.cells;
  return cells.map((planned) => {
    const key = nodeKey(planned.node);
    const unit = units.get(key);
    const node: z.infer<typeof CellNode> = {
      kind: planned.node.kind,
      id: unit?.id ?? null,
      name: unit?.name ?? key,
      parentId: planned.node.kind === 'team' ? (units.get(unit?.parent ?? '')?.id ?? null) : null,
    };
    const where = { node: key, role: planned.role, parent: unit?.parent ?? null };
    if (planned.status !== 'shown')
      return { ...where, cell: { status: planned.status, node, role: planned.role } };
    const inCell = planned.atoms.flatMap((atom) => byAtom.get(atom) ?? []);
    const stats = cellStats(
      instrument,
      inCell.map((a) => a.answers),
      { showDistribution: planned.distribution },
    );
    const texts = showsFreeText(planned, instrument.freeText?.allowed === true)
      ? orderFreeText(inCell.flatMap((a) => (a.freeText ? [a.freeText] : [])))
      : [];
    return {
      ...where,
      cell: {
        status: 'shown',
        node,
        role: planned.role,
        n: stats.n,
        constructs: stats.constructs.map((c) => ({
          ...c,
          ci95: outward(c.ci95),
          alpha: c.alpha === null ? null : round3(c.alpha),
          alphaCi95: c.alphaCi95 === null ? null : outward(c.alphaCi95),
          favourable: c.favourable === null ? null : round3(c.favourable),
        })),
        items: stats.items.map((i) => ({ ...i, mean: round3(i.mean), ci95: outward(i.ci95) })),
        freeText: texts,
      },
    };
  });
}
