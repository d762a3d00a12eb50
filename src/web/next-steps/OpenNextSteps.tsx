import { Link } from 'wouter';
import { useState } from 'react';
import { useNextStepsT } from './i18n';
import { NextStepCard } from './NextStepCard';
import { useTeamNextSteps } from './queries';
import './next-steps.css';

/** The team home's open next steps (NEXT-TEAM-1): members only (the server answers 403 to others: nothing shown). */
export function OpenNextSteps({ groupId }: { groupId: string }) {
  const t = useNextStepsT();
  const list = useTeamNextSteps(groupId);
  const [done, setDone] = useState('');
  if (!list.data) return null;
  return (
    <section className="section stack" aria-labelledby={`open-next-steps-${groupId}`}>
      <h2 id={`open-next-steps-${groupId}`} className="section__title">
        {t('team.title')}
      </h2>
      <p role="status" className="visually-hidden">
        {done}
      </p>
      {list.data.items.length === 0 ? (
        <p className="muted">{t('team.none')}</p>
      ) : (
        <ul className="card-grid">
          {list.data.items.map((item) => (
            <NextStepCard key={`${item.meeting.id}-${item.itemId}`} item={item} onDone={setDone} showClass />
          ))}
        </ul>
      )}
      <p>
        <Link to="/next-steps">{t('team.all')}</Link>
      </p>
    </section>
  );
}
