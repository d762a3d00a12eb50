import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CARD_TEXT_MAX, CARD_TITLE_MAX } from '#contracts/share-cards';
import { cardPrefill, flagCard, shorten, sniffImageType } from './card';

const bytes = (...b: number[]) => Uint8Array.from(b);
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
const WEBP = [0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50];

describe('SHARE-CARD-3: the image type is sniffed from its bytes', () => {
  it('SHARE-CARD-3: PNG, JPEG and WebP are known by their magic bytes', () => {
    expect(sniffImageType(bytes(...PNG))).toBe('image/png');
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16))).toBe('image/jpeg');
    expect(sniffImageType(bytes(...WEBP))).toBe('image/webp');
  });
  it('SHARE-CARD-3: anything else is null: GIF, SVG, HTML, a RIFF that is not WebP, a cut-off PNG', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(sniffImageType(text('GIF89a'))).toBeNull();
    expect(sniffImageType(text('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(text('<!doctype html><script>alert(1)</script>'))).toBeNull();
    expect(sniffImageType(bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x41, 0x56, 0x49, 0x20))).toBeNull();
    expect(sniffImageType(bytes(...PNG.slice(0, 7)))).toBeNull();
    expect(sniffImageType(bytes())).toBeNull();
  });
  it('SHARE-CARD-3: bytes that start with no known signature are never given an image type (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        const type = sniffImageType(b);
        if (type === 'image/png') expect([...b.slice(0, 8)]).toEqual(PNG.slice(0, 8));
        if (type === 'image/jpeg') expect([...b.slice(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
        if (type === 'image/webp') expect(String.fromCharCode(...b.slice(8, 12))).toBe('WEBP');
      }),
    );
  });
});

describe('SHARE-CARD-1: a card starts from the shared copy', () => {
  it('SHARE-CARD-1: the title and the story, shortened at a word to the card limits', () => {
    const story = 'Students explained their thinking in pairs before writing. '.repeat(10);
    const prefill = cardPrefill({
      kind: 'success',
      title: 'Talk before writing',
      story,
      evidence: 'e',
      whatWorked: 'w',
      insight: 'i',
      tags: { grade: null, subject: null, strategy: null, studentGroup: null },
      teamName: 'Grade 3 team',
      schoolName: 'Lincoln Elementary',
    });
    expect(prefill.title).toBe('Talk before writing');
    expect(prefill.text.length).toBeLessThanOrEqual(CARD_TEXT_MAX);
    expect(prefill.text.endsWith('…')).toBe(true);
    expect(story.startsWith(prefill.text.slice(0, -1))).toBe(true);
    // The team's and school's names are never put on a card.
    expect(JSON.stringify(prefill)).not.toMatch(/Grade 3 team|Lincoln/);
  });
  it('SHARE-CARD-1: shorten never exceeds its limit and keeps a short text as it is (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 2, max: CARD_TITLE_MAX }), (s, max) => {
        const out = shorten(s, max);
        expect(out.length).toBeLessThanOrEqual(max);
        const flat = s.replace(/\s+/g, ' ').trim();
        if (flat.length <= max) expect(out).toBe(flat);
      }),
    );
  });
});

describe('SHARE-CARD-5: the card is reviewed like any share', () => {
  it('SHARE-CARD-5: flags name the card field they are in (title, text, imageAlt)', () => {
    const flags = flagCard(
      { title: 'Maya found her voice', text: 'Call 555-123-4567.', imageAlt: 'Photo of Jaylen at the board' },
      ['Maya Lopez'],
    );
    expect(flags.map((f) => [f.field, f.text])).toEqual(
      expect.arrayContaining([
        ['title', 'Maya'],
        ['text', '555-123-4567'],
        ['imageAlt', 'Jaylen'],
      ]),
    );
    expect(flagCard({ title: 'talk first', text: 'pairs helped.', imageAlt: null }, [])).toEqual([]);
  });
});
