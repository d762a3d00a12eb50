/** Team memory as the API sends it (MEM-REC-10): records parsed on every read, never raw rows. */
import {
  MemoryContent,
  type MemoryKind,
  type MemoryLink,
  type MemoryListItem,
  type MemoryRecord,
} from '#contracts/memory';
import type { MemoryRow } from './queries';
import { tagsOf } from './queries';

/** An empty record of the kind: what a stored content that no longer parses reads as (never a 5xx). */
function emptyContent(kind: MemoryKind): MemoryContent {
  switch (kind) {
    case 'success':
      return { kind, story: '', evidence: '', whatWorked: '', insight: '', learned: '' };
    case 'dilemma':
      return { kind, story: '', suggestedActions: '', insight: '', learned: '', nextSteps: [] };
    case 'observation':
      return {
        kind,
        practice: '',
        curiosity: '',
        modelId: null,
        mode: null,
        notes: [],
        questions: [],
        learned: '',
      };
  }
}

export function contentOf(row: MemoryRow): MemoryContent {
  const parsed = MemoryContent.safeParse(row.content);
  return parsed.success && parsed.data.kind === row.kind ? parsed.data : emptyContent(row.kind);
}

const EXCERPT_MAX = 240;
function excerptOf(content: MemoryContent): string {
  const text = (content.kind === 'observation' ? content.practice : content.story)
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > EXCERPT_MAX ? `${text.slice(0, EXCERPT_MAX - 1)}…` : text;
}

export function presentListItem(
  row: MemoryRow,
  names: ReadonlyMap<string, string>,
  titles: ReadonlyMap<string, string>,
  canResolve: boolean,
): MemoryListItem {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    excerpt: excerptOf(contentOf(row)),
    tags: tagsOf(row),
    status: row.status,
    authorName: row.authorId ? (names.get(row.authorId) ?? null) : null,
    meeting: row.meetingId ? { id: row.meetingId, title: titles.get(row.meetingId) ?? '' } : null,
    occurredAt: row.occurredAt.toISOString(),
    fromDilemma: row.fromDilemmaId !== null,
    canResolve,
  };
}

export interface RecordContext {
  names: ReadonlyMap<string, string>;
  meetingTitle: string | null;
  links: {
    fromDilemma: MemoryLink | null;
    successFromIt: MemoryLink | null;
    inspiredBy: MemoryLink | null;
    inspired: MemoryLink[];
  };
  abilities: { edit: boolean; resolve: boolean };
}

export function presentRecord(row: MemoryRow, ctx: RecordContext): MemoryRecord {
  return {
    id: row.id,
    groupId: row.groupId,
    kind: row.kind,
    title: row.title,
    content: contentOf(row),
    tags: tagsOf(row),
    status: row.status,
    resolution: row.resolution,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedBy: row.resolvedBy ? { id: row.resolvedBy, name: ctx.names.get(row.resolvedBy) ?? '' } : null,
    meeting: row.meetingId ? { id: row.meetingId, title: ctx.meetingTitle ?? '' } : null,
    part: row.part,
    authorId: row.authorId,
    authorName: row.authorId ? (ctx.names.get(row.authorId) ?? null) : null,
    occurredAt: row.occurredAt.toISOString(),
    links: ctx.links,
    abilities: ctx.abilities,
  };
}
