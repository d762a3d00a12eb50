/**
 * Translates a sentence the server wrote in English into the request's language, at the one place an answer
 * leaves (I18N-SRV-3): `http/errors.ts` for HTTP, the socket adapter for meeting sockets. Exact sentences first,
 * then templates (`'{{0}} was not found.'`, the longest literal text first), whose parts are translated as words
 * (`WORDS_ES`) or sentences when we wrote them, and kept as they are otherwise (numbers, ids, names).
 * A message with several lines (a list of problems) is translated line by line.
 */
import type { Language } from '#contracts/auth';
import { MESSAGES_ES, WORDS_ES } from './messages.es';

interface Template {
  /** The English with each placeholder matching as little (then as much) as it can. */
  patterns: readonly RegExp[];
  /** Its literal text, each of which a sentence must contain for the template to be tried. */
  literals: readonly string[];
  spanish: string;
  literal: number;
}

const PLACEHOLDER = /\{\{(\d+)\}\}/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const TEMPLATES: readonly Template[] = Object.entries(MESSAGES_ES)
  .filter(([english]) => english.includes('{{'))
  .map(([english, spanish]) => {
    const parts = english.split(PLACEHOLDER);
    // split() with a capture group alternates literal text and placeholder numbers.
    const source = (group: string) =>
      parts.map((part, i) => (i % 2 === 0 ? escapeRegExp(part) : group)).join('');
    const order = parts.filter((_, i) => i % 2 === 1).map(Number);
    // Groups come in the English order; the Spanish names them by number, so renumber the groups by position.
    const renumbered = spanish.replace(PLACEHOLDER, (_, n: string) => `{{${order.indexOf(Number(n))}}}`);
    const literal = parts.filter((_, i) => i % 2 === 0).join('').length;
    const patterns = [new RegExp(`^${source('([\\s\\S]+?)')}$`), new RegExp(`^${source('([\\s\\S]+)')}$`)];
    const literals = parts.filter((part, i) => i % 2 === 0 && part.length > 0);
    return { patterns, literals, spanish: renumbered, literal };
  })
  .sort((a, b) => b.literal - a.literal);

/** How many words a part left as it is holds: `users.csv` 2, `expected string, received number` 4, `12` 0. */
function wordsIn(text: string): number {
  return text.match(/\p{L}+/gu)?.length ?? 0;
}

/** The Spanish of an English sentence the server wrote, or undefined when the catalogue does not have it. */
export function spanishOf(english: string): string | undefined {
  return spanishIn(english, 0, new Map());
}

/** Each part already tried in this translation: the readings of a sentence share most of their parts. */
type Memo = Map<string, string | undefined>;

function spanishIn(english: string, depth: number, memo: Memo): string | undefined {
  const key = `${depth}\u0000${english}`;
  if (memo.has(key)) return memo.get(key);
  const spanish = read(english, depth, memo);
  memo.set(key, spanish);
  return spanish;
}

function read(english: string, depth: number, memo: Memo): string | undefined {
  const exact = MESSAGES_ES[english];
  if (exact !== undefined) return exact;
  // Templates are matched on sentences, not on pages of text (their lazy groups backtrack).
  if (english.includes('\n')) {
    const lines = english.split('\n');
    const spanish = lines.map((line) => spanishIn(line, depth + 1, memo));
    // Every line of ours in Spanish; a line we did not write (or have not translated) stays as it is.
    return spanish.some((l) => l !== undefined) ? spanish.map((l, i) => l ?? lines[i]).join('\n') : undefined;
  }
  // Templates are matched on sentences, not on pages of text (their lazy groups backtrack).
  if (depth > 5 || english.length > 1_000) return undefined;
  // Of the templates that match, the one leaving the fewest words unsaid (`{{0}}: {{1}}` before
  // `{{0}}: {{1}}: {{2}}` for `users.csv: is encrypted: zip…`; file names and paths are left in every reading),
  // then the one with the most literal text.
  let best: { text: string; unsaid: number } | undefined;
  for (const template of TEMPLATES) {
    if (!template.literals.every((literal) => english.includes(literal))) continue;
    for (const pattern of template.patterns) {
      const m = pattern.exec(english);
      if (!m) continue;
      const parts = m.slice(1).map((v) => WORDS_ES[v] ?? spanishIn(v, depth + 1, memo));
      const values = parts.map((p, i) => p ?? m[i + 1] ?? '');
      const unsaid = parts.reduce((sum, p, i) => sum + (p === undefined ? wordsIn(m[i + 1] ?? '') : 0), 0);
      if (best !== undefined && unsaid >= best.unsaid) continue;
      best = {
        text: template.spanish.replace(PLACEHOLDER, (_, n: string) => values[Number(n)] ?? ''),
        unsaid,
      };
      if (unsaid === 0) return best.text;
    }
  }
  return best?.text;
}

/** The sentence in the language asked for; in Spanish, English only for what the catalogue does not have. */
export function translate(message: string, language: Language): string {
  if (language === 'en') return message;
  return spanishOf(message) ?? message;
}
