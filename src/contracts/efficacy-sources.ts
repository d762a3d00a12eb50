/**
 * The one place the four sources of efficacy are named (DAY-WORDS-1). Screens, the minutes page, the Markdown
 * minutes and every export take a source's name from here, so a source is called the same everywhere.
 *
 * The names are the research's own (Bandura's four sources, as the collective-efficacy literature uses them);
 * the gloss says in plain words what each looks like in a team meeting. A positive affective state is the one
 * that builds efficacy; the name stays the research's term and the gloss says which state is meant.
 */
import type { EfficacySource } from './routine';

export interface EfficacySourceWords {
  /** The research's name, used as the source's only name. */
  readonly name: string;
  /** What it looks like for a team, in plain words. */
  readonly gloss: string;
}

export const EFFICACY_SOURCE_WORDS = {
  mastery: {
    name: 'Mastery experience',
    gloss: 'Our own actions led to success at something we found hard.',
  },
  vicarious: {
    name: 'Vicarious experience',
    gloss: 'We saw a colleague succeed and can picture ourselves doing the same.',
  },
  social_persuasion: {
    name: 'Social persuasion',
    gloss: 'Colleagues told us, specifically and believably, that we can do this.',
  },
  affective_state: {
    name: 'Affective state',
    gloss: 'The conversation felt calm and safe enough to take a risk.',
  },
} as const satisfies Record<EfficacySource, EfficacySourceWords>;

/** The source's name; an unknown value (an old export, a typo) is shown as it is. */
export function efficacySourceName(source: string): string {
  return isEfficacySource(source) ? EFFICACY_SOURCE_WORDS[source].name : source;
}

function isEfficacySource(value: string): value is EfficacySource {
  return Object.hasOwn(EFFICACY_SOURCE_WORDS, value);
}
