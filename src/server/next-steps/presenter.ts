/** Next steps as the API sends them (NEXT-*), and a team's next steps as CSV. */
import type { Language } from '#contracts/auth';
import type { FollowUpStatus } from '#contracts/meeting';
import type { DueClass, NextStepItem, NextStepsPage } from '#contracts/next-steps';
import { classify, type NextStep } from '#core/next-steps/index';
import { csvRow, type CsvHeader } from '../audit/presenter';
import type { Actor } from '../policy/actor';
import { nextStepsCsvEs } from './csv.es';
import type { TeamNextSteps } from './queries';

const iso = (ms: number) => new Date(ms).toISOString();

/** The server's calendar date (UTC) when the caller gives none. */
export const utcToday = (now = new Date()) => now.toISOString().slice(0, 10);

const ORDER = { overdue: 0, 'due-soon': 1, later: 2, 'no-date': 3 } as const;

/**
 * One next step for `actor`. `canComplete` (a hint for the page; the meeting's command decides): open, and
 * the caller owns it or added it (NEXT-DONE-2).
 */
export function presentNextStep(
  actor: Actor,
  step: NextStep,
  context: TeamNextSteps,
  names: ReadonlyMap<string, string>,
  today: string,
): NextStepItem | null {
  const meeting = context.meetings.get(step.meetingId);
  const team = context.groups.get(step.groupId);
  if (!meeting || !team) return null;
  const date = meeting.startedAt ?? meeting.scheduledFor;
  const ownerName = names.get(step.ownerId);
  return {
    meeting: { id: meeting.id, title: meeting.title, date: date ? date.toISOString() : null },
    team: { id: team.id, name: team.name },
    itemId: step.itemId,
    text: step.text,
    owner: ownerName === undefined ? null : { id: step.ownerId, name: ownerName },
    due: step.due,
    status: step.status,
    dueClass: classify(step, today),
    outcome: step.outcome,
    closedAt: step.closedAt === null ? null : iso(step.closedAt),
    followUps: step.followUps.map((f) => ({
      meeting: { id: f.meetingId, title: f.meetingTitle },
      status: f.status,
      note: f.note,
      at: iso(f.at),
    })),
    mine: step.ownerId === actor.userId,
    canComplete: step.status === 'open' && (step.ownerId === actor.userId || step.createdBy === actor.userId),
  };
}

/** Open first (overdue, due soon, later, no date; then by date), closed after, newest closed first. */
export function presentNextSteps(
  actor: Actor,
  context: TeamNextSteps,
  names: ReadonlyMap<string, string>,
  opts: { include: 'open' | 'all'; today: string },
): NextStepsPage {
  const items = context.steps
    .filter((s) => opts.include === 'all' || s.status === 'open')
    .map((s) => presentNextStep(actor, s, context, names, opts.today))
    .filter((x): x is NextStepItem => x !== null)
    .sort((a, b) => {
      if ((a.status === 'open') !== (b.status === 'open')) return a.status === 'open' ? -1 : 1;
      if (a.status !== 'open') return (b.closedAt ?? '').localeCompare(a.closedAt ?? '');
      return ORDER[a.dueClass] - ORDER[b.dueClass] || (a.due ?? '').localeCompare(b.due ?? '');
    });
  const teams = [...context.groups.values()]
    .map((g) => ({ id: g.id, name: g.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { items, teams, today: opts.today };
}

const CSV_COLUMNS = [
  'team',
  'meeting',
  'meeting_date',
  'next_step',
  'owner',
  'due',
  'status',
  'due_class',
  'outcome',
  'closed_at',
  'follow_ups',
] as const;

/** I18N-CSV-1: the CSV's own words in one language; the columns a tuple as long as the English. */
export interface NextStepsCsvWords {
  columns: CsvHeader<typeof CSV_COLUMNS>;
  status: Record<NextStepItem['status'], string>;
  dueClass: Record<DueClass, string>;
  followUp: Record<FollowUpStatus, string>;
}

/** English: the values are the codes, as they always were. */
const CSV_EN: NextStepsCsvWords = {
  columns: CSV_COLUMNS,
  status: { open: 'open', done: 'done', dropped: 'dropped' },
  dueClass: { overdue: 'overdue', 'due-soon': 'due-soon', later: 'later', 'no-date': 'no-date' },
  followUp: { done: 'done', 'carry-on': 'carry-on', drop: 'drop' },
};

/** NEXT-CSV-1: RFC 4180, spreadsheet-safe cells (the audit log's `csvRow`); I18N-CSV-1: in `language`. */
export function nextStepsToCsv(page: NextStepsPage, language: Language = 'en'): string {
  const w = language === 'es' ? nextStepsCsvEs : CSV_EN;
  return [
    csvRow(w.columns),
    ...page.items.map((i) =>
      csvRow([
        i.team.name,
        i.meeting.title,
        i.meeting.date?.slice(0, 10) ?? '',
        i.text,
        i.owner?.name ?? '',
        i.due ?? '',
        w.status[i.status],
        w.dueClass[i.dueClass],
        i.outcome ?? '',
        i.closedAt ?? '',
        i.followUps
          .map((f) => `${f.meeting.title}: ${w.followUp[f.status]}${f.note ? ` (${f.note})` : ''}`)
          .join('; '),
      ]),
    ),
  ].join('');
}
