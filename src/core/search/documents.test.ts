import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MeetingEvent } from '../../contracts/meeting';
import { minutesOf } from '../meeting/minutes';
import { ANA, BEN, CAI, cmd, goTo, MIN, started } from '../meeting/testing';
import {
  HIT_END,
  HIT_START,
  meetingDocuments,
  recordDocument,
  segmentsOf,
  shareDocument,
  tagsOf,
} from './documents';

const noTags = { grade: null, subject: null, strategy: null, studentGroup: null };

describe('search documents (SEARCH-DOC)', () => {
  it('SEARCH-DOC-2: a success keeps its title, every text and its tags; a dilemma its next steps and resolution', () => {
    const s = recordDocument(
      'Exit tickets',
      {
        kind: 'success',
        story: 'Story words',
        evidence: 'Evidence words',
        whatWorked: 'What worked',
        insight: 'Insight words',
        learned: 'Learned words',
      },
      { grade: ' Grade 4 ', subject: 'Math', strategy: 'math', studentGroup: null },
    );
    expect(s.title).toBe('Exit tickets');
    for (const w of ['Story words', 'Evidence words', 'What worked', 'Insight words', 'Learned words'])
      expect(s.body).toContain(w);
    expect(s.tags).toEqual(['grade 4', 'math']);
    expect(s.lang).toBe('english');
    const d = recordDocument(
      'Quiet group',
      {
        kind: 'dilemma',
        story: 'Nadie habla en el grupo',
        suggestedActions: 'Pares primero',
        insight: '',
        learned: '',
        nextSteps: [
          {
            meetingId: '00000000-0000-4000-8000-000000000001',
            itemId: 'i1',
            text: 'Probar los pares',
            ownerId: ANA,
            due: null,
          },
        ],
      },
      noTags,
      'Resuelto con los pares de la clase',
    );
    expect(d.body).toContain('Probar los pares');
    expect(d.body).toContain('Resuelto con los pares');
    expect(d.lang).toBe('spanish');
    expect(d.body).not.toContain(ANA);
  });

  it('SEARCH-DOC-3: a shared copy: only its texts, never ids, dates or kinds', () => {
    const doc = shareDocument('Shared title', {
      kind: 'success',
      story: 'The reviewed story',
      authorId: BEN,
      links: [{ id: CAI, title: 'Linked record' }],
      sharedAt: '2026-12-01T10:00:00.000Z',
      due: '2026-12-01',
      count: 3,
    });
    expect(doc.body).toContain('The reviewed story');
    expect(doc.body).toContain('Linked record');
    expect(doc.body).not.toContain(BEN);
    expect(doc.body).not.toContain(CAI);
    expect(doc.body).not.toContain('2026');
    expect(doc.body).not.toContain('success');
  });

  it('SEARCH-DOC-4: an ended meeting: minutes, shared notes, next steps; never a private reflection', () => {
    const s = started();
    s.wait(MIN);
    s.must(cmd('writeReflection', BEN, { stepId: 'observe', text: 'Private zebra thought' }), 'r-private');
    s.must(cmd('writeReflection', CAI, { stepId: 'observe', text: 'Shared giraffe thought' }), 'r-shared');
    s.must(cmd('shareReflection', CAI, { reflectionId: 'r-shared' }));
    s.must(cmd('writeNote', ANA, { stepId: 'observe', text: 'Note about fractions' }));
    goTo(s, 'probe');
    s.must(cmd('submitQuestion', BEN, { kind: 'probing', text: 'Why pairs first?' }));
    s.must(cmd('addActionItem', ANA, { text: 'Try number talks', ownerId: BEN, due: null }), 'item-1');
    s.must(cmd('endMeeting', ANA));
    const minutes = minutesOf(s.state);
    const docs = meetingDocuments('Weekly PLC', minutes);
    expect(docs.map((d) => [d.kind, d.sourceId])).toEqual([
      ['minutes', minutes.meetingId],
      ['note', `${minutes.meetingId}:r-shared`],
      ['next-step', `${minutes.meetingId}:item-1`],
    ]);
    const [m, note, step] = docs;
    expect(m?.title).toBe('Weekly PLC');
    expect(m?.body).toContain('Note about fractions');
    expect(m?.body).toContain('Why pairs first?');
    expect(note?.body).toBe('Shared giraffe thought');
    expect(step?.title).toBe('Try number talks');
    expect(m?.occurredAt).toBe(minutes.endedAt);
    const all = JSON.stringify(docs);
    expect(all).not.toContain('zebra');
    // Every event of the log parses with its schema: the drafts came from the real projection.
    for (const e of s.events) expect(MeetingEvent.safeParse(e).success).toBe(true);
  });

  it('SEARCH-SNIP-1: a headline becomes text segments; sentinels in indexed text are removed', () => {
    expect(segmentsOf(`a ${HIT_START}pair${HIT_END} of ${HIT_START}pairs${HIT_END}`)).toEqual([
      { text: 'a ', hit: false },
      { text: 'pair', hit: true },
      { text: ' of ', hit: false },
      { text: 'pairs', hit: true },
    ]);
    expect(segmentsOf('<b>not html</b>')).toEqual([{ text: '<b>not html</b>', hit: false }]);
    const doc = shareDocument(`A${HIT_START}B`, { story: `x${HIT_END}y` });
    expect(doc.title).toBe('AB');
    expect(doc.body).toBe('xy');
    fc.assert(
      fc.property(fc.string(), (s) => {
        const clean = shareDocument(s, {}).title;
        expect(
          segmentsOf(clean)
            .map((x) => x.text)
            .join(''),
        ).toBe(clean);
      }),
    );
  });

  it('MEM-TAG-1: tags are trimmed, lower-cased and unique', () => {
    expect(tagsOf({ grade: '3', subject: ' ', strategy: 'Pairs', studentGroup: 'pairs' })).toEqual([
      '3',
      'pairs',
    ]);
  });
});
