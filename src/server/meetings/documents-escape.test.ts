/**
 * TRUST-HTTP-10: iCalendar text without control characters, folded at 75 octets on UTF-8 boundaries.
 * TRUST-HTTP-11: people's text in Markdown minutes cannot become links, HTML, headings, list items or cells.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { minutesOf } from '#core/meeting/index';
import { ANA, BEN, CAI, cmd, goTo, started } from '#core/meeting/testing';
import { fold, icsText, mdBlock, mdText, meetingsToICalendar, minutesToMarkdown } from './documents';

describe('iCalendar', () => {
  it('TRUST-HTTP-10: control characters are dropped, a lone CR does not break the line, line breaks become \\n', () => {
    expect(icsText('a\rb')).toBe('a\\nb');
    expect(icsText('a\r\nb\nc')).toBe('a\\nb\\nc');
    expect(icsText('x\u0000\u0001\u0007\u001b[31m\u007f\u0085y')).toBe('x[31my');
    expect(icsText('tab\there')).toBe('tab\there');
    expect(icsText('a;b,c\\d')).toBe('a\\;b\\,c\\\\d');
    expect(icsText('lone \ud800 surrogate')).toBe('lone \ufffd surrogate');
    const calendar = meetingsToICalendar('Team\rX-INJECTED:1', [
      {
        id: 'm1',
        title: 'Weekly\r\nBEGIN:VEVENT\rSUMMARY:evil',
        routineName: 'Share',
        totalMinutes: 30,
        scheduledFor: new Date('2026-12-01T15:00:00Z'),
        url: 'http://x.test/m1',
        updatedAt: new Date('2026-12-01T10:00:00Z'),
      },
    ]);
    const lines = calendar.split('\r\n');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('X-INJECTED') || l.startsWith('SUMMARY:evil'))).toBe(false);
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(calendar.replace(/\r\n/g, '')).not.toMatch(/[\r\n\u0000-\u0008\u000b-\u001f]/);
  });

  it('TRUST-HTTP-10: lines fold at 75 octets and never inside a UTF-8 sequence (any text)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const folded = fold(`DESCRIPTION:${icsText(text)}`);
        const lines = folded.split('\r\n');
        for (const line of lines) {
          expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
          // A split surrogate pair would show up as a lone surrogate at a line's end or start.
          expect(line).not.toMatch(/[\ud800-\udbff]$|^ ?[\udc00-\udfff]/);
        }
        lines.slice(1).forEach((l) => expect(l.startsWith(' ')).toBe(true));
        expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(`DESCRIPTION:${icsText(text)}`);
      }),
      { numRuns: 300 },
    );
    const emoji = fold(`SUMMARY:${'👩🏽‍🏫ñ中'.repeat(30)}`);
    for (const line of emoji.split('\r\n')) expect(Buffer.from(line).toString()).toBe(line);
  });
});

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
