/**
 * What the pulse's card and trend show, decided apart from drawing them (MEASURE-PULSE-5, MEASURE-PULSE-6): pure,
 * tested in view.test.ts.
 */
import type { MeetingPulse, PulseTrendWindow, TeamPulseTrend } from '#contracts/pulse';
import { dateTimeFormat } from '../ui/dates';

/** MEASURE-PULSE-6: the trend shows the team's last windows, at most this many. */
export const TREND_WINDOWS_SHOWN = 6;

export type PulseCardState = 'hidden' | 'form' | 'thanks' | 'answered';

/**
 * MEASURE-PULSE-5: the thanks right after answering; otherwise, while the pulse is open, the items for one who has
 * not answered and one line for one who has; nothing once it has closed, or when it is not theirs to answer.
 */
export function pulseCardState(pulse: MeetingPulse | undefined, justAnswered: boolean): PulseCardState {
  if (justAnswered) return 'thanks';
  if (!pulse?.open) return 'hidden';
  return pulse.answered ? 'answered' : 'form';
}

/** The answers a form gives, as the body of `submitPulse`: each item's chosen point; an unanswered item is left out. */
export function pulseAnswers(
  items: readonly { id: string }[],
  values: Readonly<Record<string, string>>,
): Record<string, number> {
  const answers: Record<string, number> = {};
  for (const item of items) {
    const value = Number(values[fieldName(item.id)]);
    if (Number.isInteger(value) && value > 0) answers[item.id] = value;
  }
  return answers;
}

/** The form field of an item: the path of the server's 400 for it (`answers.<id>`). */
export const fieldName = (itemId: string) => `answers.${itemId}`;

export interface TrendRow {
  window: PulseTrendWindow;
  /** Per item of the instrument, in its order: the mean and its 95% interval kept within the scale, or null. */
  means: ({ mean: number; low: number; high: number } | null)[];
}

/**
 * MEASURE-PULSE-6: the last TREND_WINDOWS_SHOWN windows, newest first (the server lists them oldest first). An
 * interval is kept within the scale (1 to its number of points), where the mean of answers on it must lie.
 */
export function trendRows(trend: TeamPulseTrend): TrendRow[] {
  const points = trend.scale.length;
  const clamp = (v: number) => Math.min(points, Math.max(1, v));
  return trend.windows
    .slice(-TREND_WINDOWS_SHOWN)
    .reverse()
    .map((window) => ({
      window,
      means: trend.items.map((item) => {
        const found = window.items.find((i) => i.id === item.id);
        if (!found) return null;
        const [low = found.mean, high = found.mean] = found.ci95;
        return { mean: found.mean, low: clamp(low), high: clamp(high) };
      }),
    }));
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A mean on the scale, with one decimal ("4.6"). */
export function formatMean(value: number, language: string): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    numberFormats.set(language, format);
  }
  return format.format(value);
}

/** A window's dates in full ("Mar 3 – 10, 2027"; one day when its meetings were all on one). */
export function periodText(window: Pick<PulseTrendWindow, 'from' | 'to'>, language: string): string {
  return dateTimeFormat(language, { dateStyle: 'medium' }).formatRange(
    new Date(window.from),
    new Date(window.to),
  );
}

/** A window's dates under its bars, short and on two lines when they differ ("Mar 3", "– Mar 10"). */
export function periodLines(window: Pick<PulseTrendWindow, 'from' | 'to'>, language: string): string[] {
  const format = dateTimeFormat(language, { month: 'short', day: 'numeric' });
  const from = format.format(new Date(window.from));
  const to = format.format(new Date(window.to));
  return from === to ? [from] : [from, `– ${to}`];
}
