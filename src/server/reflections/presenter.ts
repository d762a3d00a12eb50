/**
 * My reflections as the author receives them (DAY-REFL-1): list items, and the Markdown and CSV exports
 * (DAY-REFL-3). Built only from the author's own events (see queries.ts and core `myReflectionsOf`).
 */
import type { Language } from '#contracts/auth';
import type { MyReflectionItem } from '#contracts/reflections';
import { myReflectionsOf } from '#core/reflections/index';
import { csvRow, type CsvHeader } from '../audit/presenter';
import { groupSubject } from '../groups/queries';
import { mdBlock, mdText } from '../meetings/documents';
import type { Actor } from '../policy/actor';
import { can, type ReflectionSubject } from '../policy/policy';
import { meetingEventIn } from '../routines/catalog';
import { reflectionsCsvEs } from './csv.es';
import { reflectionsMarkdownEs } from './markdown.es';
import type { MeetingWithLog } from './queries';

const iso = (ms: number) => new Date(ms).toISOString();

export function reflectionSubject(actor: Actor, m: MeetingWithLog, reflectionId: string): ReflectionSubject {
  return {
    kind: 'reflection',
    id: reflectionId,
    districtId: m.meeting.districtId,
    // Items are projected from the caller's own events only; the subject says so for the policy.
    authorId: actor.userId,
    group: groupSubject(m.group),
  };
}

/** When the meeting happened (or is planned): its start, else its scheduled time. */
function meetingDate(m: MeetingWithLog): Date | null {
  return m.meeting.startedAt ?? m.meeting.scheduledFor;
}

/**
 * The author's reflections of these meetings: newest meeting first, then in the order written. I18N-CONTENT-8:
 * the step and routine of a reflection are named in `language` when they are Ensemble's own, exactly as shipped
 * (the log is read through `meetingEventIn`; what was stored is unchanged).
 */
export function presentMyReflections(
  actor: Actor,
  meetings: readonly MeetingWithLog[],
  language: Language = 'en',
): MyReflectionItem[] {
  const sortKey = (m: MeetingWithLog) => (meetingDate(m) ?? m.meeting.createdAt).getTime();
  return [...meetings]
    .sort((a, b) => sortKey(b) - sortKey(a))
    .flatMap((m) =>
      myReflectionsOf(
        language === 'en' ? m.log : m.log.map((e) => meetingEventIn(e, language)),
        actor.userId,
      ).map((r): MyReflectionItem => {
        const date = meetingDate(m);
        const outdated = r.shared === null || !r.shared.upToDate;
        return {
          reflectionId: r.reflectionId,
          meeting: {
            id: m.meeting.id,
            title: m.meeting.title,
            date: date ? date.toISOString() : null,
            status: m.meeting.status,
          },
          team: { id: m.group.id, name: m.group.name },
          routineName: r.routineName,
          step: { id: r.stepId, title: r.stepTitle },
          text: r.text,
          writtenAt: iso(r.writtenAt),
          shared: r.shared
            ? { at: iso(r.shared.at), afterMeeting: r.shared.afterMeeting, upToDate: r.shared.upToDate }
            : null,
          canShare:
            m.meeting.status !== 'scheduled' &&
            outdated &&
            can(actor, 'share', reflectionSubject(actor, m, r.reflectionId)),
        };
      }),
    );
}

