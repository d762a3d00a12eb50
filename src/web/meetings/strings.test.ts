/** DAY-WORDS: the words of the meeting and routine screens. */
import { describe, expect, it } from 'vitest';
import { EFFICACY_SOURCE_WORDS } from '#contracts/efficacy-sources';
import { EFFICACY_SOURCES } from '#contracts/routine';
import { routinesStrings } from '../routines/strings.en';
import { meetingsStrings } from './strings.en';

describe('words on the meeting screens', () => {
  it('DAY-WORDS-1 each source has the one shared name on screen (the Markdown minutes use the same table)', () => {
    for (const source of EFFICACY_SOURCES) {
      expect(meetingsStrings.sources[source].name).toBe(EFFICACY_SOURCE_WORDS[source].name);
      expect(meetingsStrings.sources[source].why).toBe(EFFICACY_SOURCE_WORDS[source].gloss);
    }
    // The research's names: mastery, vicarious experience, social persuasion, affective state.
    expect(EFFICACY_SOURCES.map((s) => EFFICACY_SOURCE_WORDS[s].name)).toEqual([
      'Mastery experience',
      'Vicarious experience',
      'Social persuasion',
      'Affective state',
    ]);
  });

  it("DAY-WORDS-2 a step's sources are shown as the routine's aim, not as a claim that the step enacts them", () => {
    const labels = [routinesStrings.routine.sources, routinesStrings.editor.sources];
    for (const label of labels) {
      expect(label).not.toMatch(/enacts/i);
      expect(label).toMatch(/aims to build/i);
    }
  });
});
