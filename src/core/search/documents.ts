/**
 * SEARCH-DOC-2..4: what the search index holds of each findable thing, as pure functions of its content. The
 * server's indexer (`src/server/search/indexer.ts`) stores these drafts; nothing else writes the index.
 */
import type { MeetingMinutes } from '../../contracts/minutes';
import type { MemoryContent, MemoryTags } from '../../contracts/memory';
import { detectLanguage, type SearchLanguage } from './language';

/** Marks a hit in `ts_headline` output: private-use characters, removed from every indexed text (SEARCH-SNIP-1). */
export const HIT_START = '\uE000';
export const HIT_END = '\uE001';
const SENTINELS = /[\uE000\uE001]/g;

export interface DocumentDraft {
  title: string;
  body: string;
  tags: string[];
  lang: SearchLanguage;
}

export interface MeetingDocumentDraft extends DocumentDraft {
  kind: 'minutes' | 'note' | 'next-step';
  /** Unique in the district for its kind: the meeting id, or `meetingId:entityId`. */
  sourceId: string;
  /** Epoch ms. */
  occurredAt: number;
}

const clean = (text: string) => text.replace(SENTINELS, '').trim();
const joined = (texts: readonly (string | null | undefined)[]) =>
  texts
    .map((t) => clean(t ?? ''))
    .filter((t) => t.length > 0)
    .join('\n\n');

function draft(
  title: string,
  texts: readonly (string | null | undefined)[],
  tags: string[] = [],
): DocumentDraft {
  const t = clean(title);
  const body = joined(texts);
  return { title: t, body, tags, lang: detectLanguage(`${t}\n${body}`) };
}

/** MEM-TAG-1 tags as the index keeps them: the given words, trimmed, lower case, without duplicates. */
export function tagsOf(tags: MemoryTags): string[] {
  const words = [tags.grade, tags.subject, tags.strategy, tags.studentGroup]
    .map((t) => (t ?? '').trim().toLowerCase())
    .filter((t) => t.length > 0);
  return [...new Set(words)];
}

/** SEARCH-DOC-2: a team's memory record: its title, every text of its kind, its resolution and its tags. */
export function recordDocument(
  title: string,
  content: MemoryContent,
  tags: MemoryTags,
  resolution: string | null = null,
): DocumentDraft {
  const tagWords = tagsOf(tags);
  switch (content.kind) {
    case 'success':
      return draft(
        title,
        [content.story, content.evidence, content.whatWorked, content.insight, content.learned, ...tagWords],
        tagWords,
      );
    case 'dilemma':
      return draft(
        title,
        [
          content.story,
          content.suggestedActions,
          content.insight,
          content.learned,
          ...content.nextSteps.map((s) => s.text),
          resolution,
          ...tagWords,
        ],
        tagWords,
      );
    case 'observation':
      return draft(
        title,
        [
          content.practice,
          content.curiosity,
          ...content.notes.map((n) => n.text),
          ...content.questions.map((q) => q.text),
          content.learned,
          ...tagWords,
        ],
        tagWords,
      );
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
const NOT_TEXT_KEY = /(^id$|Id$|^kind$|^mode$|^due$|At$)/;

/** Every human text of a JSON value, in order: ids, dates and enum-like keys left out. */
function textsOf(value: unknown, key = ''): string[] {
  if (NOT_TEXT_KEY.test(key)) return [];
  if (typeof value === 'string') return UUID.test(value) || ISO_DATE.test(value) ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((v) => textsOf(v));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => textsOf(v, k));
  }
  return [];
}

/**
 * SEARCH-DOC-3: a copy shared beyond the team: only its reviewed title and content (what others see on the
 * shared page), never the record it came from. Read as JSON text, so it follows the shared copy's shape.
 */
export function shareDocument(title: string, content: unknown, tags: string[] = []): DocumentDraft {
  return draft(title, textsOf(content), tags);
}

/**
 * SEARCH-DOC-4: the documents of an ended meeting, from its minutes (shared content only, never a private
 * reflection): the minutes (presentations, step notes, plan, source notes, questions), one note per shared
 * reflection and per shared observation, one next step per action item.
 */
export function meetingDocuments(meetingTitle: string, minutes: MeetingMinutes): MeetingDocumentDraft[] {
  const meetingId = minutes.meetingId ?? '';
  const endedAt = minutes.endedAt ?? minutes.startedAt ?? 0;
  const docs: MeetingDocumentDraft[] = [];
  const body = minutes.parts.flatMap((part) => [
    part.presentation?.title,
    part.presentation?.summary,
    part.plan?.curiosity,
    part.plan?.practice,
    ...part.steps.map((s) => s.note),
    ...part.sourceTags.map((t) => t.why),
  ]);
  docs.push({
    ...draft(meetingTitle, [...body, ...minutes.questions.map((q) => q.text)]),
    kind: 'minutes',
    sourceId: meetingId,
    occurredAt: endedAt,
  });
  for (const r of minutes.sharedReflections) {
    docs.push({
      ...draft(meetingTitle, [r.text]),
      kind: 'note',
      sourceId: `${meetingId}:${r.reflectionId}`,
      occurredAt: r.at,
    });
  }
  for (const o of minutes.parts.flatMap((p) => p.observations)) {
    docs.push({
      ...draft(meetingTitle, [o.text]),
      kind: 'note',
      sourceId: `${meetingId}:${o.observationId}`,
      occurredAt: o.at,
    });
  }
  for (const a of minutes.actionItems) {
    docs.push({
      ...draft(a.text, []),
      kind: 'next-step',
      sourceId: `${meetingId}:${a.id}`,
      occurredAt: a.at,
    });
  }
  return docs.filter((d) => d.kind !== 'note' || d.body.length > 0);
}

export interface Segment {
  text: string;
  hit: boolean;
}

/** SEARCH-SNIP-1: a `ts_headline` made with HIT_START / HIT_END as plain text segments (never HTML). */
export function segmentsOf(headline: string): Segment[] {
  const out: Segment[] = [];
  let hit = false;
  let text = '';
  const flush = () => {
    if (text) out.push({ text, hit });
    text = '';
  };
  for (const ch of headline) {
    if (ch === HIT_START) {
      flush();
      hit = true;
    } else if (ch === HIT_END) {
      flush();
      hit = false;
    } else text += ch;
  }
  flush();
  return out;
}
