/** A cohort's current cycle in words (NET-WEB-5): its focus (named, or the cohort's own), goal, number and days. */
import { useTranslation } from 'react-i18next';
import type { CohortCycle } from '#contracts/cohorts';
import { focusWords } from './focus';
import { useNetworksT } from './i18n';
import './networks.css';
import '../i18n/focus-areas';

function dayOf(day: string, language: string): string {
  // A calendar day, read as that day wherever the reader is (noon UTC keeps it from slipping a day).
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

export function CohortCycleFacts({ cycle }: { cycle: CohortCycle }) {
  const t = useNetworksT();
  const { i18n, t: appT } = useTranslation();
  const start = cycle.startsOn ? dayOf(cycle.startsOn, i18n.language) : null;
  const end = cycle.endsOn ? dayOf(cycle.endsOn, i18n.language) : null;
  const when =
    start && end
      ? t('home.dates', { start, end })
      : start
        ? t('home.from', { start })
        : end
          ? t('home.until', { end })
          : null;
  return (
    <dl className="cohort-cycle">
      <div className="cohort-cycle__row">
        <dt>{t('home.focusLabel')}</dt>
        <dd>{focusWords(cycle.focus, (area) => appT(`focusArea.${area}`))}</dd>
      </div>
      <div className="cohort-cycle__row">
        <dt>{t('home.goalLabel')}</dt>
        <dd>{cycle.goal}</dd>
      </div>
      <div className="cohort-cycle__row">
        <dt className="visually-hidden">{t('home.cycle', { number: cycle.number })}</dt>
        <dd className="muted">
          {t('home.cycle', { number: cycle.number })}
          {when ? ` · ${when}` : ''}
        </dd>
      </div>
    </dl>
  );
}
