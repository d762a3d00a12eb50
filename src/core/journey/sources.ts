/**
 * Sources of efficacy over time (SOURCES-*, docs/SPEC.md): per month, how many times each of the four sources was
 * tagged in the team's ended meetings (a tag taken back with `source.untagged` does not count), and what the team
 * wrote about each. A meeting counts in the month it ended, in the team's time zone.
 */
import { EFFICACY_SOURCES, type EfficacySource } from '../../contracts/routine';
import type { SourceCounts, SourcesOverTime } from '../../contracts/team-home';
import { instantToLocal, isKnownZone } from '../schedule/instants';
import { foldMeeting, ran, type MeetingLog } from './fold';

const zero = (): SourceCounts => ({ mastery: 0, vicarious: 0, social_persuasion: 0, affective_state: 0 });

/** `YYYY-MM` of an instant in `timeZone` (UTC when the zone is unknown). */
export function monthOf(at: number, timeZone: string): string {
  const zone = isKnownZone(timeZone) ? timeZone : 'UTC';
  return instantToLocal(new Date(at), zone).date.slice(0, 7);
}

/** The month after `YYYY-MM`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * SOURCES-1..3. Months run without gaps from the first month with an ended meeting to the last (a month with no
 * meeting shows as zeros), at most the last `maxMonths`; the words are newest first.
 */
export function sourcesOverTime(
  meetings: readonly MeetingLog[],
  timeZone: string,
  maxMonths = 12,
): SourcesOverTime {
  const folded = meetings
    .map((m) => ({ meetingId: m.meetingId, m: foldMeeting(m.events) }))
    .filter((x) => ran(x.m))
    .map((x) => ({ meetingId: x.meetingId, endedAt: x.m.endedAt ?? 0, tags: x.m.tags }));
  const byMonth = new Map<string, SourceCounts>();
  const words = new Map<EfficacySource, { why: string; month: string; meetingId: string; at: number }[]>(
    EFFICACY_SOURCES.map((s) => [s, []]),
  );
  for (const { meetingId, endedAt, tags } of folded) {
    const month = monthOf(endedAt, timeZone);
    const counts = byMonth.get(month) ?? zero();
    byMonth.set(month, counts);
    for (const tag of tags) {
      counts[tag.source] += 1;
      words.get(tag.source)?.push({ why: tag.why, month, meetingId, at: tag.at });
    }
  }
  const present = [...byMonth.keys()].sort();
  const months: SourcesOverTime['months'] = [];
  const last = present.at(-1);
  for (let month = present[0]; month !== undefined && last !== undefined && month <= last;) {
    months.push({ month, counts: byMonth.get(month) ?? zero() });
    month = nextMonth(month);
  }
  const shown = months.slice(-maxMonths);
  const first = shown[0]?.month ?? '';
  const total = zero();
  for (const { counts } of shown) for (const s of EFFICACY_SOURCES) total[s] += counts[s];
  return {
    months: shown,
    total,
    words: EFFICACY_SOURCES.map((source) => ({
      source,
      items: (words.get(source) ?? [])
        .filter((w) => w.month >= first)
        .sort((a, b) => b.at - a.at)
        .map(({ why, month, meetingId }) => ({ why, month, meetingId })),
    })),
  };
}
