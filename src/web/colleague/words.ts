/** How the exchange's codes read (MATCH-5 reasons, focus areas, meeting times), from the kit's strings. */
import {
  DAY_PARTS,
  WEEKDAYS,
  type AvailabilitySlot,
  type ColleagueCard,
  type MatchReason,
} from '#contracts/colleague';
import type { FocusArea } from '#contracts/focus';
import type { TFunction } from 'i18next';
import type { ColleagueT } from './i18n';
import '../i18n/focus-areas';

export function slotWords(t: ColleagueT, slot: AvailabilitySlot): string {
  const day = WEEKDAYS.find((d) => slot.startsWith(`${d}-`)) ?? 'mon';
  const part = DAY_PARTS.find((p) => slot.endsWith(`-${p}`)) ?? 'before';
  return t('slot', { day: t(`day.${day}`), part: t(`part.${part}`) });
}

export function focusWords(appT: TFunction, areas: readonly FocusArea[]): string {
  return areas.map((a) => appT(`focusArea.${a}`)).join(', ');
}

export function reasonWords(t: ColleagueT, appT: TFunction, r: MatchReason): string {
  return t(`reason.${r.code}`, {
    areas: focusWords(appT, r.focus ?? []),
    slots: (r.slots ?? []).map((s) => slotWords(t, s)).join(', '),
  });
}

export function cardMeta(t: ColleagueT, c: ColleagueCard): string {
  return t('card.meta', {
    level: t(`schoolLevel.${c.schoolLevel}`),
    size: t(`schoolSize.${c.schoolSize}`),
    setting: t(`setting.${c.setting}`),
    years: t(`yearsInRole.${c.yearsInRole}`),
  });
}
