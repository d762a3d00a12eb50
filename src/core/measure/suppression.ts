/**
 * Small-cell suppression for survey reports (MEASURE-ANON-*, docs/SPEC.md; ADR 0028).
 *
 * A wave's frame is fixed at launch: the district, its schools, their teams (and district-level teams), and the
 * role bands a respondent chooses from. Every response belongs to one atom: a unit (a team, or a school's or the
 * district's "no team" pool) crossed with one role band. Only the respondent count of each atom matters here.
 *
 * Once per wave, `planReport` groups the non-empty atoms into blocks of at least `threshold` respondents
 * (MEASURE-ANON-3) and shows a cell (a node crossed with a role filter, or an ad-hoc union of atoms) only when its
 * respondents are exactly a union of whole blocks and number at least `threshold` (MEASURE-ANON-4). Every number
 * shown is then a sum over whole blocks, so adding and subtracting shown numbers yields block sums and nothing
 * finer: no group below the threshold can be isolated, whatever a viewer combines (ADR 0028).
 */

/** The lowest threshold any district or wave can have (MEASURE-ANON-1). */
export const MIN_THRESHOLD = 5;

/** The filter that takes every role band. */
export const ALL_ROLES = 'all';

export interface ThresholdSettings {
  /** The district's setting; absent or null: the default. */
  district?: number | null;
  /** The wave's own setting, which may only raise the district's. */
  wave?: number | null;
}

/**
 * MEASURE-ANON-1. The threshold a wave's report uses: the highest of 5, the district's setting and the wave's. A
 * setting can raise it, never lower it. A setting that is not a positive whole number is a programming error.
 */
export function effectiveThreshold(settings: ThresholdSettings): number {
  const given = [settings.district, settings.wave].filter((v): v is number => v !== null && v !== undefined);
  for (const value of given) {
    if (!Number.isSafeInteger(value) || value < 1)
      throw new RangeError(`a threshold is a positive whole number, not ${value}`);
  }
  return Math.max(MIN_THRESHOLD, ...given);
}

/**
 * MEASURE-ANON-7. Per-option counts and "% favourable" need more respondents than a mean: a distribution of a few
 * people shows who answered what far more directly than their mean does.
 */
export function distributionThreshold(threshold: number): number {
  return Math.max(10, 2 * threshold);
}

// ---- the frame ----------------------------------------------------------------------------------------------

export interface SurveyFrameTeam {
  teamId: string;
  /** The team's school; null for a district-level team. */
  schoolId: string | null;
}

/** MEASURE-ANON-2. What a wave can report on, taken once at launch. */
export interface SurveyFrame<R extends string> {
  /** The role bands a respondent chooses from (a fixed, small list). */
  roleBands: readonly R[];
  schoolIds: readonly string[];
  teams: readonly SurveyFrameTeam[];
}

/** Where a response is attributed: a team, or the "no team" pool of a school (or of the district: null). */
export type ResponseUnit = { kind: 'team'; teamId: string } | { kind: 'no-team'; schoolId: string | null };

/** A node of the report's tree. */
export type ReportNode =
  { kind: 'district' } | { kind: 'school'; schoolId: string } | { kind: 'team'; teamId: string };

/** A role filter: one role band, or all of them. */
export type RoleFilter<R extends string> = R | typeof ALL_ROLES;

/** The key of an atom (unit x role band), e.g. `team:<id>/teacher`, `school:<id>/leader`, `district/teacher`. */
export type AtomKey = string;

/** Respondents of one atom. Atoms not listed have none. */
export interface AtomCount<R extends string> {
  unit: ResponseUnit;
  role: R;
  n: number;
}

const unitKey = (unit: ResponseUnit): string =>
  unit.kind === 'team'
    ? `team:${unit.teamId}`
    : unit.schoolId === null
      ? 'district'
      : `school:${unit.schoolId}`;

export function atomKey(unit: ResponseUnit, role: string): AtomKey {
  return `${unitKey(unit)}/${role}`;
}

// ---- the plan -----------------------------------------------------------------------------------------------

