/**
 * The team home as the team's members receive it (HOME-*), and the team's memory as Markdown and CSV (EXPORT-*).
 * Record contents are parsed with `MemoryContent` on every read; a record this version cannot read keeps its
 * title, kind and dates, and its texts are left out rather than trusted.
 */
import type { Language } from '#contracts/auth';
import { MemoryContent } from '#contracts/memory';
import type { HomeMeeting, SinceLastVisit } from '#contracts/team-home';
import type { NextStepDone } from '#core/journey/index';
import { csvRow, type CsvHeader } from '../audit/presenter';
import { memoryCsvEs } from './csv.es';
import { mdBlock, mdText, OBSERVATION_MODE_NAMES } from '../meetings/documents';
import { agendaIn } from '../routines/catalog';
import type { MemoryRecordRow, NextMeetingRow } from './queries';

const iso = (d: Date) => d.toISOString();

export function presentHomeMeeting(
  m: NextMeetingRow,
  canStart: boolean,
  language: Language = 'en',
): HomeMeeting {
  return {
    id: m.id,
    title: m.title,
    status: m.status === 'live' ? 'live' : 'scheduled',
    scheduledFor: m.scheduledFor ? iso(m.scheduledFor) : null,
    startedAt: m.startedAt ? iso(m.startedAt) : null,
    // I18N-CONTENT-6: Ensemble's routines named in the reader's language.
    routineNames: agendaIn(m.agenda, language).map((a) => a.routineName),
    totalMinutes: m.totalMinutes,
    canStart: canStart && m.status === 'scheduled',
  };
}

interface Dated {
  id: string;
  title: string;
  at: Date | null;
}
const dated = (rows: readonly Dated[]) =>
  rows.flatMap((r) => (r.at ? [{ id: r.id, title: r.title, at: iso(r.at) }] : []));

