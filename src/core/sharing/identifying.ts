/**
 * SHARE-FLAG-*: likely student names and other identifying details in a text about to leave its team. A
 * heuristic that helps the author review, never a filter that decides: the author reads every flag and edits.
 * Pure: the roster names come in as `knownNames` (the school's and the district's people).
 */

export type FlagReason =
  | 'known-name'
  | 'capitalized'
  | 'initials'
  | 'age'
  | 'id-number'
  | 'grade-with-name'
  | 'date'
  | 'email'
  | 'phone';

export interface IdentifyingFlag {
  /** Offsets in UTF-16 code units, `text.slice(start, end) === text`. */
  start: number;
  end: number;
  text: string;
  reason: FlagReason;
}

export interface FlagOptions {
  /** Full names of people we know of (e.g. "Maya Lopez"): each first, last and full name is matched. */
  knownNames: readonly string[];
}

/** Words that start with a capital for reasons other than naming a person (SHARE-FLAG-3). Lowercase. */
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
];
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const SUBJECTS = [
  'math',
  'maths',
  'mathematics',
  'algebra',
  'geometry',
  'calculus',
  'english',
  'spanish',
  'french',
  'ela',
  'reading',
  'writing',
  'science',
  'biology',
  'chemistry',
  'physics',
  'history',
  'geography',
  'art',
  'music',
  'pe',
  'stem',
  'steam',
  'social',
  'studies',
];
const SCHOOL_WORDS = [
  'school',
  'class',
  'classroom',
  'grade',
  'room',
  'team',
  'library',
  'cafeteria',
  'gym',
  'office',
  'district',
  'principal',
  'teacher',
  'teachers',
  'students',
  'student',
  'kindergarten',
  'pre-k',
  'unit',
  'lesson',
  'period',
  'semester',
  'term',
  'quarter',
  'mr',
  'ms',
  'mrs',
  'dr',
  'mx',
  'miss',
];
const COMMON = [
  'i',
  "i'm",
  'i’m',
  "i've",
  'i’ve',
  "i'd",
  'i’d',
  "i'll",
  'i’ll',
  'a',
  'an',
  'the',
  'we',
  'our',
  'us',
  'they',
  'their',
  'he',
  'she',
  'his',
  'her',
  'it',
  'this',
  'that',
  'these',
  'those',
  'and',
  'or',
  'but',
  'so',
  'then',
  'when',
  'after',
  'before',
  'with',
  'without',
  'for',
  'from',
  'in',
  'on',
  'at',
  'to',
  'of',
  'by',
  'yes',
  'no',
  'ok',
  'okay',
  'god',
  'internet',
  'google',
  'zoom',
  'ipad',
  'chromebook',
  'covid',
];
export const NOT_NAMES: ReadonlySet<string> = new Set([
  ...MONTHS,
  ...DAYS,
  ...SUBJECTS,
  ...SCHOOL_WORDS,
  ...COMMON,
]);

/** Name parts that are also everyday words: matched only when capitalized ("Sue Other", "we have other ideas"). */
const WORDLIKE_NAMES: ReadonlySet<string> = new Set(
  (
    'will mark grace hope joy rose bill faith dawn summer other young brown green white black gray grey long ' +
    'short hall king wood hill lane page bell ward stone park price rich hunt fox cook baker mason best little ' +
    'strong sharp wise small rice field may sunny star river sky early just'
  ).split(' '),
);

