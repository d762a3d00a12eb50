/**
 * Pure rules of routines a school can grow (ADR 0018): the ids new routines get, and the order a group is
 * offered routines in. No I/O: callers pass in the ids already taken and the routines they found.
 */
import { Slug, type Routine, type RoutineGroupKind } from '../../contracts/routine';

const SLUG_MAX = 60;

/** `Reading Check-in (Grade 4)` -> `reading-check-in-grade-4`; a name without letters or digits -> `routine`. */
export function slugFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX - 4)
    .replace(/-+$/g, '');
  return slug === '' ? 'routine' : slug;
}

/** ROUTINE-LIB-NEW-3: `base`, or `base-2`, `base-3`, … : the first that is not taken (always a valid Slug). */
export function uniqueRoutineId(base: string, taken: ReadonlySet<string>): string {
  const stem = Slug.safeParse(base).success
    ? base.slice(0, SLUG_MAX - 4).replace(/-+$/g, '')
    : slugFromName(base);
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * ROUTINE-LIB-ORDER-1: the routines build on one another (sharing a success asks least, peer modeling most),
 * so Ensemble's are offered in that order, the gentlest first. A routine worded for the group's kind comes
 * before the general wording; a wording for other kinds of group only is not offered.
 */
export const PROGRESSION = ['share-successes', 'problem-solve', 'peer-modeling'] as const;

const rankOf = (r: Pick<Routine, 'id' | 'variantOf'>) => {
  const i = PROGRESSION.indexOf((r.variantOf ?? r.id) as (typeof PROGRESSION)[number]);
  return i < 0 ? PROGRESSION.length : i;
};
const tierOf = (r: Pick<Routine, 'for'>, kind: RoutineGroupKind) =>
  r.for === undefined ? 1 : r.for.includes(kind) ? 0 : 2;

/**
 * Ensemble's routines a group of `kind` is offered, in order (stable for equal ranks): a wording for other kinds
 * of group only (the leader wording, for a teacher team) is left out of the offer; it still runs when named.
 */
export function orderShipped<R extends Pick<Routine, 'id' | 'variantOf' | 'for'>>(
  routines: readonly R[],
  kind: RoutineGroupKind,
): R[] {
  return routines
    .filter((r) => tierOf(r, kind) < 2)
    .map((r, i) => ({ r, i }))
    .sort(
      (a, b) =>
        tierOf(a.r, kind) - tierOf(b.r, kind) ||
        rankOf(a.r) - rankOf(b.r) ||
        a.r.id.localeCompare(b.r.id) ||
        a.i - b.i,
    )
    .map((x) => x.r);
}

/** A copy of `source` under a new name and id: version 1 of a new routine that remembers where it came from. */
export function copyRoutine(source: Routine, id: string, name: string): Routine {
  const { for: _for, variantOf: _variantOf, basedOn: _basedOn, ...rest } = source;
  return { ...rest, id, name, version: 1, basedOn: { id: source.id, version: source.version } };
}
