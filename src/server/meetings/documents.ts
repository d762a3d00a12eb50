/** Documents people take elsewhere: minutes as Markdown (calendars are `../calendar/ics.ts`). */
import { efficacySourceName } from '#contracts/efficacy-sources';
import { isHttpsUrl } from '#contracts/meeting';
import type { Language } from '#contracts/auth';
import type { ObservationMode, QuestionKind } from '#contracts/routine';
import { formatDuration, type MeetingMinutes } from '#core/meeting/index';
import { minutesWordsEs } from './documents.es';

/** Characters that mean something inline in CommonMark/GFM (links, emphasis, HTML, entities, tables, code). */
const MD_INLINE = /[\\`*_[\]<>#+|~&]/g;

function mdLine(line: string): string {
  let out = line.replace(MD_INLINE, '\\$&').replace(/^\s+/, '');
  // At the start of a line: list bullets, setext underlines, ordered-list numbers.
  if (/^[-=]/.test(out)) out = `\\${out}`;
  return out.replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * TRUST-HTTP-11: people's text in Markdown minutes is text, never markup: a name or note cannot add links,
 * HTML, headings, list items or table cells. One line (newlines become spaces).
 */
export function mdText(text: string): string {
  return mdLine(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}

/** The same for a block of several lines (notes, summaries): each line escaped, blank lines kept. */
export function mdBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => mdLine(line))
    .join('\n')
    .trim();
}

/**
 * PM-MIN-3: a link in the Markdown minutes is an autolink `<https://…>` only when it is a normalized https
 * address (no space, `<`, `>` or control character can end it early); anything else is plain escaped text.
 */
export function mdUrl(url: string): string {
  return isHttpsUrl(url) && !/[\s<>]/.test(url) ? `<${url}>` : mdText(url);
}

const FOLLOW_UP_WORDS = {
  done: 'done',
  'carry-on': 'carried on',
  drop: 'dropped',
  none: 'not discussed',
} as const;

export const OBSERVATION_MODE_NAMES: Record<ObservationMode, string> = {
  'classroom-visit': 'Classroom visit',
  'classroom-video': 'Classroom video',
  'in-meeting-demonstration': 'Demonstration in the meeting',
};

const utc = (iso: string | number) => `${new Date(iso).toISOString().replace('T', ' ').slice(0, 16)} UTC`;

/**
 * I18N-CONTENT-10: the fixed words of the Markdown minutes in one language. People's words, names and dates (ISO,
 * UTC) are never translated; `minutesWordsEs` (documents.es.ts) is typed against this, so a missing phrase does
 * not compile. Durations follow DAY-TIMER-5's rule in each language.
 */
export interface MinutesWords {
  formerMember: string;
  routine: string;
  started: (at: string) => string;
  facilitator: string;
  guests: string;
  presenter: string;
  invited: string;
  plan: string;
  curiosity: string;
  practice: string;
  model: string;
  observationMode: string;
  modes: Record<ObservationMode, string>;
  when: string;
  video: string;
  fromSuccess: string;
  presentation: string;
  sharedObservations: string;
  steps: string;
  table: { step: string; planned: string; actual: string };
  outcome: Record<'done' | 'skipped' | 'pending', string>;
  duration: (ms: number) => string;
  notTimed: string;
  questions: string;
  questionKind: Record<QuestionKind, string>;
  flagged: string;
  sources: string;
  sourceName: (source: string) => string;
  noneTagged: string;
  sharedReflections: string;
  sharedAfter: string;
  nextSteps: string;
  due: (due: string) => string;
  doneOn: (date: string) => string;
  whatHappened: string;
  noneRecorded: string;
  followUps: string;
  followUp: Record<keyof typeof FOLLOW_UP_WORDS, string>;
}

export const MINUTES_EN: MinutesWords = {
  formerMember: 'A former member',
  routine: 'Routine',
  started: (at) => `Started ${at}`,
  facilitator: 'Facilitator',
  guests: 'Guests',
  presenter: 'Presenter',
  invited: ' (invited to this meeting)',
  plan: 'Plan',
  curiosity: 'Area of curiosity',
  practice: 'Practice',
  model: 'Model',
  observationMode: 'Observation mode',
  modes: OBSERVATION_MODE_NAMES,
  when: 'When',
  video: 'Video',
  fromSuccess: 'From the success',
  presentation: 'Presentation',
  sharedObservations: 'Shared observations',
  steps: 'Steps',
  table: { step: 'Step', planned: 'Planned', actual: 'Actual' },
  outcome: { done: '', skipped: ' (skipped)', pending: ' (not reached)' },
  duration: formatDuration,
  notTimed: 'not timed',
  questions: 'Questions',
  questionKind: { clarifying: 'clarifying', probing: 'probing' },
  flagged: 'flagged: offered a solution',
  sources: 'Sources of efficacy we noticed',
  sourceName: efficacySourceName,
  noneTagged: 'None tagged.',
  sharedReflections: 'Shared reflections',
  sharedAfter: ' (shared after the meeting)',
  nextSteps: 'Next steps',
  due: (due) => `due ${due}`,
  doneOn: (date) => `done ${date}`,
  whatHappened: 'what happened',
  noneRecorded: 'None recorded.',
  followUps: "Follow-up on last time's next steps",
  followUp: FOLLOW_UP_WORDS,
};

export function minutesToMarkdown(
  m: MeetingMinutes,
  context: { title: string; groupName: string; names: ReadonlyMap<string, string> },
  language: Language = 'en',
): string {
  const w = language === 'es' ? minutesWordsEs : MINUTES_EN;
  const name = (id: string | null) => (id ? mdText(context.names.get(id) ?? w.formerMember) : '—');
  const several = m.parts.length > 1;
  const lines: string[] = [
    `# ${mdText(context.title)}`,
    '',
    `${mdText(context.groupName)} · ${m.parts.map((p) => mdText(p.routine.name)).join(' + ') || w.routine}`,
  ];
  if (m.startedAt) lines.push(w.started(utc(m.startedAt)));
  lines.push('', `${w.facilitator}: ${name(m.roles.facilitator)}`, '');
  if (m.guests.length) lines.push(`${w.guests}: ${m.guests.map((g) => mdText(g.name)).join(', ')}`, '');
  // With several routines, each gets its own top-level section and its details move one heading level down.
  const h = several ? '###' : '##';
  for (const part of m.parts) {
    if (several) lines.push(`## ${part.index + 1}. ${mdText(part.routine.name)}`, '');
    lines.push(`${w.presenter}: ${name(part.presenterId)}`, '');
    const invited = (id: string | null) => (id && m.invitees.includes(id) ? w.invited : '');
    if (part.plan) {
      // PM-MIN-1: the Peer Modeling plan as it stood when the meeting opened.
      const p = part.plan;
      lines.push(`${h} ${w.plan}`, '');
      lines.push(`- ${w.curiosity}: ${mdText(p.curiosity)}`, `- ${w.practice}: ${mdText(p.practice)}`);
      lines.push(`- ${w.model}: ${name(p.modelId)}${invited(p.modelId)}`);
      lines.push(`- ${w.observationMode}: ${w.modes[p.mode]}`);
      if (p.modelingAt) lines.push(`- ${w.when}: ${utc(p.modelingAt)}`);
      if (p.videoUrl) lines.push(`- ${w.video}: ${mdUrl(p.videoUrl)}`);
      if (p.fromSuccess) lines.push(`- ${w.fromSuccess}: ${mdText(p.fromSuccess.title)}`);
      lines.push('');
    }
    if (part.presentation)
      lines.push(
        `${h} ${w.presentation}`,
        '',
        `**${mdText(part.presentation.title)}**`,
        '',
        ...(part.presentation.mode ? [`${w.observationMode}: ${w.modes[part.presentation.mode]}`, ''] : []),
        mdBlock(part.presentation.summary),
        '',
      );
    if (part.observations.length) {
      // PM-MIN-2: visit notes their authors shared into the meeting.
      lines.push(`${h} ${w.sharedObservations}`, '');
      for (const o of part.observations)
        lines.push(`${h}# ${name(o.authorId)}${invited(o.authorId)}`, '', mdBlock(o.text), '');
    }
    lines.push(
      `${h} ${w.steps}`,
      '',
      `| ${w.table.step} | ${w.table.planned} | ${w.table.actual} |`,
      '|---|---|---|',
    );
    for (const s of part.steps)
      lines.push(
        // DAY-TIMER-5: durations as the minutes page says them ("under 1 min", "1 h 5 min", "not timed").
        `| ${mdText(s.title)}${w.outcome[s.outcome]} | ${w.duration((s.plannedMinutes + s.extensionMinutes) * 60_000)} | ${s.timed ? w.duration(s.actualMs) : w.notTimed} |`,
      );
    lines.push('');
    for (const s of part.steps.filter((x) => x.note.trim()))
      lines.push(`${h}# ${mdText(s.title)}`, '', mdBlock(s.note), '');
    const stepIds = new Set(part.steps.map((s) => s.stepId));
    const questions = m.questions.filter((q) => stepIds.has(q.stepId));
    if (questions.length) {
      lines.push(`${h} ${w.questions}`, '');
      for (const q of questions)
        lines.push(
          `- (${w.questionKind[q.kind]}) ${mdText(q.text)}${q.flagged ? ` — ${w.flagged}${q.flagReason ? ` (${mdText(q.flagReason)})` : ''}` : ''}`,
        );
      lines.push('');
    }
    lines.push(`${h} ${w.sources}`, '');
    if (part.sourceTags.length)
      for (const t of part.sourceTags)
        lines.push(`- **${mdText(w.sourceName(t.source))}**: ${mdText(t.why)}`);
    else lines.push(w.noneTagged);
    lines.push('');
  }
  if (m.sharedReflections.length) {
    lines.push(`## ${w.sharedReflections}`, '');
    for (const r of m.sharedReflections)
      lines.push(`- ${mdText(r.text)} — ${name(r.authorId)}${r.afterMeeting ? w.sharedAfter : ''}`);
    lines.push('');
  }
  lines.push(`## ${w.nextSteps}`, '');
  if (m.actionItems.length) {
    for (const a of m.actionItems)
      lines.push(
        `- [${a.completedAt ? 'x' : ' '}] ${mdText(a.text)} — ${name(a.ownerId)}${a.due ? `, ${w.due(mdText(a.due))}` : ''}${a.completedAt ? ` — ${w.doneOn(new Date(a.completedAt).toISOString().slice(0, 10))}` : ''}${a.outcome ? ` — ${w.whatHappened}: ${mdText(a.outcome)}` : ''}`,
      );
  } else lines.push(w.noneRecorded);
  if (m.followUps.length) {
    // FOLLOW-MIN-2: the follow-up of earlier meetings' next steps, kept in the minutes.
    lines.push('', `## ${w.followUps}`, '');
    for (const f of m.followUps)
      lines.push(
        `- ${mdText(f.text)} — ${name(f.ownerId)}: ${w.followUp[f.status ?? 'none']}${f.note ? ` — ${mdText(f.note)}` : ''}`,
      );
  }
  return `${lines.join('\n')}\n`;
}