const HONORIFIC = /(?:^|[^\p{L}])(?:mr|ms|mrs|dr|mx|miss)\.?\s+$/iu;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True where a word at `index` begins a sentence (or the text): after . ! ? … : or a line break. */
function atSentenceStart(text: string, index: number): boolean {
  const before = text.slice(0, index);
  // After "Ms. " or "Dr " the capital names a person, whatever the full stop says.
  if (HONORIFIC.test(before)) return false;
  const trimmed = before.replace(/[\s"'“‘(«\-–—*•]+$/u, '');
  if (trimmed === '') return true;
  if (/\n\s*[-–—*•]?\s*["'“‘(«]?$/u.test(before)) return true;
  const last = trimmed.at(-1) ?? '';
  if (!/[.!?…:;]/u.test(last)) return false;
  // "J. Martinez": a single capital before the stop is an initial, not the end of a sentence.
  return !/(?:^|[^\p{L}])\p{Lu}\.$/u.test(trimmed);
}

function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '') {
      re.lastIndex += 1;
      continue;
    }
    yield m;
  }
}

function flag(text: string, start: number, end: number, reason: FlagReason): IdentifyingFlag {
  return { start, end, text: text.slice(start, end), reason };
}

/** SHARE-FLAG-2: the roster's first, last and full names, case-insensitive, whole words. */
function knownNameFlags(text: string, knownNames: readonly string[]): IdentifyingFlag[] {
  const forms = new Set<string>();
  for (const full of knownNames) {
    const name = full.trim().replace(/\s+/g, ' ');
    if (name.length < 2) continue;
    forms.add(name);
    for (const part of name.split(' ')) {
      const bare = part.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      if (bare.length >= 2) forms.add(bare);
    }
  }
  if (forms.size === 0) return [];
  // Longest first, so a full name wins over its parts at the same place.
  const sorted = [...forms].sort((a, b) => b.length - a.length);
  const out: IdentifyingFlag[] = [];
  for (const form of sorted) {
    // A name that is also a common word ("May", "Will") counts only when capitalized, so "we may" is left alone.
    const common = NOT_NAMES.has(form.toLowerCase()) || WORDLIKE_NAMES.has(form.toLowerCase());
    const re = new RegExp(
      `(?<![\\p{L}\\p{N}])${escapeRegExp(form).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`,
      common ? 'gu' : 'giu',
    );
    for (const m of matches(re, text)) {
      if (common && !/^\p{Lu}/u.test(m[0])) continue;
      out.push(flag(text, m.index, m.index + m[0].length, 'known-name'));
    }
  }
  return out;
}

/** SHARE-FLAG-3: a capitalized word that is not a sentence's first word nor a common, calendar or school word. */
function capitalizedFlags(text: string): IdentifyingFlag[] {
  const words: { index: number; bare: string; first: boolean }[] = [];
  const re = /(?<![\p{L}\p{N}'’-])\p{Lu}[\p{L}'’-]*(?![\p{L}\p{N}])/gu;
  for (const m of matches(re, text)) {
    const word = m[0].replace(/['’-]+$/u, '');
    if (word.length < 2) continue;
    // Acronyms (ELA, IEP, ELL) are programmes and subjects, not people.
    if (word === word.toUpperCase()) continue;
    const bare = word.replace(/['’]s$/u, '');
    if (NOT_NAMES.has(bare.toLowerCase())) continue;
    words.push({ index: m.index, bare, first: atSentenceStart(text, m.index) });
  }
  // A word that is capitalized inside a sentence somewhere is a name at a sentence's start too.
  const names = new Set(words.filter((w) => !w.first).map((w) => w.bare));
  return words
    .filter((w) => !w.first || names.has(w.bare))
    .map((w) => flag(text, w.index, w.index + w.bare.length, 'capitalized'));
}

const MONTH_RE = MONTHS.join('|');
const PATTERNS: readonly (readonly [FlagReason, RegExp])[] = [
  ['email', /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu],
  // SHARE-FLAG-4: initials like "J.M." or "J. M.".
  ['initials', /(?<![\p{L}\p{N}])\p{Lu}\.\s?\p{Lu}\.(?:\s?\p{Lu}\.)?/gu],
  ['phone', /(?<![\p{N}])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\p{N}])/gu],
  [
    'date',
    new RegExp(
      [
        String.raw`(?<![\p{N}/])\d{4}-\d{1,2}-\d{1,2}(?![\p{N}])`,
        String.raw`(?<![\p{N}/.])\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\p{N}/%])`,
        String.raw`(?<![\p{N}.])\d{1,2}\.\d{1,2}\.\d{2,4}(?![\p{N}])`,
        String.raw`(?<![\p{L}])(?:${MONTH_RE})\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?(?![\p{N}])`,
        String.raw`(?<![\p{N}])\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTH_RE})(?:\s+\d{4})?(?![\p{L}])`,
      ].join('|'),
      'giu',
    ),
  ],
  [
    'age',
    /(?<![\p{L}\p{N}])(?:\d{1,2}[\s-]?(?:years?|yrs?|yo)(?:[\s-]?old)?|aged?\s+\d{1,2})(?![\p{L}\p{N}])/giu,
  ],
  // Student numbers and other ids: five or more digits, or letters with four or more digits ("S1234", "#4821").
  ['id-number', /(?<![\p{L}\p{N}])(?:#\d{3,}|\p{L}{1,3}-?\d{4,}|\d{5,})(?![\p{L}\p{N}])/gu],
];

/** A score or a letter grade given to someone: flagged when its sentence also names someone. */
const SCORE =
  /(?<![\p{L}])(?:scored|got|gets|earned|received|made|grade of|mark of)\s+(?:an?\s+)?(?:\d{1,3}(?:\.\d+)?\s*(?:%|percent|\/\s*\d{1,3}|points?)|[A-F][+-]?(?![\p{L}\p{N}]))/gu;

function sentenceBounds(text: string, index: number): [number, number] {
  let start = index;
  while (start > 0 && !/[.!?\n]/.test(text[start - 1] ?? '')) start -= 1;
  let end = index;
  while (end < text.length && !/[.!?\n]/.test(text[end] ?? '')) end += 1;
  return [start, end];
}

/**
 * SHARE-FLAG-1: the spans of `text` that likely identify a student or a person, sorted by position, never
 * overlapping (where two detectors meet, the longer span wins, then the more specific reason).
 */
export function flagIdentifying(text: string, options: FlagOptions): IdentifyingFlag[] {
  const found: IdentifyingFlag[] = [...knownNameFlags(text, options.knownNames)];
  for (const [reason, re] of PATTERNS) {
    for (const m of matches(re, text)) found.push(flag(text, m.index, m.index + m[0].length, reason));
  }
  found.push(...capitalizedFlags(text));
  const people = found.filter(
    (f) => f.reason === 'known-name' || f.reason === 'capitalized' || f.reason === 'initials',
  );
  for (const m of matches(SCORE, text)) {
    const [s, e] = sentenceBounds(text, m.index);
    if (people.some((p) => p.start >= s && p.end <= e))
      found.push(flag(text, m.index, m.index + m[0].length, 'grade-with-name'));
  }
  return dedupe(found);
}

const PRIORITY: Record<FlagReason, number> = {
  email: 0,
  phone: 1,
  'grade-with-name': 2,
  date: 3,
  age: 4,
  'id-number': 5,
  'known-name': 6,
  initials: 7,
  capitalized: 8,
};

function dedupe(found: IdentifyingFlag[]): IdentifyingFlag[] {
  const ranked = [...found].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) || PRIORITY[a.reason] - PRIORITY[b.reason] || a.start - b.start,
  );
  const kept: IdentifyingFlag[] = [];
  for (const f of ranked) {
    if (f.end <= f.start) continue;
    if (kept.some((k) => f.start < k.end && k.start < f.end)) continue;
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}
