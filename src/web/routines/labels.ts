import type { RoutineSummary } from '#contracts/meetings-api';
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

/**
 * The version line of a list item: Ensemble's, the team's (adapted from Ensemble's, copied from another
 * routine, or its own), or the library's with its author and audience.
 */
export function summaryVersionLine(
  t: RoutinesT,
  r: Pick<RoutineSummary, 'id' | 'version' | 'basedOn' | 'origin' | 'adaptsShipped' | 'library'>,
  all: readonly Pick<RoutineSummary, 'id' | 'name'>[],
): string {
  if (r.origin === 'shipped') return t('list.shipped', { version: r.version });
  if (r.origin === 'library' && r.library)
    return t('list.libraryVersion', {
      version: r.version,
      author: r.library.authorName,
      audience:
        r.library.scope === 'district' || r.library.schoolName === null
          ? t('list.audienceDistrict')
          : t('list.audienceSchool', { school: r.library.schoolName }),
    });
  if (r.adaptsShipped && r.basedOn) return versionLine(t, r);
  // An edited new routine remembers its own first version as its origin: it is still the team's own.
  if (r.basedOn && r.basedOn.id !== r.id) {
    const base = all.find((x) => x.id === r.basedOn?.id)?.name ?? r.basedOn.id;
    return t('list.teamBased', { version: r.version, baseVersion: r.basedOn.version, base });
  }
  return t('list.teamOwn', { version: r.version });
}
