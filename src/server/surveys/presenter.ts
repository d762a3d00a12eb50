/** Survey rows -> contracts (MEASURE-WAVE-*, MEASURE-REPORT-*). Never a person with an answer. */
import type { Language } from '#contracts/auth';
import {
  COMMENT_PAGE,
  FrozenCell,
  SummaryCell,
  type AnswerUnit,
  type CellNode,
  type CommentPage,
  type NodeCell,
  type SurveyToAnswer,
  type WaveReport,
  type WaveStatus,
  type WaveSummary,
} from '#contracts/surveys';
import { invitedCount } from '#core/measure/frame';
import { csvRow, type CsvHeader } from '../audit/presenter';
import { reportCsvEs } from './csv.es';
import { reportNotesEs } from './notes.es';
import type { Actor } from '../policy/actor';
import { can } from '../policy/policy';
import { frameOf, instrumentOf, type AnswerUnits } from './answers';
import { instrumentIn } from './catalog';
import type { FrozenAt } from './frozen';
import type { WaveRow } from './queries';
import { waveSubject } from './subject';

export const utcToday = (now = new Date()) => now.toISOString().slice(0, 10);

/** MEASURE-WAVE-4: scheduled before its open date, open through its close date (UTC), closed once closed. */
export function waveStatus(row: WaveRow, today = utcToday()): WaveStatus {
  if (row.closedAt !== null) return 'closed';
  if (today < row.opensOn) return 'scheduled';
  return 'open';
}

export function presentWave(
  row: WaveRow,
  responses: number,
  actor: Actor | null,
  language: Language = 'en',
): WaveSummary {
  const frame = frameOf(row);
  // I18N-CONTENT-9: the title of Ensemble's own instrument (the wave's frozen copy, as shipped) in `language`.
  const instrument = instrumentIn(instrumentOf(row), language);
  const invited = invitedCount(frame);
  const subject = waveSubject(row);
  const schools = frame.units.filter((u) => u.kind === 'school');
  const teams = frame.units.filter((u) => u.kind === 'team');
  const label =
    row.scopeKind === 'district'
      ? (frame.units[0]?.name ?? 'The district')
      : row.scopeKind === 'school'
        ? (schools[0]?.name ?? 'A school')
        : teams.length === 1
          ? (teams[0]?.name ?? 'A team')
          : `${teams.length} ${frame.space === 'network' ? 'cohorts' : 'teams'}`;
  return {
    id: row.id,
    title: row.title,
    space: frame.space,
    scope: { kind: row.scopeKind, label, ids: row.scopeIds },
    instrument: { slug: instrument.id, version: instrument.version, title: instrument.title },
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    status: waveStatus(row),
    invite: row.invite,
    threshold: row.threshold,
    invited,
    responses,
    responseRate: invited === 0 ? null : Math.min(1, responses / invited),
    remindedAt: row.remindedAt?.toISOString() ?? null,
    abilities: {
      manage: actor !== null && can(actor, 'update', subject),
      report: actor !== null && can(actor, 'read-report', subject) && row.closedAt !== null,
    },
  };
}

/**
 * A unit as a respondent reads it: a team by its name, a pool as "<school> (not on a team)"; in a network, a
 * cohort by its name and the network's pool as "<network> (not in a cohort)".
 */
function unitLabels(row: WaveRow, keys: readonly string[]): AnswerUnit[] {
  const frame = frameOf(row);
  const byKey = new Map(frame.units.map((u) => [u.key, u]));
  const pool = frame.space === 'network' ? 'not in a cohort' : 'not on a team';
  return keys.flatMap((key) => {
    const unit = byKey.get(key);
    if (!unit) return [];
    return [{ key, label: unit.kind === 'team' ? unit.name : `${unit.name} (${pool})` }];
  });
}

