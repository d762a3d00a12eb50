/**
 * CAP-LIVE-11: the idempotency keys a meeting has applied are kept so that an event late in a long meeting copies
 * none of the keys before it (it copied every key the meeting had seen, then the last chunk of 64), and
 * MEET-PROP-4 still holds.
 */
import { describe, expect, it } from 'vitest';
import { APPLIED_CHUNK, NO_APPLIED_KEYS, appliedSeq, withAppliedKey, type AppliedKeys } from './state';
import { deepFreeze } from './testing';

const add = (from: AppliedKeys, first: number, last: number, actor = 'a') => {
  let keys = from;
  for (let seq = first; seq <= last; seq++) keys = withAppliedKey(keys, `${actor} k${seq}`, seq);
  return keys;
};

describe('CAP-LIVE-11: applied keys', () => {
  it('finds every key it was given, and no other, in full chunks and among the recent keys', () => {
    const n = APPLIED_CHUNK * 3 + 5;
    const keys = add(NO_APPLIED_KEYS, 1, n);
    expect(keys.chunks).toHaveLength(3);
    for (const chunk of keys.chunks) expect(chunk.size).toBe(APPLIED_CHUNK);
    expect(keys.recent?.count).toBe(5);
    for (let seq = 1; seq <= n; seq++) expect(appliedSeq(keys, `a k${seq}`)).toBe(seq);
    expect(appliedSeq(keys, `a k${n + 1}`)).toBeUndefined();
    expect(appliedSeq(keys, 'toString')).toBeUndefined();
    expect(appliedSeq(keys, '__proto__')).toBeUndefined();
    expect(appliedSeq(NO_APPLIED_KEYS, 'a k1')).toBeUndefined();
  });

  it('never changes what it was given: earlier states keep exactly their keys', () => {
    for (const size of [APPLIED_CHUNK - 1, APPLIED_CHUNK, APPLIED_CHUNK + 3]) {
      const before = deepFreeze(add(NO_APPLIED_KEYS, 1, size));
      const next = withAppliedKey(before, 'a later', size + 1);
      const branch = withAppliedKey(before, 'a other', size + 1);
      expect(appliedSeq(before, 'a later')).toBeUndefined();
      expect(appliedSeq(next, 'a other')).toBeUndefined();
      expect(appliedSeq(branch, 'a other')).toBe(size + 1);
      expect(appliedSeq(next, 'a later')).toBe(size + 1);
      // Full chunks are shared, not copied.
      if (before.chunks[0]) expect(next.chunks[0]).toBe(before.chunks[0]);
    }
  });

  it('copies no key when it adds one: the recent keys and the full chunks are shared', () => {
    let keys = NO_APPLIED_KEYS;
    for (let seq = 1; seq <= 1_000; seq++) {
      const next = withAppliedKey(keys, `a k${seq}`, seq);
      if (next.recent !== null) {
        // One new node, pointing at the previous recent keys; the same chunks.
        expect(next.recent.older).toBe(keys.recent);
        expect(next.chunks).toBe(keys.chunks);
      } else {
        // The 64th key: the recent keys become one more chunk, the others are shared.
        expect(next.chunks.slice(0, -1)).toEqual(keys.chunks);
        next.chunks.slice(0, -1).forEach((chunk, i) => expect(chunk).toBe(keys.chunks[i]));
        expect(next.chunks.at(-1)?.size).toBe(APPLIED_CHUNK);
      }
      keys = next;
    }
  });

  it('gives the same structure for the same keys in the same order (a replay equals the live state)', () => {
    const build = () => {
      let keys = NO_APPLIED_KEYS;
      for (let seq = 1; seq <= 150; seq++) keys = withAppliedKey(keys, `p${seq % 7} k${seq}`, seq);
      return keys;
    };
    expect(build()).toEqual(build());
  });
});
