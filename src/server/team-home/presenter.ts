/**
 * The team home as the team's members receive it (HOME-*), and the team's memory as Markdown and CSV (EXPORT-*).
 * Record contents are parsed with `MemoryContent` on every read; a record this version cannot read keeps its
 * title, kind and dates, and its texts are left out rather than trusted.
 */
import type { Language } from '#contracts/auth';
import { MemoryContent } from '#contracts/memory';
import type { ObservationMode } from '#contracts/routine';
import type { HomeMeeting, SinceLastVisit } from '#contracts/team-home';
import type { NextStepDone } from '#core/journey/index';
import { csvRow, type CsvHeader } from '../audit/presenter';
import { memoryCsvEs } from './csv.es';
import { memoryMarkdownEs } from './memory-markdown.es';
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

/**
 * I18N-CONTENT-10: the fixed words of the team memory's Markdown export in one language; `memoryMarkdownEs`
 * (memory-markdown.es.ts) is typed against this, so a missing phrase does not compile. The team's words and
 * dates (ISO) are never translated.
 */
export interface MemoryMarkdownWords {
  kinds: Record<'success' | 'dilemma' | 'observation', string>;
  tags: Record<'grade' | 'subject' | 'strategy' | 'studentGroup', string>;
  formerMember: string;
  resolved: (date: string) => string;
  open: string;
  story: string;
  evidence: string;
  whatWorked: string;
  insight: string;
  learned: string;
  dilemma: string;
  suggestedActions: string;
  nextStepsChosen: string;
  by: (due: string) => string;
  practiceObserved: string;
  curiosity: string;
  modeledBy: (name: string) => string;
  modes: Record<ObservationMode, string>;
  observationNotes: string;
  questionsForModel: string;
  howResolved: string;
  title: (team: string) => string;
  exported: (date: string) => string;
  none: string;
}

const MEMORY_MD_EN: MemoryMarkdownWords = {
  kinds: { success: 'Successes', dilemma: 'Problems of practice', observation: 'Observations' },
  tags: { grade: 'Grade', subject: 'Subject', strategy: 'Strategy', studentGroup: 'Student group' },
  formerMember: 'A former member',
  resolved: (date) => `Resolved ${date}`,
  open: 'Open',
  story: 'The story',
  evidence: 'Evidence of student growth',
  whatWorked: 'What made it work',
  insight: "The presenter's insight",
  learned: 'What we learned',
  dilemma: 'The dilemma',
  suggestedActions: "The team's suggested actions",
  nextStepsChosen: 'Next steps chosen',
  by: (due) => `by ${due}`,
  practiceObserved: 'Practice observed',
  curiosity: 'What the team wanted to learn',
  modeledBy: (name) => `Modeled by ${name}`,
  modes: OBSERVATION_MODE_NAMES,
  observationNotes: 'Observation notes',
  questionsForModel: 'Questions for the model',
  howResolved: 'How it was resolved',
  title: (team) => `${team}: team memory`,
  exported: (date) => `Exported ${date}. The team's own records: keep this file within the team.`,
  none: 'No records yet.',
};

const day = (d: Date | null) => (d ? iso(d).slice(0, 10) : '');

function tagsOf(r: MemoryRecordRow, w: MemoryMarkdownWords): string[] {
  return (
    [
      [w.tags.grade, r.grade],
      [w.tags.subject, r.subject],
      [w.tags.strategy, r.strategy],
      [w.tags.studentGroup, r.studentGroup],
    ] as const
  ).flatMap(([name, value]) => (value ? [`${name}: ${value}`] : []));
}

export interface ExportContext {
  teamName: string;
  exportedAt: Date;
  names: ReadonlyMap<string, string>;
}

const nameOf = (ctx: ExportContext, id: string | null, w: MemoryMarkdownWords = MEMORY_MD_EN) =>
  id ? (ctx.names.get(id) ?? w.formerMember) : '';