/**
 * MEASURE-ANON-3. A group of atoms whose respondents are only ever published together. Every block has at least
 * the threshold, except when the whole wave has fewer: then one block holds them all and nothing is shown.
 */
export interface Block {
  atoms: AtomKey[];
  n: number;
  /** The node at whose level the block was formed (a leftover from higher up may have joined it since). */
  formedAt: ReportNode;
}

/** MEASURE-ANON-5. `empty`: no responses at all; `suppressed`: responses, but too few or not separable. */
export type CellStatus = 'shown' | 'suppressed' | 'empty';

/**
 * What may be published about a set of respondents. Only a shown result carries numbers: a suppressed one has no
 * n, no mean, nothing (MEASURE-ANON-4).
 */
export type Publication =
  | {
      status: 'shown';
      n: number;
      /** Per-option counts and "% favourable" may be shown too (MEASURE-ANON-7). */
      distribution: boolean;
    }
  | { status: 'suppressed' }
  | { status: 'empty' };

/** One cell of a wave's report: a node crossed with a role filter. */
export type PlannedCell<R extends string> = {
  node: ReportNode;
  role: RoleFilter<R>;
  /** Every atom of the frame under this node with this filter, empty ones included. */
  atoms: AtomKey[];
} & Publication;

export interface PlanOptions {
  threshold: number;
  /**
   * true: the block rule (MEASURE-ANON-3, -4). false: primary suppression only (show any cell with n >= threshold),
   * which leaks by differencing; it exists so a test can prove that it does (MEASURE-ANON-11).
   */
  complementary: boolean;
}

/** MEASURE-ANON-6. The one suppression pattern of a wave: every cell any viewer can see is a subset of it. */
export interface ReportPlan<R extends string> {
  threshold: number;
  distributionThreshold: number;
  complementary: boolean;
  blocks: Block[];
  /** The same rule at the distribution threshold (MEASURE-ANON-7). */
  distributionBlocks: Block[];
  /** Every cell, in tree order: district, each school followed by its teams, then district-level teams. */
  cells: PlannedCell<R>[];
  /** Respondents of every atom of the frame (0 included). Server-side only: never sent, never logged. */
  counts: ReadonlyMap<AtomKey, number>;
}

// ---- the tree -----------------------------------------------------------------------------------------------

