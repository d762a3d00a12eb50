/** Documents people take elsewhere: minutes as Markdown, schedules as iCalendar (RFC 5545). */
import type { MeetingMinutes } from '#core/meeting/index';

const SOURCE_NAMES: Record<string, string> = {
  mastery: 'Mastery experience',
  vicarious: 'Vicarious experience',
  social_persuasion: 'Social persuasion',
  affective_state: 'Safe, positive affective state',
};

const OUTCOME: Record<string, string> = { done: '', skipped: ' (skipped)', pending: ' (not reached)' };

export function minutesToMarkdown(
  m: MeetingMinutes,
  context: { title: string; groupName: string; names: ReadonlyMap<string, string> },
): string {
  const name = (id: string | null) => (id ? (context.names.get(id) ?? 'A former member') : '—');
  const several = m.parts.length > 1;
  const lines: string[] = [
    `# ${context.title}`,
    '',
    `${context.groupName} · ${m.parts.map((p) => p.routine.name).join(' + ') || 'Routine'}`,
  ];
  if (m.startedAt)
    lines.push(`Started ${new Date(m.startedAt).toISOString().replace('T', ' ').slice(0, 16)} UTC`);
  lines.push('', `Facilitator: ${name(m.roles.facilitator)}`, '');
  // With several routines, each gets its own top-level section and its details move one heading level down.
  const h = several ? '###' : '##';
  for (const part of m.parts) {
    if (several) lines.push(`## ${part.index + 1}. ${part.routine.name}`, '');
    lines.push(`Presenter: ${name(part.presenterId)}`, '');
    if (part.presentation)
      lines.push(
        `${h} Presentation`,
        '',
        `**${part.presentation.title}**`,
        '',
        part.presentation.summary,
        '',
      );
    lines.push(`${h} Steps`, '', '| Step | Planned | Actual |', '|---|---|---|');
    for (const s of part.steps)
      lines.push(
        `| ${s.title.replace(/\|/g, '\\|')}${OUTCOME[s.outcome] ?? ''} | ${s.plannedMinutes + s.extensionMinutes} min | ${s.actualMinutes} min |`,
      );
    lines.push('');
    for (const s of part.steps.filter((x) => x.note.trim()))
      lines.push(`${h}# ${s.title}`, '', s.note.trim(), '');
    const stepIds = new Set(part.steps.map((s) => s.stepId));
    const questions = m.questions.filter((q) => stepIds.has(q.stepId));
    if (questions.length) {
      lines.push(`${h} Questions`, '');
      for (const q of questions)
        lines.push(
          `- (${q.kind}) ${q.text}${q.flagged ? ` — flagged: offered a solution${q.flagReason ? ` (${q.flagReason})` : ''}` : ''}`,
        );
      lines.push('');
    }
    lines.push(`${h} Sources of efficacy we noticed`, '');
    if (part.sourceTags.length)
      for (const t of part.sourceTags) lines.push(`- **${SOURCE_NAMES[t.source] ?? t.source}**: ${t.why}`);
    else lines.push('None tagged.');
    lines.push('');
  }
  if (m.sharedReflections.length) {
    lines.push('## Shared reflections', '');
    for (const r of m.sharedReflections) lines.push(`- ${r.text} — ${name(r.authorId)}`);
    lines.push('');
  }
  lines.push('## Next steps', '');
  if (m.actionItems.length) {
    for (const a of m.actionItems)
      lines.push(
        `- [${a.completedAt ? 'x' : ' '}] ${a.text} — ${name(a.ownerId)}${a.due ? `, due ${a.due}` : ''}${a.completedAt ? ` — done ${new Date(a.completedAt).toISOString().slice(0, 10)}` : ''}`,
      );
  } else lines.push('None recorded.');
  return `${lines.join('\n')}\n`;
}

/** RFC 5545 text escaping and 75-octet line folding. */
function icsText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}
function fold(line: string): string {
  const out: string[] = [];
  let rest = line;
  while (Buffer.byteLength(rest) > 75) {
    let cut = 75;
    while (Buffer.byteLength(rest.slice(0, cut)) > 75) cut--;
    out.push(rest.slice(0, cut));
    rest = ` ${rest.slice(cut)}`;
  }
  out.push(rest);
  return out.join('\r\n');
}
const icsDate = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

export interface CalendarMeeting {
  id: string;
  title: string;
  routineName: string;
  totalMinutes: number;
  scheduledFor: Date;
  url: string;
  updatedAt: Date;
}

export function meetingsToICalendar(calendarName: string, items: readonly CalendarMeeting[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ensemble//Meetings//EN',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${icsText(calendarName)}`,
  ];
  for (const m of items) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${m.id}@ensemble`,
      `DTSTAMP:${icsDate(m.updatedAt)}`,
      `DTSTART:${icsDate(m.scheduledFor)}`,
      `DTEND:${icsDate(new Date(m.scheduledFor.getTime() + Math.max(m.totalMinutes, 15) * 60_000))}`,
      `SUMMARY:${icsText(m.title)}`,
      `DESCRIPTION:${icsText(`${m.routineName} (${m.totalMinutes} min). Join: ${m.url}`)}`,
      `URL:${m.url}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
