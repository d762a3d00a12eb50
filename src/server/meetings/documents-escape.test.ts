/**
 * TRUST-HTTP-11: people's text in Markdown minutes cannot become links, HTML, headings, list items or cells.
 */
import { describe, expect, it } from 'vitest';
import { minutesOf } from '#core/meeting/index';
import { ANA, BEN, CAI, cmd, goTo, started } from '#core/meeting/testing';
import { mdBlock, mdText, minutesToMarkdown } from './documents';

describe('Markdown minutes', () => {
  it('TRUST-HTTP-11: inline markup in people text stays text', () => {
    expect(mdText('[click](http://evil.example)')).toBe('\\[click\\](http://evil.example)');
    expect(mdText('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert(1)\\>');
    expect(mdText('# Heading')).toBe('\\# Heading');
    expect(mdText('- item')).toBe('\\- item');
    expect(mdText('1. item')).toBe('1\\. item');
    expect(mdText('a | b')).toBe('a \\| b');
    expect(mdText('line one\n# two')).toBe('line one \\# two');
    expect(mdText('&lt;script&gt;')).toBe('\\&lt;script\\&gt;');
    expect(mdText('**bold** _it_ `code` ~~x~~')).toBe('\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~x\\~\\~');
    expect(mdBlock('fine\n  # heading\n===\n> quote\n\nnext')).toBe(
      'fine\n\\# heading\n\\===\n\\> quote\n\nnext',
    );
  });

  it('TRUST-HTTP-11: a name, a question, a next step and a meeting title cannot inject structure', () => {
    const s = started();
    goTo(s, 'probe');
    s.must(
      cmd('submitQuestion', BEN, { kind: 'probing', text: 'Q?\n## Injected heading\n<script>x</script>' }),
      'q-1',
    );
    s.must(
      cmd('addActionItem', BEN, { text: '[do it](javascript:alert(1))', ownerId: CAI, due: null }),
      'i-1',
    );
    const names = new Map([
      [ANA, 'Ana](http://evil.example)'],
      [BEN, '<b>Ben</b>'],
      [CAI, '# Cai'],
    ]);
    const markdown = minutesToMarkdown(minutesOf(s.state), {
      title: 'Weekly\n# Fake title',
      groupName: '| cell |',
      names,
    });
    const headings = markdown.split('\n').filter((l) => /^#{1,6} /.test(l));
    // The one heading that holds people's text is the title, escaped on one line.
    expect(headings.filter((h) => /Injected|Fake|Cai/.test(h))).toEqual(['# Weekly \\# Fake title']);
    expect(markdown).not.toMatch(/(^|[^\\])<(script|b)>/);
    expect(markdown).not.toMatch(/(^|[^\\])\[do it\]/);
    expect(markdown).not.toMatch(/(^|[^\\])\]\(http/);
    expect(markdown).toContain('\\# Cai');
  });
});
