/**
 * SHARE-COPY-*: the copy of a record that would leave the team, built from the record (pure), and the flags of a
 * draft field by field. What others see is only what is in the draft: no person ids, no names but those the
 * author keeps in the texts.
 */
import type { MemoryContent, MemoryTags, SharedDraft } from '#contracts/memory';
import type { ShareFlag } from '#contracts/sharing';
import { flagIdentifying } from './identifying';

export interface RecordForSharing {
  kind: 'success' | 'dilemma' | 'observation';
  title: string;
  content: MemoryContent;
  tags: MemoryTags;
  status: 'open' | 'resolved' | null;
  resolution: string | null;
}

/** SHARE-RULE-1: only a success or a resolved dilemma may leave the team. */
export function isShareable(record: Pick<RecordForSharing, 'kind' | 'status'>): boolean {
  return record.kind === 'success' || (record.kind === 'dilemma' && record.status === 'resolved');
}

/** SHARE-COPY-2: the copy built from the record, before the author edits it; null when it cannot be shared. */
export function draftOf(record: RecordForSharing): SharedDraft | null {
  if (!isShareable(record)) return null;
  const c = record.content;
  const tags = { ...record.tags };
  if (c.kind === 'success')
    return {
      kind: 'success',
      title: record.title,
      story: c.story,
      evidence: c.evidence,
      whatWorked: c.whatWorked,
      insight: c.insight,
      tags,
    };
  if (c.kind === 'dilemma') {
    // What was tried: the next steps the presenter chose (their owners are left out), else the team's suggestions.
    const steps = c.nextSteps.map((s) => `- ${s.text.trim()}`).filter((s) => s !== '- ');
    return {
      kind: 'dilemma',
      title: record.title,
      story: c.story,
      tried: steps.length ? steps.join('\n') : c.suggestedActions,
      resolution: record.resolution ?? '',
      tags,
    };
  }
  return null;
}

/** The editable text fields of a draft, by name (tags as `tags.grade`, …), in reading order. */
export function draftFields(draft: SharedDraft): [string, string][] {
  const texts: [string, string][] =
    draft.kind === 'success'
      ? [
          ['title', draft.title],
          ['story', draft.story],
          ['evidence', draft.evidence],
          ['whatWorked', draft.whatWorked],
          ['insight', draft.insight],
        ]
      : [
          ['title', draft.title],
          ['story', draft.story],
          ['tried', draft.tried],
          ['resolution', draft.resolution],
        ];
  for (const key of ['grade', 'subject', 'strategy', 'studentGroup'] as const) {
    const value = draft.tags[key];
    if (value) texts.push([`tags.${key}`, value]);
  }
  return texts;
}

/** SHARE-FLAG-5: every field's flags, field by field in reading order. */
export function flagDraft(draft: SharedDraft, knownNames: readonly string[]): ShareFlag[] {
  return draftFields(draft).flatMap(([field, text]) =>
    flagIdentifying(text, { knownNames }).map((f) => ({ field, ...f })),
  );
}