export function presentSurveyToAnswer(
  row: WaveRow,
  units: AnswerUnits,
  opts: { asksRole: boolean; alreadyAnswered: boolean; language: Language },
): SurveyToAnswer {
  // I18N-CONTENT-4: Ensemble's own instrument in the reader's language, the same items and scale points.
  const instrument = instrumentIn(instrumentOf(row), opts.language);
  return {
    wave: { id: row.id, title: row.title, closesOn: row.closesOn, status: waveStatus(row) },
    instrument: {
      title: instrument.title,
      description: instrument.description,
      scale: instrument.scale.labels,
      items: instrument.items.map((i) => ({ id: i.id, text: i.text })),
      freeText:
        instrument.freeText?.allowed === true && instrument.freeText.prompt !== undefined
          ? { prompt: instrument.freeText.prompt }
          : null,
    },
    units: unitLabels(row, units.keys),
    asksRole: opts.asksRole,
    alreadyAnswered: opts.alreadyAnswered,
    threshold: row.threshold,
  };
}

const LEVEL = { district: 0, school: 1, team: 2 } as const;

/**
 * Stored result rows at one node as its own cell (whole) and the cells under it (summaries: MEASURE-REPORT-6),
 * these by level and name. A row that does not parse is left out, never trusted.
 */
export function parseFrozenAt(rows: readonly { node: string; payload: unknown }[], at: string): FrozenAt {
  let own: FrozenCell | null = null;
  const children: SummaryCell[] = [];
  for (const row of rows) {
    if (row.node === at) {
      const parsed = FrozenCell.safeParse(row.payload);
      if (parsed.success) own = parsed.data;
      continue;
    }
    const parsed = SummaryCell.safeParse(row.payload);
    if (parsed.success) children.push(parsed.data);
  }
  children.sort((a, b) => LEVEL[a.node.kind] - LEVEL[b.node.kind] || a.node.name.localeCompare(b.node.name));
  return { own, children };
}

/**
 * MEASURE-REPORT-2: whether the caller reads a node's cell: every one for those who run the wave (`manages`); for
 * the people of its schools and teams, the district's, their own schools' and their own teams' cells.
 */
export function readsCell(actor: Actor, manages: boolean, node: CellNode): boolean {
  return (
    manages ||
    node.kind === 'district' ||
    (node.kind === 'school' && node.id !== null && actor.schoolRoles.has(node.id)) ||
    (node.kind === 'team' && node.id !== null && actor.groupRoles.has(node.id))
  );
}

/** Whether the wave's (frozen) instrument asks for free text at all. */
export const asksFreeText = (row: WaveRow) => instrumentOf(row).freeText?.allowed === true;

/** MEASURE-REPORT-7: a page of a shown cell's comments, in their frozen order (MEASURE-ANON-8). */
export const commentPage = (texts: readonly string[], offset: number, limit: number): CommentPage => ({
  total: texts.length,
  offset,
  items: texts.slice(offset, offset + limit),
});

/** MEASURE-REPORT-6: the node's own cell: its constructs, item means and its comments' first page. */
function nodeCell(cell: FrozenCell, freeText: boolean): NodeCell {
  if (cell.status !== 'shown') return cell;
  const { freeText: texts, ...numbers } = cell;
  return { ...numbers, comments: freeText ? commentPage(texts, 0, COMMENT_PAGE) : null };
}

/** A closed wave's report at one node: its own cell and the summaries under it that the caller reads. */
export function presentReport(
  actor: Actor,
  row: WaveRow,
  wave: WaveSummary,
  frozen: FrozenAt,
  role: 'all' | 'staff' | 'leader',
  at: string,
  language: Language = 'en',
): WaveReport {
  // I18N-CONTENT-9: the scale's labels of Ensemble's own instrument (frozen as shipped) in `language`.
  const instrument = instrumentIn(instrumentOf(row), language);
  const words = reportNotesIn(language);
  const manages = can(actor, 'update', waveSubject(row));
  const reads = (node: CellNode) => readsCell(actor, manages, node);
  const own = frozen.own !== null && reads(frozen.own.node) ? frozen.own : null;
  return {
    wave,
    at,
    role,
    scale: { points: instrument.scale.points, labels: instrument.scale.labels },
    cell: own === null ? null : nodeCell(own, asksFreeText(row)),
    children: manages ? [...frozen.children] : frozen.children.filter((c) => reads(c.node)),
    notes: [
      words.threshold(row.threshold),
      words.noCause,
      ...(frameOf(row).space === 'network' ? [words.network] : []),
    ],
  };
}

