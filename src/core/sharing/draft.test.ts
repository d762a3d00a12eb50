import { describe, expect, it } from 'vitest';
import type { MemoryContent } from '#contracts/memory';
import { draftOf, flagDraft, isShareable, type RecordForSharing } from './draft';

const ID = '00000000-0000-4000-8000-000000000001';
const tags = { grade: '3', subject: 'Math', strategy: null, studentGroup: null };
const success: MemoryContent = {
  kind: 'success',
  story: 'Pairs explained fractions.',
  evidence: 'Exit tickets went from 40% to 75%.',
  whatWorked: 'Sentence stems.',
  insight: 'Talk first.',
  learned: 'Internal: the team learned this.',
};
const dilemma: MemoryContent = {
  kind: 'dilemma',
  story: 'Quiet students.',
  suggestedActions: 'Try cold calling with warm-up.',
  insight: 'x',
  learned: 'y',
  nextSteps: [{ meetingId: ID, itemId: 'i1', text: 'Use talk cards', ownerId: ID, due: null }],
};
const observation: MemoryContent = {
  kind: 'observation',
  practice: 'p',
  curiosity: 'c',
  modelId: null,
  mode: null,
  notes: [],
  questions: [],
  learned: '',
};
const rec = (
  r: Partial<RecordForSharing> & Pick<RecordForSharing, 'kind' | 'content'>,
): RecordForSharing => ({
  title: 'T',
  tags,
  status: null,
  resolution: null,
  ...r,
});

describe('SHARE-RULE-1: only successes and resolved dilemmas leave the team', () => {
  it.each([
    ['success', null, true],
    ['dilemma', 'resolved', true],
    ['dilemma', 'open', false],
    ['observation', null, false],
  ] as const)('%s (%s) → %s', (kind, status, expected) => {
    expect(isShareable({ kind, status })).toBe(expected);
  });
});

describe('SHARE-COPY-2: the copy built from a record', () => {
  it('a success keeps story, evidence, what worked, insight and tags, nothing else', () => {
    expect(draftOf(rec({ kind: 'success', content: success }))).toEqual({
      kind: 'success',
      title: 'T',
      story: success.story,
      evidence: success.evidence,
      whatWorked: 'Sentence stems.',
      insight: 'Talk first.',
      tags,
    });
  });
  it('a resolved dilemma shows what was tried (next steps without their owners) and the resolution', () => {
    const d = draftOf(
      rec({ kind: 'dilemma', content: dilemma, status: 'resolved', resolution: 'It worked.' }),
    );
    expect(d).toEqual({
      kind: 'dilemma',
      title: 'T',
      story: 'Quiet students.',
      tried: '- Use talk cards',
      resolution: 'It worked.',
      tags,
    });
    expect(JSON.stringify(d)).not.toContain(ID);
  });
  it('an open dilemma and an observation give no copy', () => {
    expect(draftOf(rec({ kind: 'dilemma', content: dilemma, status: 'open' }))).toBeNull();
    expect(draftOf(rec({ kind: 'observation', content: observation }))).toBeNull();
  });
});

describe('SHARE-FLAG-5: flags field by field', () => {
  it('names the field and the offsets within it', () => {
    const d = draftOf(rec({ kind: 'success', content: { ...success, story: 'We asked Maya first.' } }))!;
    expect(flagDraft(d, ['Maya Lopez'])).toEqual([
      { field: 'story', start: 9, end: 13, text: 'Maya', reason: 'known-name' },
    ]);
  });
});
