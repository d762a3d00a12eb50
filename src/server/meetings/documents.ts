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
  const lines: string[] = [
    `# ${context.title}`,
    '',
    `${context.groupName} · ${m.routine?.name ?? 'Routine'}`,
  ];
  if (m.startedAt)
    lines.push(`Started ${new Date(m.startedAt).toISOString().replace('T', ' ').slice(0, 16)} UTC`);
  lines.push('', `Facilitator: ${name(m.roles.facilitator)} · Presenter: ${name(m.roles.presenter)}`, '');
  if (m.presentation) {
    lines.push('## Presentation', '', `**${m.presentation.title}**`, '', m.presentation.summary, '');
  }
  lines.push('## Steps', '', '| Step | Planned | Actual |', '|---|---|---|');
  for (const s of m.steps) {
    lines.push(
      `| ${s.title.replace(/\|/g, '\\|')}${OUTCOME[s.outcome] ?? ''} | ${s.plannedMinutes + s.extensionMinutes} min | ${s.actualMinutes} min |`,
    );
  }
  lines.push('');
  for (const s of m.steps.filter((x) => x.note.trim())) lines.push(`### ${s.title}`, '', s.note.trim(), '');
  if (m.questions.length) {
    lines.push('## Questions', '');
    for (const q of m.questions)
      lines.push(`- (${q.kind}) ${q.text}${q.flagged ? ' — flagged: offered a solution' : ''}`);
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
        `- [${a.completedAt ? 'x' : ' '}] ${a.text} — ${name(a.ownerId)}${a.due ? `, due ${a.due}` : ''}`,
      );
  } else lines.push('None recorded.');
  lines.push('', '## Sources of efficacy we noticed', '');
  if (m.sourceTags.length)
    for (const t of m.sourceTags) lines.push(`- **${SOURCE_NAMES[t.source] ?? t.source}**: ${t.why}`);
  else lines.push('None tagged.');
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
