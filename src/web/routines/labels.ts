import type { EfficacySource, Speaker } from '#contracts/routine';
import type { MeetingsT } from '../meetings/i18n';
import type { RoutinesT } from './i18n';

/** Who holds the floor, said without a name (a routine has no presenter yet): "The team talks; the presenter listens". */
export function speakerLabel(mt: MeetingsT, speaker: Speaker): string {
  const text = mt(`speaker.${speaker}`, { name: mt('speaker.thePresenter') });
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

export function sourcesLabel(mt: MeetingsT, sources: readonly EfficacySource[]): string {
  return sources.map((source) => mt(`sources.${source}.name`)).join(', ');
}

/** "Your team's version 2, based on Ensemble's version 1" or "Ensemble's routine, version 1". */
export function versionLine(
  t: RoutinesT,
  routine: { version: number; basedOn?: { version: number } | null | undefined },
): string {
  return routine.basedOn
    ? t('list.teamVersion', { version: routine.version, baseVersion: routine.basedOn.version })
    : t('list.shipped', { version: routine.version });
}

/** "16 minutes · 6 steps" */
export function factsLine(t: RoutinesT, minutes: number, steps: number): string {
  return t('list.facts', {
    minutes: t('common.minutes', { count: minutes }),
    steps: t('common.steps', { count: steps }),
  });
}