function mdSection(title: string, text: string): string[] {
  return text.trim() ? [`**${title}**`, '', mdBlock(text), ''] : [];
}

function recordToMarkdown(r: MemoryRecordRow, ctx: ExportContext, w: MemoryMarkdownWords): string[] {
  const who = (id: string | null) => nameOf(ctx, id, w);
  const facts = [day(r.occurredAt)];
  if (r.authorId) facts.push(mdText(who(r.authorId)));
  if (r.kind === 'dilemma') facts.push(r.status === 'resolved' ? w.resolved(day(r.resolvedAt)) : w.open);
  const lines = [`### ${mdText(r.title)}`, '', facts.filter(Boolean).join(' · '), ''];
  const tags = tagsOf(r, w);
  if (tags.length) lines.push(mdText(tags.join(' · ')), '');
  const parsed = MemoryContent.safeParse(r.content);
  if (parsed.success) {
    const c = parsed.data;
    switch (c.kind) {
      case 'success':
        lines.push(
          ...mdSection(w.story, c.story),
          ...mdSection(w.evidence, c.evidence),
          ...mdSection(w.whatWorked, c.whatWorked),
          ...mdSection(w.insight, c.insight),
          ...mdSection(w.learned, c.learned),
        );
        break;
      case 'dilemma':
        lines.push(
          ...mdSection(w.dilemma, c.story),
          ...mdSection(w.suggestedActions, c.suggestedActions),
          ...mdSection(w.insight, c.insight),
          ...mdSection(w.learned, c.learned),
        );
        if (c.nextSteps.length)
          lines.push(
            `**${w.nextStepsChosen}**`,
            '',
            ...c.nextSteps.map(
              (s) => `- ${mdText(s.text)} (${mdText(who(s.ownerId))}${s.due ? `, ${w.by(s.due)}` : ''})`,
            ),
            '',
          );
        break;
      case 'observation':
        lines.push(...mdSection(w.practiceObserved, c.practice), ...mdSection(w.curiosity, c.curiosity));
        if (c.modelId || c.mode)
          lines.push(
            [c.modelId ? w.modeledBy(mdText(who(c.modelId))) : '', c.mode ? w.modes[c.mode] : '']
              .filter(Boolean)
              .join(' · '),
            '',
          );
        if (c.notes.length)
          lines.push(
            `**${w.observationNotes}**`,
            '',
            ...c.notes.map((n) => `- ${mdText(who(n.authorId))}: ${mdText(n.text)}`),
            '',
          );
        if (c.questions.length)
          lines.push(`**${w.questionsForModel}**`, '', ...c.questions.map((q) => `- ${mdText(q.text)}`), '');
        lines.push(...mdSection(w.learned, c.learned));
        break;
    }
  }
  if (r.kind === 'dilemma' && r.status === 'resolved' && r.resolution)
    lines.push(...mdSection(w.howResolved, r.resolution));
  return lines;
}

/**
 * EXPORT-2: one section per kind, one per record; every person's text escaped as text (TRUST-HTTP-11).
 * I18N-CONTENT-10: headings and fixed words in `language`.
 */
export function memoryToMarkdown(
  records: readonly MemoryRecordRow[],
  ctx: ExportContext,
  language: Language = 'en',
): string {
  const w = language === 'es' ? memoryMarkdownEs : MEMORY_MD_EN;
  const lines = [
    `# ${w.title(mdText(ctx.teamName))}`,
    '',
    w.exported(ctx.exportedAt.toISOString().slice(0, 10)),
    '',
  ];
  if (!records.length) lines.push(w.none, '');
  for (const kind of ['success', 'dilemma', 'observation'] as const) {
    const own = records.filter((r) => r.kind === kind);
    if (!own.length) continue;
    lines.push(`## ${w.kinds[kind]}`, '');
    for (const r of own) lines.push(...recordToMarkdown(r, ctx, w));
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
