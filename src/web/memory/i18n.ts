/**
 * Team memory's strings live in their own i18next namespace, `memory` (strings.en.ts), with its Spanish in strings.es.ts (ADR 0044).ts).
 */
import { kitTranslator, type KitT, type Leaves } from '../i18n/kits';
import { memoryStrings } from './strings.en';

export const MEMORY_NS = 'memory';

export type MemoryKey = Leaves<typeof memoryStrings>;
export type MemoryT = KitT<typeof memoryStrings>;

/** A `t` checked against strings.en.ts at compile time. Re-renders on language change (through useTranslation). */
export const useMemoryT = kitTranslator(MEMORY_NS, memoryStrings, {
  es: () => import('./strings.es').then((m) => m.memoryStrings),
});
