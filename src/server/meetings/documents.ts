/** Documents people take elsewhere: minutes as Markdown (calendars are `../calendar/ics.ts`). */
import { efficacySourceName } from '#contracts/efficacy-sources';
import { isHttpsUrl } from '#contracts/meeting';
import type { ObservationMode } from '#contracts/routine';
import { formatDuration, type MeetingMinutes } from '#core/meeting/index';

const OUTCOME: Record<string, string> = { done: '', skipped: ' (skipped)', pending: ' (not reached)' };

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

export function minutesToMarkdown(
  m: MeetingMinutes,
  context: { title: string; groupName: string; names: ReadonlyMap<string, string> },
): string {
  const name = (id: string | null) => (id ? mdText(context.names.get(id) ?? 'A former member') : '—');
  const several = m.parts.length > 1;
  const lines: string[] = [
    `# ${mdText(context.title)}`,
    '',
    `${mdText(context.groupName)} · ${m.parts.map((p) => mdText(p.routine.name)).join(' + ') || 'Routine'}`,
  ];
  if (m.startedAt) lines.push(`Started ${utc(m.startedAt)}`);
  lines.push('', `Facilitator: ${name(m.roles.facilitator)}`, '');
  if (m.guests.length) lines.push(`Guests: ${m.guests.map((g) => mdText(g.name)).join(', ')}`, '');
  // With several routines, each gets its own top-level section and its details move one heading level down.
  const h = several ? '###' : '##';
  for (const part of m.parts) {
    if (several) lines.push(`## ${part.index + 1}. ${mdText(part.routine.name)}`, '');
    lines.push(`Presenter: ${name(part.presenterId)}`, '');
    const invited = (id: string | null) =>
      id && m.invitees.includes(id) ? ' (invited to this meeting)' : '';
    if (part.plan) {
      // PM-MIN-1: the Peer Modeling plan as it stood when the meeting opened.
      const p = part.plan;
      lines.push(`${h} Plan`, '');
      lines.push(`- Area of curiosity: ${mdText(p.curiosity)}`, `- Practice: ${mdText(p.practice)}`);
      lines.push(`- Model: ${name(p.modelId)}${invited(p.modelId)}`);
      lines.push(`- Observation mode: ${OBSERVATION_MODE_NAMES[p.mode]}`);
      if (p.modelingAt) lines.push(`- When: ${utc(p.modelingAt)}`);
      if (p.videoUrl) lines.push(`- Video: ${mdUrl(p.videoUrl)}`);
      if (p.fromSuccess) lines.push(`- From the success: ${mdText(p.fromSuccess.title)}`);
      lines.push('');
    }
    if (part.presentation)
      lines.push(
        `${h} Presentation`,
        '',
        `**${mdText(part.presentation.title)}**`,
        '',
        ...(part.presentation.mode
          ? [`Observation mode: ${OBSERVATION_MODE_NAMES[part.presentation.mode]}`, '']
          : []),
        mdBlock(part.presentation.summary),
        '',
      );
    if (part.observations.length) {
      // PM-MIN-2: visit notes their authors shared into the meeting.
      lines.push(`${h} Shared observations`, '');
      for (const o of part.observations)
        lines.push(`${h}# ${name(o.authorId)}${invited(o.authorId)}`, '', mdBlock(o.text), '');
    }
    lines.push(`${h} Steps`, '', '| Step | Planned | Actual |', '|---|---|---|');
    for (const s of part.steps)
      lines.push(
        // DAY-TIMER-5: durations as the minutes page says them ("under 1 min", "1 h 5 min", "not timed").
        `| ${mdText(s.title)}${OUTCOME[s.outcome] ?? ''} | ${formatDuration((s.plannedMinutes + s.extensionMinutes) * 60_000)} | ${s.actualText} |`,
      );
    lines.push('');
    for (const s of part.steps.filter((x) => x.note.trim()))
      lines.push(`${h}# ${mdText(s.title)}`, '', mdBlock(s.note), '');
    const stepIds = new Set(part.steps.map((s) => s.stepId));
    const questions = m.questions.filter((q) => stepIds.has(q.stepId));
    if (questions.length) {
      lines.push(`${h} Questions`, '');
      for (const q of questions)
        lines.push(
          `- (${q.kind}) ${mdText(q.text)}${q.flagged ? ` — flagged: offered a solution${q.flagReason ? ` (${mdText(q.flagReason)})` : ''}` : ''}`,
        );
      lines.push('');
    }
    lines.push(`${h} Sources of efficacy we noticed`, '');
    if (part.sourceTags.length)
      for (const t of part.sourceTags)
        lines.push(`- **${mdText(efficacySourceName(t.source))}**: ${mdText(t.why)}`);
    else lines.push('None tagged.');
    lines.push('');
  }
  if (m.sharedReflections.length) {
    lines.push('## Shared reflections', '');
    for (const r of m.sharedReflections)
      lines.push(
        `- ${mdText(r.text)} — ${name(r.authorId)}${r.afterMeeting ? ' (shared after the meeting)' : ''}`,
      );
    lines.push('');
  }
  lines.push('## Next steps', '');
  if (m.actionItems.length) {
    for (const a of m.actionItems)
      lines.push(
        `- [${a.completedAt ? 'x' : ' '}] ${mdText(a.text)} — ${name(a.ownerId)}${a.due ? `, due ${mdText(a.due)}` : ''}${a.completedAt ? ` — done ${new Date(a.completedAt).toISOString().slice(0, 10)}` : ''}${a.outcome ? ` — what happened: ${mdText(a.outcome)}` : ''}`,
      );
  } else lines.push('None recorded.');
  if (m.followUps.length) {
    // FOLLOW-MIN-2: the follow-up of earlier meetings' next steps, kept in the minutes.
    lines.push('', "## Follow-up on last time's next steps", '');
    for (const f of m.followUps)
      lines.push(
        `- ${mdText(f.text)} — ${name(f.ownerId)}: ${FOLLOW_UP_WORDS[f.status ?? 'none']}${f.note ? ` — ${mdText(f.note)}` : ''}`,
      );
  }
  return `${lines.join('\n')}\n`;
}
