import type { TFunction } from 'i18next';
import type { GroupSummary } from '#contracts/org';
import { dateTimeFormat } from '../ui/dates';

/** "Teacher team · PLC", "Whole staff", "District leadership team". */
export function groupKindLabel(t: TFunction, group: Pick<GroupSummary, 'kind' | 'focus'>): string {
  const kind = t(`groupKind.${group.kind}`);
  return group.kind === 'teacher_team' && group.focus ? `${kind} · ${t(`teamFocus.${group.focus}`)}` : kind;
}

/** Join codes are shown as two groups of four ("ABCD-2345"): easier to read aloud and copy from a projector. */
export function formatJoinCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

export function formatDateTime(iso: string, language: string): string {
  return dateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string, language: string): string {
  return dateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(iso));
}