/**
 * I18N-CONTENT-9: the plain words a report and a comparison carry on what their numbers can and cannot say, in
 * one language; `reportNotesEs` (notes.es.ts) is typed against this, so a missing note does not compile.
 */
export interface ReportNotes {
  threshold: (threshold: number) => string;
  noCause: string;
  network: string;
  compare: readonly [string, string, string];
}

export const REPORT_NOTES_EN: ReportNotes = {
  threshold: (threshold) =>
    `A group's results are shown only when at least ${threshold} people in it answered, and only when showing them cannot reveal a smaller group by subtraction.`,
  noCause:
    'The numbers describe how people answered; they do not say why, and a change between waves is not evidence that any one thing caused it.',
  network:
    "A network's results are for the whole network and its cohorts, never split by role: the network does not know who leads what at home.",
  compare: [
    'A change is computed only where both waves show the group (at least the threshold of answers in each).',
    "Waves are anonymous, so they are compared as independent groups; Hedges' g is the difference in means over their pooled spread.",
    'A difference between waves does not show what caused it.',
  ],
};

export const reportNotesIn = (language: Language): ReportNotes =>
  language === 'es' ? reportNotesEs : REPORT_NOTES_EN;

const REPORT_CSV_COLUMNS = [
  'group',
  'level',
  'role',
  'status',
  'n',
  'construct',
  'mean',
  'ci95_low',
  'ci95_high',
  'alpha',
] as const;

/** I18N-CSV-1: the report CSV's own words in one language; the columns a tuple as long as the English. */
export interface ReportCsvWords {
  columns: CsvHeader<typeof REPORT_CSV_COLUMNS>;
  level: Record<'district' | 'school' | 'team', string>;
  role: Record<'all' | 'staff' | 'leader', string>;
  shown: string;
  empty: string;
  suppressed: string;
}

const REPORT_CSV_EN: ReportCsvWords = {
  columns: REPORT_CSV_COLUMNS,
  level: { district: 'district', school: 'school', team: 'team' },
  role: { all: 'all', staff: 'staff', leader: 'leader' },
  shown: 'shown',
  empty: 'no answers',
  suppressed: 'not shown (too few answers)',
};

/**
 * MEASURE-REPORT-4: aggregates only, one row per shown construct of a cell; suppressed cells say so.
 * I18N-CSV-1: the header, levels, roles and statuses in `language`; construct codes and numbers as they are.
 */
export function reportCsv(report: WaveReport, language: Language = 'en'): string {
  const w = language === 'es' ? reportCsvEs : REPORT_CSV_EN;
  let out = '\ufeff' + csvRow(w.columns);
  for (const cell of [...(report.cell ? [report.cell] : []), ...report.children]) {
    const base = [cell.node.name, w.level[cell.node.kind], w.role[cell.role]];
    if (cell.status !== 'shown') {
      out += csvRow([...base, cell.status === 'empty' ? w.empty : w.suppressed, '', '', '', '', '', '']);
      continue;
    }
    for (const c of cell.constructs)
      out += csvRow([
        ...base,
        w.shown,
        String(cell.n),
        c.construct,
        c.mean.toFixed(2),
        (c.ci95[0] ?? c.mean).toFixed(2),
        (c.ci95[1] ?? c.mean).toFixed(2),
        c.alpha === null ? '' : c.alpha.toFixed(2),
      ]);
  }
  return out;
}
