import type { MinutesFollowUp } from '#contracts/minutes';
import { useNextStepsT } from './i18n';

/** FOLLOW-MIN-1: the minutes keep the follow-up of earlier meetings' next steps (nothing when there was none). */
export function MinutesFollowUps({
  items,
  nameOf,
}: {
  items: readonly MinutesFollowUp[];
  nameOf: (id: string) => string;
}) {
  const t = useNextStepsT();
  if (!items.length) return null;
  return (
    <section className="section minutes__section" aria-labelledby="minutes-follow-up">
      <h2 id="minutes-follow-up" className="section__title">
        {t('followUp.minutesTitle')}
      </h2>
      <ul data-testid="minutes-follow-ups">
        {items.map((f) => (
          <li key={`${f.meetingId}-${f.itemId}`}>
            {f.text} — {nameOf(f.ownerId)}:{' '}
            {f.status ? t(`followUp.answer.${f.status}`) : t('followUp.notYet')}
            {f.note ? ` — ${f.note}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
