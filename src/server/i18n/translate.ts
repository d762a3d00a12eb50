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
  pattern: RegExp;
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
    const source = parts.map((part, i) => (i % 2 === 0 ? escapeRegExp(part) : '([\\s\\S]+?)')).join('');
    const order = parts.filter((_, i) => i % 2 === 1).map(Number);
    // Groups come in the English order; the Spanish names them by number, so renumber the groups by position.
    const renumbered = spanish.replace(PLACEHOLDER, (_, n: string) => `{{${order.indexOf(Number(n))}}}`);
    const literal = parts.filter((_, i) => i % 2 === 0).join('').length;
    return { pattern: new RegExp(`^${source}$`), spanish: renumbered, literal };
  })
  .sort((a, b) => b.literal - a.literal);

/** A template's part in Spanish when we wrote it (a word or a sentence of ours); undefined otherwise. */
function partOf(value: string, depth: number): string | undefined {
  return WORDS_ES[value] ?? spanishOf(value, depth + 1);
}

/** The Spanish of an English sentence the server wrote, or undefined when the catalogue does not have it. */
export function spanishOf(english: string, depth = 0): string | undefined {
  const exact = MESSAGES_ES[english];
  if (exact !== undefined) return exact;
  if (depth > 2) return undefined;
  if (english.includes('\n')) {
    const lines = english.split('\n');
    const spanish = lines.map((line) => spanishOf(line, depth + 1));
    // Every line of ours in Spanish; a line we did not write (or have not translated) stays as it is.
    return spanish.some((l) => l !== undefined) ? spanish.map((l, i) => l ?? lines[i]).join('\n') : undefined;
  }
  // Of the templates that match, the one leaving the fewest parts with words unsaid (`{{0}}: {{1}}` before
  // `{{0}}: {{1}}: {{2}}` for `users.csv: is encrypted: zip…`), then the one with the most literal text.
  let best: { text: string; unsaid: number } | undefined;
  for (const template of TEMPLATES) {
    const m = template.pattern.exec(english);
    if (!m) continue;
    const parts = m.slice(1).map((v) => partOf(v, depth));
    const values = parts.map((p, i) => p ?? m[i + 1] ?? '');
    const unsaid = parts.filter((p, i) => p === undefined && /\p{L}/u.test(values[i] ?? '')).length;
    if (best !== undefined && unsaid >= best.unsaid) continue;
    best = { text: template.spanish.replace(PLACEHOLDER, (_, n: string) => values[Number(n)] ?? ''), unsaid };
    if (unsaid === 0) break;
  }
  return best?.text;
}

/** The sentence in the language asked for; in Spanish, English only for what the catalogue does not have. */
export function translate(message: string, language: Language): string {
  if (language === 'en') return message;
  return spanishOf(message) ?? message;
}
