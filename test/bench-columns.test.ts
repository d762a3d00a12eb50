/**
 * The load generator's records in typed arrays (bench/columns.ts, ADR 0057): each behaves like the plain
 * structure it replaced (an array of numbers, a `Set` of seqs, a `Map` from seq to send time and sender).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { NumberLog, SentTimes, SeqSet } from '../bench/columns';

describe('bench columns (ADR 0057)', () => {
  test('NumberLog keeps every number in order across chunks, and sorts them like an array', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true }), { maxLength: 300 }),
        fc.nat(140_000),
        (values, pad) => {
          const log = new NumberLog();
          const all = [...Array.from({ length: pad }, (_, i) => i), ...values];
          for (const v of all) log.push(v);
          expect(log.length).toBe(all.length);
          expect(log.at(all.length)).toBeNaN();
          expect(log.at(-1)).toBeNaN();
          for (let i = pad; i < all.length; i++) expect(log.at(i)).toBe(all[i]);
          expect(log.at(0)).toBe(all[0] ?? Number.NaN);
          expect(Array.from(log.sorted())).toEqual(Array.from(Float64Array.from(all).sort()));
        },
      ),
      { numRuns: 20 },
    );
  });

  test('SeqSet answers has and size like a Set of the same seqs', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5_000 }), { maxLength: 400 }), (seqs) => {
        const set = new SeqSet();
        const ref = new Set<number>();
        for (const s of seqs) {
          set.add(s);
          ref.add(s);
        }
        expect(set.size).toBe(ref.size);
        for (let s = 0; s <= 5_001; s += 7) expect(set.has(s)).toBe(ref.has(s));
        for (const s of seqs) expect(set.has(s)).toBe(true);
        expect(set.has(-1)).toBe(false);
      }),
    );
  });

  test('SentTimes maps a seq to its last send time and sender; clear forgets them all', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 1, max: 3_000 }),
            fc.double({ min: 0, max: 1e9, noNaN: true }),
            fc.nat(2_999),
          ),
        ),
        (entries) => {
          const sent = new SentTimes();
          const ref = new Map<number, { at: number; client: number }>();
          for (const [seq, at, client] of entries) {
            sent.set(seq, at, client);
            ref.set(seq, { at, client });
          }
          for (const [seq] of entries) expect(sent.get(seq)).toEqual(ref.get(seq));
          expect(sent.get(3_001)).toBeNull();
          expect(sent.get(0)).toBe(ref.get(0) ?? null);
          sent.clear();
          for (const [seq] of entries) expect(sent.get(seq)).toBeNull();
        },
      ),
    );
  });
});
