import type { MemoryTags } from '#contracts/memory';
import { dateTimeFormat } from '../ui/dates';

export const dayOf = (iso: string, language: string) =>
  dateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(iso));

export const TAG_KEYS = [
  'grade',
  'subject',
  'strategy',
  'studentGroup',
] as const satisfies readonly (keyof MemoryTags)[];

/** The page of each list, by kind. */
export const LIST_PATH = { success: 'successes', dilemma: 'problems', observation: 'observations' } as const;

/** A form's value as a tag: trimmed, null when empty. */
export const tagOf = (value: string | undefined) => (value?.trim() ? value.trim() : null);
