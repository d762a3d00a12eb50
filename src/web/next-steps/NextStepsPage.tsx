import { useState } from 'react';
import { nextStepsApi } from '#contracts/api-next-steps';
import { pathFor } from '#contracts/endpoint';
import type { DueClass, NextStepItem } from '#contracts/next-steps';
import { withQuery } from '../api/client';
import { Page } from '../ui/Page';
import { RadioGroupField } from '../ui/RadioGroupField';
import { EmptyState, ErrorState, LoadingState } from '../ui/States';
import { DigestSwitch } from './DigestSwitch';
import { useNextStepsT } from './i18n';
import { NextStepCard } from './NextStepCard';
import { localToday, useMyNextSteps } from './queries';
import './next-steps.css';

const CLASSES: readonly DueClass[] = ['overdue', 'due-soon', 'later', 'no-date'];

/**
 * /next-steps (NEXT-PAGE-1): my open next steps, or my teams', grouped overdue, due in the next 7 days, later
 * and no date (each group named in words); "Mark done" with what happened; the weekly digest's switch.
 */
export function NextStepsPage() {
  const t = useNextStepsT();
  const [scope, setScope] = useState<'mine' | 'teams'>('mine');
  const list = useMyNextSteps('open');
  const [done, setDone] = useState('');
  const items = (list.data?.items ?? []).filter((i) => scope === 'teams' || i.mine);
  return (
    <Page title={t('title')} intro={<p>{t('intro')}</p>}>
      <p role="status" className="visually-hidden">
        {done}
      </p>
      <DigestSwitch />
      {list.isPending ? (
        <LoadingState label={t('loading')} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <RadioGroupField
            name="scope"
            label={t('scope.label')}
            options={[
              { value: 'mine', label: t('scope.mine') },
              { value: 'teams', label: t('scope.teams') },
            ]}
            value={scope}
            onChange={(value) => setScope(value === 'teams' ? 'teams' : 'mine')}
          />
          {items.length === 0 ? (
            <EmptyState title={t('empty.title')}>
              <p>{t('empty.body')}</p>
            </EmptyState>
          ) : (
            CLASSES.map((cls) => (
              <DueSection
                key={cls}
                cls={cls}
                items={items.filter((i) => i.dueClass === cls)}
                onDone={setDone}
              />
            ))
          )}
          {list.data.teams.length ? (
            <section className="section" aria-labelledby="next-steps-downloads">
              <h2 id="next-steps-downloads" className="section__title">
                {t('download')}
              </h2>
              <ul className="next-steps__downloads">
                {list.data.teams.map((team) => (
                  <li key={team.id}>
                    <a
                      href={withQuery(pathFor(nextStepsApi.teamNextStepsCsv.path, { groupId: team.id }), {
                        include: 'all',
                        today: localToday(),
                      })}
                      download
                    >
                      {team.name} (CSV)
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </Page>
  );
}

function DueSection({
  cls,
  items,
  onDone,
}: {
  cls: DueClass;
  items: NextStepItem[];
  onDone: (message: string) => void;
}) {
  const t = useNextStepsT();
  if (!items.length) return null;
  const id = `next-steps-${cls}`;
  return (
    <section className={`section next-steps__section next-steps__section--${cls}`} aria-labelledby={id}>
      <h2 id={id} className="section__title">
        {t(`classes.${cls}`)} ({items.length})
      </h2>
      <ul className="card-grid">
        {items.map((item) => (
          <NextStepCard key={`${item.meeting.id}-${item.itemId}`} item={item} onDone={onDone} />
        ))}
      </ul>
    </section>
  );
}
