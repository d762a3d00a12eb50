/** Meeting pulse rows -> contracts (MEASURE-PULSE-*). */
import type { Instrument } from '#contracts/instrument';
import { PULSE_OPEN_HOURS, type MeetingPulse, type TeamPulseTrend } from '#contracts/pulse';
import { keyAnswers, pulseWindows, tryMeanCI } from '#core/measure/index';

const HOUR = 3_600_000;

export const pulseClosesAt = (endedAt: Date) => new Date(endedAt.getTime() + PULSE_OPEN_HOURS * HOUR);

export function presentPulse(
  instrument: Instrument,
  meeting: { id: string; status: string; endedAt: Date | null },
  answered: boolean,
  threshold: number,
  now: Date,
): MeetingPulse {
  const closesAt = meeting.status === 'ended' && meeting.endedAt ? pulseClosesAt(meeting.endedAt) : null;
  return {
    meetingId: meeting.id,
    open: closesAt !== null && now < closesAt,
    answered,
    closesAt: closesAt?.toISOString() ?? null,
    title: instrument.title,
    scale: instrument.scale.labels,
    items: instrument.items.map((i) => ({ id: i.id, text: i.text })),
    threshold,
  };
}

/**
 * MEASURE-PULSE-3: the team's trend: closed pulses pooled into ADR 0028's prefix-stable windows; each shown window
 * has its meetings' dates, n and each item's mean (reverse-keyed items flipped) with its interval; the meetings
 * still gathering toward the next window are only counted, never given a number of answers.
 */
export function presentTrend(
  instrument: Instrument,
  threshold: number,
  ended: readonly { id: string; endedAt: Date | null }[],
  answers: readonly { meetingId: string; answers: readonly number[] }[],
  openMeetings: number,
): TeamPulseTrend {
  const byMeeting = new Map<string, (readonly number[])[]>();
  for (const a of answers) byMeeting.set(a.meetingId, [...(byMeeting.get(a.meetingId) ?? []), a.answers]);
  const endedAt = new Map(ended.map((m) => [m.id, m.endedAt]));
  const windows = pulseWindows(
    ended.map((m) => ({ meetingId: m.id, n: byMeeting.get(m.id)?.length ?? 0 })),
    threshold,
  );
  const shown: TeamPulseTrend['windows'] = [];
  let pending = openMeetings;
  for (const w of windows) {
    if (w.status === 'open') {
      pending += w.meetingIds.length;
      continue;
    }
    const rows = w.meetingIds.flatMap((id) => byMeeting.get(id) ?? []);
    const keyed = keyAnswers(rows, {
      points: instrument.scale.points,
      reversed: instrument.items.map((i) => i.reverse),
    });
    const dates = w.meetingIds.flatMap((id) => {
      const at = endedAt.get(id);
      return at ? [at.getTime()] : [];
    });
    shown.push({
      from: new Date(Math.min(...dates)).toISOString(),
      to: new Date(Math.max(...dates)).toISOString(),
      meetings: w.meetingIds.length,
      n: w.n,
      items: instrument.items.flatMap((item, column) => {
        if (!keyed.ok) return [];
        const m = tryMeanCI(keyed.rows.flatMap((r) => (typeof r[column] === 'number' ? [r[column]] : [])));
        return m.ok ? [{ id: item.id, mean: m.mean, ci95: m.ci95 }] : [];
      }),
    });
  }
  return {
    threshold,
    scale: instrument.scale.labels,
    items: instrument.items.map((i) => ({ id: i.id, text: i.text })),
    windows: shown,
    pendingMeetings: pending,
  };
}
