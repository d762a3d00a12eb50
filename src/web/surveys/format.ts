/** Dates, numbers and words the surveys pages show (issue 13). */
import type { WaveSummary } from '#contracts/surveys';
import { dateTimeFormat } from '../ui/dates';
import type { SurveysT } from './i18n';

/** A calendar day (YYYY-MM-DD, as the server keeps a wave's dates) in words, e.g. "16 Dec 2026". */
export function formatDay(day: string, language: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return dateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A number with a fixed count of decimals in the reader's language ("4.25"). */
export function formatNumber(value: number, language: string, decimals = 2): string {
  return new Intl.NumberFormat(language, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

/** A share (0..1) as a whole percentage ("60%"). */
export function formatPercent(share: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** YYYY-MM-DD of a date in the browser's calendar. */
function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The default open and close dates of a new wave: today and 14 days on. "Today" is the later of the browser's
 * day and UTC's, since the server refuses an open date before its UTC today (MEASURE-WAVE-1).
 */
export function defaultWaveDates(now = new Date()): { opensOn: string; closesOn: string } {
  const local = localDay(now);
  const utc = now.toISOString().slice(0, 10);
  const opensOn = local > utc ? local : utc;
  const close = new Date(`${opensOn}T12:00:00Z`);
  close.setUTCDate(close.getUTCDate() + 14);
  return { opensOn, closesOn: close.toISOString().slice(0, 10) };
}

/** A level's word (MEASURE-NET-WEB-3): in a network, its top is the network and its teams are cohorts. */
export function kindWord(
  t: SurveysT,
  kind: 'district' | 'school' | 'team',
  space: WaveSummary['space'],
): string {
  return t(space === 'network' ? `results.network.kind.${kind}` : `results.kind.${kind}`);
}
