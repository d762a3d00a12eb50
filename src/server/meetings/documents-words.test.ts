/**
 * DAY-WORDS-1: the Markdown minutes name each source of efficacy exactly as the shared table does (the web's
 * strings take the same table, see src/web/meetings/strings.test.ts), so minutes, screens and exports agree.
 */
import { describe, expect, it } from 'vitest';
import { EFFICACY_SOURCE_WORDS } from '#contracts/efficacy-sources';
import { EFFICACY_SOURCES } from '#contracts/routine';
import { minutesOf } from '#core/meeting/index';
import { ANA, BEN, cmd, goTo, started } from '#core/meeting/testing';
import { minutesToMarkdown } from './documents';

describe('source names in the Markdown minutes', () => {
  it('DAY-WORDS-1 every source tagged is written with the one shared name', () => {
    const s = started();
    goTo(s, 'final');
    for (const source of EFFICACY_SOURCES)
      s.must(cmd('tagSource', BEN, { source, why: `Seen: ${source}` }), `tag-${source}`);
    s.must(cmd('endMeeting', ANA));

    const markdown = minutesToMarkdown(minutesOf(s.state), {
      title: 'Weekly',
      groupName: 'Team',
      names: new Map([[BEN, 'Ben']]),
    });
    const written = [...markdown.matchAll(/^- \*\*(.+?)\*\*: Seen: /gm)].map((m) => m[1]);
    expect(written).toEqual(EFFICACY_SOURCES.map((source) => EFFICACY_SOURCE_WORDS[source].name));
  });
});