interface TreeNode {
  node: ReportNode;
  depth: number;
  /**
   * The atoms answering at this node directly, one per role band in the frame's order: the team's own, or the
   * school's or district's "no team" pool.
   */
  own: AtomKey[];
  children: TreeNode[];
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function validateFrame<R extends string>(frame: SurveyFrame<R>): void {
  const bands = new Set<string>(frame.roleBands);
  if (bands.size === 0) throw new Error('a survey frame needs at least one role band');
  if (bands.size !== frame.roleBands.length) throw new Error('role bands must be distinct');
  for (const band of frame.roleBands) {
    if (band === ALL_ROLES || band === '' || band.includes('/'))
      throw new Error(`"${band}" cannot be a role band`);
  }
  const schools = new Set(frame.schoolIds);
  if (schools.size !== frame.schoolIds.length) throw new Error('school ids must be distinct');
  const teams = new Set(frame.teams.map((t) => t.teamId));
  if (teams.size !== frame.teams.length) throw new Error('team ids must be distinct');
  for (const id of [...schools, ...teams]) {
    if (id === '' || id.includes('/')) throw new Error(`"${id}" cannot be an id in a survey frame`);
  }
  for (const team of frame.teams) {
    if (team.schoolId !== null && !schools.has(team.schoolId))
      throw new Error(`team ${team.teamId} belongs to school ${team.schoolId}, which is not in the frame`);
  }
}

/** The frame as a tree, children sorted by id so that the input's order never matters (MEASURE-ANON-6). */
function treeOf<R extends string>(frame: SurveyFrame<R>): TreeNode {
  const own = (unit: ResponseUnit): AtomKey[] => frame.roleBands.map((role) => atomKey(unit, role));
  const teamIds = new Map<string | null, string[]>();
  for (const { teamId, schoolId } of frame.teams) {
    const list = teamIds.get(schoolId) ?? [];
    list.push(teamId);
    teamIds.set(schoolId, list);
  }
  const teamsOf = (schoolId: string | null, depth: number): TreeNode[] =>
    (teamIds.get(schoolId) ?? []).sort(byText).map((teamId) => ({
      node: { kind: 'team', teamId },
      depth,
      own: own({ kind: 'team', teamId }),
      children: [],
    }));
  const schools = [...frame.schoolIds].sort(byText).map((schoolId): TreeNode => ({
    node: { kind: 'school', schoolId },
    depth: 1,
    own: own({ kind: 'no-team', schoolId }),
    children: teamsOf(schoolId, 2),
  }));
  return {
    node: { kind: 'district' },
    depth: 0,
    own: own({ kind: 'no-team', schoolId: null }),
    children: [...schools, ...teamsOf(null, 1)],
  };
}

/** A node's cells' atoms: `byFilter[0]` for all role bands, `byFilter[1 + i]` for role band i. */
interface NodeAtoms {
  node: ReportNode;
  byFilter: AtomKey[][];
}

/** Every node in tree order (the node, then its children's subtrees) with its cells' atoms, built bottom-up. */
function nodesWithAtoms(tree: TreeNode): NodeAtoms[] {
  const out: NodeAtoms[] = [];
  const visit = (x: TreeNode): AtomKey[][] => {
    const entry: NodeAtoms = { node: x.node, byFilter: [] };
    out.push(entry);
    const all = [...x.own];
    const perBand = x.own.map((key) => [key]);
    for (const child of x.children) {
      const [childAll = [], ...childBands] = visit(child);
      for (const key of childAll) all.push(key);
      childBands.forEach((keys, i) => {
        for (const key of keys) perBand[i]?.push(key);
      });
    }
    entry.byFilter = [all, ...perBand];
    return entry.byFilter;
  };
  visit(tree);
  return out;
}

const sameNode = (a: ReportNode, b: ReportNode): boolean =>
  a.kind === b.kind &&
  (a.kind === 'district' ||
    (a.kind === 'school' && b.kind === 'school' && a.schoolId === b.schoolId) ||
    (a.kind === 'team' && b.kind === 'team' && a.teamId === b.teamId));

/** The atoms of a cell of `frame` (all of them, empty ones included), e.g. to build an ad-hoc union. */
export function cellAtoms<R extends string>(
  frame: SurveyFrame<R>,
  node: ReportNode,
  filter: RoleFilter<R>,
): AtomKey[] {
  validateFrame(frame);
  const filterIndex = filter === ALL_ROLES ? 0 : frame.roleBands.indexOf(filter) + 1;
  if (filterIndex === 0 && filter !== ALL_ROLES) throw new Error(`unknown role band "${filter}"`);
  const found = nodesWithAtoms(treeOf(frame)).find((x) => sameNode(x.node, node));
  if (!found) throw new Error(`${JSON.stringify(node)} is not in the survey frame`);
  return found.byFilter[filterIndex] ?? [];
}

// ---- the block partition ------------------------------------------------------------------------------------

interface WorkingBlock extends Block {
  depth: number;
}

/**
 * MEASURE-ANON-3. Bottom-up over the tree, each node X:
 * - its own atoms (a team's, or the school's or district's "no team" pool) with >= t respondents are blocks;
 * - its small own atoms and its children's leftovers pool; a pool of >= t is a block formed at X;
 * - a pool below t joins a block already formed in X's subtree when there is one (the shallowest, then the
 *   smallest, then the first formed), so X itself stays showable; otherwise it is X's leftover and moves up;
 * - at the district, a leftover with no block anywhere to join is a block of its own (the wave is below t).
 * A leftover only moves up from a node with fewer than t respondents in all; a node with t or more keeps all its
 * respondents in blocks inside its subtree, which a leftover from above may later join.
 */
function partition(tree: TreeNode, counts: ReadonlyMap<AtomKey, number>, t: number): Block[] {
  const blocks: WorkingBlock[] = [];
  const visit = (x: TreeNode): { atoms: AtomKey[]; n: number } => {
    const firstInSubtree = blocks.length;
    const pool = { atoms: [] as AtomKey[], n: 0 };
    for (const child of x.children) {
      const left = visit(child);
      pool.atoms.push(...left.atoms);
      pool.n += left.n;
    }
    for (const key of x.own) {
      const n = counts.get(key) ?? 0;
      if (n === 0) continue;
      if (n >= t) blocks.push({ atoms: [key], n, formedAt: x.node, depth: x.depth });
      else {
        pool.atoms.push(key);
        pool.n += n;
      }
    }
    const none = { atoms: [], n: 0 };
    if (pool.n === 0) return none;
    if (pool.n >= t) {
      blocks.push({ ...pool, formedAt: x.node, depth: x.depth });
      return none;
    }
    const candidates = blocks.slice(firstInSubtree);
    const target = candidates.reduce<WorkingBlock | undefined>(
      (best, b) => (!best || b.depth < best.depth || (b.depth === best.depth && b.n < best.n) ? b : best),
      undefined,
    );
    if (target) {
      target.atoms.push(...pool.atoms);
      target.n += pool.n;
      return none;
    }
    if (x.depth === 0) {
      blocks.push({ ...pool, formedAt: x.node, depth: 0 });
      return none;
    }
    return pool;
  };
  visit(tree);
  return blocks.map(({ atoms, n, formedAt }) => ({ atoms: [...atoms].sort(byText), n, formedAt }));
}

// ---- publishing -------------------------------------------------------------------------------------------------

interface Rule {
  threshold: number;
  complementary: boolean;
  blockOf: ReadonlyMap<AtomKey, Block>;
}

const ruleFor = (threshold: number, complementary: boolean, blocks: readonly Block[]): Rule => ({
  threshold,
  complementary,
  blockOf: new Map(blocks.flatMap((b) => b.atoms.map((a) => [a, b] as const))),
});

/** Whether the non-empty atoms of `atoms` (distinct) are exactly a union of whole blocks. */
function wholeBlocks(atoms: readonly AtomKey[], counts: ReadonlyMap<AtomKey, number>, rule: Rule): boolean {
  const seen = new Map<Block, number>();
  for (const atom of atoms) {
    if (!counts.get(atom)) continue;
    const block = rule.blockOf.get(atom);
    if (!block) return false;
    seen.set(block, (seen.get(block) ?? 0) + 1);
  }
  return [...seen].every(([block, k]) => k === block.atoms.length);
}

function allows(
  atoms: readonly AtomKey[],
  n: number,
  counts: ReadonlyMap<AtomKey, number>,
  rule: Rule,
): boolean {
  return n >= rule.threshold && (!rule.complementary || wholeBlocks(atoms, counts, rule));
}

/** `atoms` are distinct. */
function publication(
  atoms: readonly AtomKey[],
  counts: ReadonlyMap<AtomKey, number>,
  mean: Rule,
  distribution: Rule,
): Publication {
  let n = 0;
  for (const atom of atoms) n += counts.get(atom) ?? 0;
  if (n === 0) return { status: 'empty' };
  if (!allows(atoms, n, counts, mean)) return { status: 'suppressed' };
  return { status: 'shown', n, distribution: allows(atoms, n, counts, distribution) };
}

function countsOf<R extends string>(
  every: readonly AtomKey[],
  given: readonly AtomCount<R>[],
): Map<AtomKey, number> {
  const counts = new Map(every.map((key) => [key, 0]));
  const listed = new Set<AtomKey>();
  for (const { unit, role, n } of given) {
    const key = atomKey(unit, role);
    if (!counts.has(key)) throw new Error(`respondents counted for ${key}, which is not in the survey frame`);
    if (listed.has(key)) throw new Error(`respondents of ${key} are counted twice`);
    if (!Number.isSafeInteger(n) || n < 0)
      throw new RangeError(`a respondent count is a whole number >= 0, not ${n}`);
    listed.add(key);
    counts.set(key, n);
  }
  return counts;
}

/**
 * MEASURE-ANON-2..7. Every cell of a wave's report (each node crossed with each role filter) with what may be
 * published about it, decided once for the wave from the frame taken at launch and the final counts. The same
 * frame and counts give the same plan whatever the order of the lists in them.
 */
export function planReport<R extends string>(
  frame: SurveyFrame<R>,
  atomCounts: readonly AtomCount<R>[],
  options: PlanOptions,
): ReportPlan<R> {
  const { threshold, complementary } = options;
  if (!Number.isSafeInteger(threshold) || threshold < MIN_THRESHOLD)
    throw new RangeError(`the threshold is a whole number >= ${MIN_THRESHOLD}, not ${threshold}`);
  validateFrame(frame);
  const tree = treeOf(frame);
  const nodes = nodesWithAtoms(tree);
  const counts = countsOf(nodes[0]?.byFilter[0] ?? [], atomCounts);
  const dt = distributionThreshold(threshold);
  const blocks = partition(tree, counts, threshold);
  const distributionBlocks = partition(tree, counts, dt);
  const mean = ruleFor(threshold, complementary, blocks);
  const distribution = ruleFor(dt, complementary, distributionBlocks);
  const filters: RoleFilter<R>[] = [ALL_ROLES, ...frame.roleBands];
  const cells = nodes.flatMap(({ node, byFilter }) =>
    filters.map((role, i): PlannedCell<R> => {
      const atoms = byFilter[i] ?? [];
      return { node, role, atoms, ...publication(atoms, counts, mean, distribution) };
    }),
  );
  return { threshold, distributionThreshold: dt, complementary, blocks, distributionBlocks, cells, counts };
}

/**
 * MEASURE-ANON-4. What may be published about an ad-hoc union of atoms (e.g. a group of teams a principal
 * selects, with a role filter): the same rule as for the plan's cells, against the same blocks.
 */
export function aggregateStatus<R extends string>(
  plan: ReportPlan<R>,
  atoms: Iterable<AtomKey>,
): Publication {
  const distinct = [...new Set(atoms)];
  for (const atom of distinct) {
    if (!plan.counts.has(atom)) throw new Error(`${atom} is not in this wave's frame`);
  }
  return publication(
    distinct,
    plan.counts,
    ruleFor(plan.threshold, plan.complementary, plan.blocks),
    ruleFor(plan.distributionThreshold, plan.complementary, plan.distributionBlocks),
  );
}

/** MEASURE-ANON-4. Whether an ad-hoc union of atoms may be shown. */
export function isPublishable<R extends string>(plan: ReportPlan<R>, atoms: Iterable<AtomKey>): boolean {
  return aggregateStatus(plan, atoms).status === 'shown';
}

// ---- free text and timestamps -------------------------------------------------------------------------------

/**
 * MEASURE-ANON-8. Free-text answers appear only in a shown cell, and only when the instrument allows free text.
 */
export function showsFreeText(cell: Publication, instrumentAllowsFreeText: boolean): boolean {
  return instrumentAllowsFreeText && cell.status === 'shown';
}

/** 32-bit FNV-1a over UTF-16 code units: a fixed, non-secret key that depends on the text alone. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * MEASURE-ANON-8. Free-text answers in an order that depends on their texts alone (a hash, then the text), so the
 * order says nothing about when, or in which unit, each was written.
 */
export function orderFreeText(texts: readonly string[]): string[] {
  return texts
    .map((text) => ({ text, key: fnv1a(text) }))
    .sort((a, b) => a.key - b.key || byText(a.text, b.text))
    .map((x) => x.text);
}

const DAY_MS = 86_400_000;

/** MEASURE-ANON-9. A response keeps only the UTC day it was submitted: the instant truncated to 00:00 UTC. */
export function coarsenSubmittedAt(at: Date): Date {
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new RangeError('an invalid date cannot be coarsened');
  return new Date(ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS));
}
