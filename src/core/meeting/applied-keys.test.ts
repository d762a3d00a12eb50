/**
 * CAP-LIVE-11: the idempotency keys a meeting has applied are kept in chunks, so an event late in a long meeting
 * copies no more than one chunk of them (it copied every key the meeting had seen), and MEET-PROP-4 still holds.
 */
import { describe, expect, it } from 'vitest';
import { APPLIED_CHUNK, appliedSeq, withAppliedKey, type AppliedKeys } from './state';
import { deepFreeze } from './testing';

describe('CAP-LIVE-11: applied keys in chunks', () => {
  it('finds every key it was given, and no other, across chunks', () => {
    let keys: AppliedKeys = [];
    const n = APPLIED_CHUNK * 3 + 5;
    for (let seq = 1; seq <= n; seq++) keys = withAppliedKey(keys, `a k${seq}`, seq);
    expect(keys).toHaveLength(4);
    for (const chunk of keys) expect(chunk.size).toBeLessThanOrEqual(APPLIED_CHUNK);
    for (let seq = 1; seq <= n; seq++) expect(appliedSeq(keys, `a k${seq}`)).toBe(seq);
    expect(appliedSeq(keys, `a k${n + 1}`)).toBeUndefined();
    expect(appliedSeq(keys, 'toString')).toBeUndefined();
    expect(appliedSeq(keys, '__proto__')).toBeUndefined();
  });

  it('never changes a list it was given: earlier states keep exactly their keys', () => {
    let keys: AppliedKeys = [];
    for (let seq = 1; seq <= APPLIED_CHUNK; seq++) keys = withAppliedKey(keys, `a k${seq}`, seq);
    const before = deepFreeze(keys);
    const next = withAppliedKey(before, 'a later', APPLIED_CHUNK + 1);
    const branch = withAppliedKey(before, 'a other', APPLIED_CHUNK + 1);
    expect(appliedSeq(before, 'a later')).toBeUndefined();
    expect(appliedSeq(next, 'a other')).toBeUndefined();
    expect(appliedSeq(branch, 'a other')).toBe(APPLIED_CHUNK + 1);
    // Full chunks are shared, not copied.
    expect(next[0]).toBe(before[0]);
  });

  it('copies at most one chunk of keys per key added', () => {
    let keys: AppliedKeys = [];
    for (let seq = 1; seq <= 1_000; seq++) {
      const next = withAppliedKey(keys, `a k${seq}`, seq);
      const copied = next.filter((chunk, i) => chunk !== keys[i]);
      expect(copied).toHaveLength(1);
      keys = next;
    }
  });

  it('gives the same chunks for the same keys in the same order (a replay equals the live state)', () => {
    const build = () => {
      let keys: AppliedKeys = [];
      for (let seq = 1; seq <= 150; seq++) keys = withAppliedKey(keys, `p${seq % 7} k${seq}`, seq);
      return keys;
    };
    expect(build()).toEqual(build());
  });
});
