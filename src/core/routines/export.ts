/**
 * ROUTINE-LIB-IO-2: a routine as a YAML file in the format of protocols/*.yaml, which `parseRoutine` reads back
 * to the same routine. Server-only, like parse.ts (`yaml` never reaches the browser, DAY-PERF-2).
 */
import { Document } from 'yaml';
import type { Routine, RoutineStep } from '../../contracts/routine';

const STEP_KEYS: readonly (keyof RoutineStep)[] = [
  'id',
  'title',
  'kind',
  'questionKind',
  'minutes',
  'variable',
  'modes',
  'speaker',
  'purpose',
  'prompts',
  'norm',
  'sources',
  'finalPrompts',
];
const ROUTINE_KEYS: readonly (keyof Routine)[] = [
  'id',
  'version',
  'name',
  'summary',
  'focus',
  'source',
  'audience',
  'for',
  'variantOf',
  'basedOn',
  'steps',
];

function ordered<T extends object>(value: T, keys: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

export function routineToYaml(routine: Routine): string {
  const plain = {
    ...ordered(routine, ROUTINE_KEYS),
    steps: routine.steps.map((step) => ordered(step, STEP_KEYS)),
  };
  const doc = new Document(plain, { aliasDuplicateObjects: false });
  doc.commentBefore = ` Ensemble routine "${routine.name.replace(/[\r\n]+/g, ' ')}", version ${routine.version}.`;
  return doc.toString({ lineWidth: 110, minContentWidth: 40 });
}