/** The teams of these meetings, by name (the page's filter). */
export function presentTeams(meetings: readonly MeetingWithLog[]): { id: string; name: string }[] {
  const teams = new Map(meetings.map((m) => [m.group.id, m.group.name]));
  return [...teams].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

const day = (value: string | null) => (value ? value.slice(0, 10) : '');
const minute = (value: string) => `${value.replace('T', ' ').slice(0, 16)} UTC`;

/**
 * I18N-CONTENT-10: the fixed words of the reflections Markdown export in one language (dates stay ISO, as in
 * the CSV); `reflectionsMarkdownEs` is typed against this, so a missing phrase does not compile.
 */
export interface ReflectionsMarkdownWords {
  title: string;
  exported: (date: string) => string;
  privateNote: string;
  none: string;
  privateLine: string;
  shared: (date: string, afterMeeting: boolean) => string;
  editedSince: string;
  written: (minute: string) => string;
}

const MARKDOWN_EN: ReflectionsMarkdownWords = {
  title: 'My reflections',
  exported: (date) => `exported ${date}`,
  privateNote: 'Private reflections are yours alone until you share them. Keep this file somewhere private.',
  none: 'No reflections yet.',
  privateLine: 'Private: only you have read it.',
  shared: (date, afterMeeting) =>
    `Shared with the team on ${date}${afterMeeting ? ', after the meeting' : ''}`,
  editedSince: '; edited since',
  written: (at) => `Written ${at}.`,
};

function sharedLine(item: MyReflectionItem, w: ReflectionsMarkdownWords): string {
  if (!item.shared) return `_${w.privateLine}_`;
  const when = w.shared(day(item.shared.at), item.shared.afterMeeting);
  return item.shared.upToDate ? `_${when}._` : `_${when}${w.editedSince}._`;
}

/** DAY-REFL-3: one section per meeting, one per reflection; every person's text escaped as text. */
export function reflectionsToMarkdown(
  items: readonly MyReflectionItem[],
  context: { personName: string; exportedAt: Date },
  language: Language = 'en',
): string {
  const w = language === 'es' ? reflectionsMarkdownEs : MARKDOWN_EN;
  const lines = [
    `# ${w.title}`,
    '',
    `${mdText(context.personName)} · ${w.exported(context.exportedAt.toISOString().slice(0, 10))}`,
    '',
    w.privateNote,
    '',
  ];
  if (!items.length) lines.push(w.none, '');
  let meetingId = '';
  for (const item of items) {
    if (item.meeting.id !== meetingId) {
      meetingId = item.meeting.id;
      const date = day(item.meeting.date);
      lines.push(
        `## ${mdText(item.meeting.title)}`,
        '',
        `${mdText(item.team.name)}${date ? ` · ${date}` : ''}`,
        '',
      );
    }
    const routine = item.routineName ? ` (${mdText(item.routineName)})` : '';
    lines.push(
      `### ${mdText(item.step.title)}${routine}`,
      '',
      mdBlock(item.text),
      '',
      `${w.written(minute(item.writtenAt))} ${sharedLine(item, w)}`,
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

const CSV_COLUMNS = [
  'meeting',
  'meeting_date',
  'team',
  'routine',
  'step',
  'reflection',
  'written_at',
  'shared_at',
  'shared_after_meeting',
  'reflection_id',
  'meeting_id',
] as const;

/** I18N-CSV-1: the CSV's own words in one language; the columns a tuple as long as the English. */
export interface ReflectionsCsvWords {
  columns: CsvHeader<typeof CSV_COLUMNS>;
  yesNo: Record<'true' | 'false', string>;
}

const CSV_EN: ReflectionsCsvWords = { columns: CSV_COLUMNS, yesNo: { true: 'true', false: 'false' } };

/**
 * DAY-REFL-3: RFC 4180 with a byte-order mark; formula-like cells are written as text (the audit's `csvCell`).
 * I18N-CSV-1: the header and the yes/no column in `language`.
 */
export function reflectionsToCsv(items: readonly MyReflectionItem[], language: Language = 'en'): string {
  const w = language === 'es' ? reflectionsCsvEs : CSV_EN;
  const rows = items.map((item) =>
    csvRow([
      item.meeting.title,
      day(item.meeting.date),
      item.team.name,
      item.routineName,
      item.step.title,
      item.text,
      item.writtenAt,
      item.shared?.at ?? '',
      item.shared ? w.yesNo[item.shared.afterMeeting ? 'true' : 'false'] : '',
      item.reflectionId,
      item.meeting.id,
    ]),
  );
  return `\uFEFF${csvRow(w.columns)}${rows.join('')}`;
}
