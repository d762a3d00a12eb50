/**
 * I18N-CONTENT (ADR 0044): Ensemble's shipped routines and instruments are written once per language, and a
 * translation may differ from its English file in human text only. `routineStructure` and `instrumentStructure`
 * keep everything else (ids, order, minutes, roles, sources, item ids, constructs, scale points, how many prompts
 * and labels) and blank the words; `structureDifferences` names every place two structures part. Pure: the
 * server checks its files at start with it, and the tests prove a drifted file is refused.
 */
import type { Instrument } from '#contracts/instrument';
import type { Routine } from '#contracts/routine';

/** A blanked text: present, but its words do not count. */
const TEXT = '…';

/** A routine with its human text blanked (a list of prompts keeps its length). */
export function routineStructure(r: Routine): unknown {
  return {
    ...r,
    name: TEXT,
    summary: TEXT,
    source: TEXT,
    audience: TEXT,
    steps: r.steps.map((step) => ({
      ...step,
      title: TEXT,
      purpose: TEXT,
      prompts: step.prompts.map(() => TEXT),
      ...(step.norm === undefined ? {} : { norm: TEXT }),
      ...(step.finalPrompts === undefined
        ? {}
        : { finalPrompts: { learned: TEXT, nextSteps: TEXT, sources: TEXT } }),
    })),
  };
}

/** An instrument with its human text (and its language) blanked; the scale keeps its points and label count. */
export function instrumentStructure(i: Instrument): unknown {
  return {
    ...i,
    title: TEXT,
    language: TEXT,
    description: TEXT,
    licence: { owner: i.licence.owner, note: TEXT },
    scale: { points: i.scale.points, labels: i.scale.labels.map(() => TEXT) },
    items: i.items.map((item) => ({ ...item, text: TEXT })),
    ...(i.freeText === undefined
      ? {}
      : {
          freeText: {
            ...i.freeText,
            ...(i.freeText.prompt === undefined ? {} : { prompt: TEXT }),
          },
        }),
  };
}

/**
 * Where two values differ, as dotted paths (`steps.2.minutes: 4 ≠ 5`), in order. Objects compare by their keys
 * whatever their order, a key holding `undefined` counting as absent (as in JSON), arrays by position.
 */
export function structureDifferences(a: unknown, b: unknown, path = ''): string[] {
  const at = path === '' ? '(top)' : path;
  if (Array.isArray(a) && Array.isArray(b)) {
    const out: string[] = [];
    if (a.length !== b.length) out.push(`${at}: ${a.length} entries ≠ ${b.length}`);
    for (let i = 0; i < Math.min(a.length, b.length); i++)
      out.push(...structureDifferences(a[i], b[i], join(path, String(i))));
    return out;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((key) => {
      const x = a[key];
      const y = b[key];
      if (x === undefined && y === undefined) return [];
      if (x === undefined || y === undefined)
        return [
          `${join(path, key)}: ${x === undefined ? 'missing' : 'present'} ≠ ${y === undefined ? 'missing' : 'present'}`,
        ];
      return structureDifferences(x, y, join(path, key));
    });
  }
  return Object.is(a, b) ? [] : [`${at}: ${show(a)} ≠ ${show(b)}`];
}

/** Whether two values are the same content (keys in any order, `undefined` keys absent); stops at the first difference. */
export function sameContent(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameContent(x, b[i]));
  if (!isRecord(a) || !isRecord(b)) return false;
  const defined = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined);
  const keys = defined(a);
  return keys.length === defined(b).length && keys.every((k) => sameContent(a[k], b[k]));
}

const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function show(x: unknown): string {
  return Array.isArray(x) ? 'a list' : isRecord(x) ? 'an object' : JSON.stringify(x);
}