export function presentSince(
  since: Date | null,
  found: {
    meetingsEnded: readonly Dated[];
    successes: readonly Dated[];
    resolved: readonly Dated[];
    nextStepsDone: readonly NextStepDone[];
    membersJoined: readonly { id: string; name: string; at: Date }[];
  } | null,
): SinceLastVisit {
  if (!since || !found)
    return {
      since: null,
      meetingsEnded: [],
      successes: [],
      dilemmasResolved: [],
      nextStepsDone: [],
      membersJoined: [],
    };
  return {
    since: iso(since),
    meetingsEnded: dated(found.meetingsEnded),
    successes: dated(found.successes),
    dilemmasResolved: dated(found.resolved),
    nextStepsDone: found.nextStepsDone.map((s) => ({
      meetingId: s.meetingId,
      itemId: s.itemId,
      text: s.text,
      at: new Date(s.at).toISOString(),
    })),
    membersJoined: found.membersJoined.map((m) => ({ id: m.id, name: m.name, at: iso(m.at) })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// EXPORT-*

/** The people a record names (author, resolver, next-step owners, observers, the model), for `namesOf`. */
export function peopleOf(records: readonly MemoryRecordRow[]): string[] {
  return records.flatMap((r) => {
    const ids = [r.authorId, r.resolvedBy].filter((id): id is string => id !== null);
    const content = MemoryContent.safeParse(r.content);
    if (!content.success) return ids;
    const c = content.data;
    if (c.kind === 'dilemma') ids.push(...c.nextSteps.map((s) => s.ownerId));
    if (c.kind === 'observation') {
      ids.push(...c.notes.map((n) => n.authorId));
      if (c.modelId) ids.push(c.modelId);
    }
    return ids;
  });
}

const KIND_HEADINGS = {
  success: 'Successes',
  dilemma: 'Problems of practice',
  observation: 'Observations',
} as const;
const day = (d: Date | null) => (d ? iso(d).slice(0, 10) : '');

function tagsOf(r: MemoryRecordRow): string[] {
  return (
    [
      ['Grade', r.grade],
      ['Subject', r.subject],
      ['Strategy', r.strategy],
      ['Student group', r.studentGroup],
    ] as const
  ).flatMap(([name, value]) => (value ? [`${name}: ${value}`] : []));
}

export interface ExportContext {
  teamName: string;
  exportedAt: Date;
  names: ReadonlyMap<string, string>;
}

const nameOf = (ctx: ExportContext, id: string | null) =>
  id ? (ctx.names.get(id) ?? 'A former member') : '';

function mdSection(title: string, text: string): string[] {
  return text.trim() ? [`**${title}**`, '', mdBlock(text), ''] : [];
}

function recordToMarkdown(r: MemoryRecordRow, ctx: ExportContext): string[] {
  const facts = [day(r.occurredAt)];
  if (r.authorId) facts.push(mdText(nameOf(ctx, r.authorId)));
  if (r.kind === 'dilemma') facts.push(r.status === 'resolved' ? `Resolved ${day(r.resolvedAt)}` : 'Open');
  const lines = [`### ${mdText(r.title)}`, '', facts.filter(Boolean).join(' · '), ''];
  const tags = tagsOf(r);
  if (tags.length) lines.push(mdText(tags.join(' · ')), '');
  const parsed = MemoryContent.safeParse(r.content);
  if (parsed.success) {
    const c = parsed.data;
    switch (c.kind) {
      case 'success':
        lines.push(
          ...mdSection('The story', c.story),
          ...mdSection('Evidence of student growth', c.evidence),
          ...mdSection('What made it work', c.whatWorked),
          ...mdSection("The presenter's insight", c.insight),
          ...mdSection('What we learned', c.learned),
        );
        break;
      case 'dilemma':
        lines.push(
          ...mdSection('The dilemma', c.story),
          ...mdSection("The team's suggested actions", c.suggestedActions),
          ...mdSection("The presenter's insight", c.insight),
          ...mdSection('What we learned', c.learned),
        );
        if (c.nextSteps.length)
          lines.push(
            '**Next steps chosen**',
            '',
            ...c.nextSteps.map(
              (s) => `- ${mdText(s.text)} (${mdText(nameOf(ctx, s.ownerId))}${s.due ? `, by ${s.due}` : ''})`,
            ),
            '',
          );
        break;
      case 'observation':
        lines.push(
          ...mdSection('Practice observed', c.practice),
          ...mdSection('What the team wanted to learn', c.curiosity),
        );
        if (c.modelId || c.mode)
          lines.push(
            [
              c.modelId ? `Modeled by ${mdText(nameOf(ctx, c.modelId))}` : '',
              c.mode ? OBSERVATION_MODE_NAMES[c.mode] : '',
            ]
              .filter(Boolean)
              .join(' · '),
            '',
          );
        if (c.notes.length)
          lines.push(
            '**Observation notes**',
            '',
            ...c.notes.map((n) => `- ${mdText(nameOf(ctx, n.authorId))}: ${mdText(n.text)}`),
            '',
          );
        if (c.questions.length)
          lines.push('**Questions for the model**', '', ...c.questions.map((q) => `- ${mdText(q.text)}`), '');
        lines.push(...mdSection('What we learned', c.learned));
        break;
    }
  }
  if (r.kind === 'dilemma' && r.status === 'resolved' && r.resolution)
    lines.push(...mdSection('How it was resolved', r.resolution));
  return lines;
}

/** EXPORT-2: one section per kind, one per record; every person's text escaped as text (TRUST-HTTP-11). */
export function memoryToMarkdown(records: readonly MemoryRecordRow[], ctx: ExportContext): string {
  const lines = [
    `# ${mdText(ctx.teamName)}: team memory`,
    '',
    `Exported ${ctx.exportedAt.toISOString().slice(0, 10)}. The team's own records: keep this file within the team.`,
    '',
  ];
  if (!records.length) lines.push('No records yet.', '');
  for (const kind of ['success', 'dilemma', 'observation'] as const) {
    const own = records.filter((r) => r.kind === kind);
    if (!own.length) continue;
    lines.push(`## ${KIND_HEADINGS[kind]}`, '');
    for (const r of own) lines.push(...recordToMarkdown(r, ctx));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export const MEMORY_CSV_COLUMNS = [
  'kind',
  'title',
  'occurred_at',
  'author',
  'grade',
  'subject',
  'strategy',
  'student_group',
  'status',
  'resolution',
  'resolved_at',
  'story',
  'evidence',
  'what_worked',
  'suggested_actions',
  'insight',
  'learned',
  'next_steps',
  'practice',
  'curiosity',
  'observation_notes',
  'questions',
  'record_id',
  'meeting_id',
] as const;

function contentCells(r: MemoryRecordRow, ctx: ExportContext) {
  const empty = {
    story: '',
    evidence: '',
    whatWorked: '',
    suggestedActions: '',
    insight: '',
    learned: '',
    nextSteps: '',
    practice: '',
    curiosity: '',
    notes: '',
    questions: '',
  };
  const parsed = MemoryContent.safeParse(r.content);
  if (!parsed.success) return empty;
  const c = parsed.data;
  switch (c.kind) {
    case 'success':
      return {
        ...empty,
        story: c.story,
        evidence: c.evidence,
        whatWorked: c.whatWorked,
        insight: c.insight,
        learned: c.learned,
      };
    case 'dilemma':
      return {
        ...empty,
        story: c.story,
        suggestedActions: c.suggestedActions,
        insight: c.insight,
        learned: c.learned,
        nextSteps: c.nextSteps
          .map((s) => `${s.text} (${nameOf(ctx, s.ownerId)}${s.due ? `, by ${s.due}` : ''})`)
          .join('\n'),
      };
    case 'observation':
      return {
        ...empty,
        practice: c.practice,
        curiosity: c.curiosity,
        learned: c.learned,
        notes: c.notes.map((n) => `${nameOf(ctx, n.authorId)}: ${n.text}`).join('\n'),
        questions: c.questions.map((q) => q.text).join('\n'),
      };
  }
}

/** I18N-CSV-1: the CSV's own words in one language; the columns a tuple as long as the English. */
export interface MemoryCsvWords {
  columns: CsvHeader<typeof MEMORY_CSV_COLUMNS>;
  kind: Record<MemoryRecordRow['kind'], string>;
  status: Record<NonNullable<MemoryRecordRow['status']>, string>;
}

const MEMORY_CSV_EN: MemoryCsvWords = {
  columns: MEMORY_CSV_COLUMNS,
  kind: { success: 'success', dilemma: 'dilemma', observation: 'observation' },
  status: { open: 'open', resolved: 'resolved' },
};

/**
 * EXPORT-3: RFC 4180 with a header row and a byte-order mark; formula-like cells are written as text.
 * I18N-CSV-1: the header, kinds and statuses in `language`; the team's words as written.
 */
export function memoryToCsv(
  records: readonly MemoryRecordRow[],
  ctx: ExportContext,
  language: Language = 'en',
): string {
  const w = language === 'es' ? memoryCsvEs : MEMORY_CSV_EN;
  const rows = records.map((r) => {
    const c = contentCells(r, ctx);
    return csvRow([
      w.kind[r.kind],
      r.title,
      iso(r.occurredAt),
      nameOf(ctx, r.authorId),
      r.grade ?? '',
      r.subject ?? '',
      r.strategy ?? '',
      r.studentGroup ?? '',
      r.status ? w.status[r.status] : '',
      r.resolution ?? '',
      r.resolvedAt ? iso(r.resolvedAt) : '',
      c.story,
      c.evidence,
      c.whatWorked,
      c.suggestedActions,
      c.insight,
      c.learned,
      c.nextSteps,
      c.practice,
      c.curiosity,
      c.notes,
      c.questions,
      r.id,
      r.meetingId ?? '',
    ]);
  });
  return `\uFEFF${csvRow(w.columns)}${rows.join('')}`;
}
