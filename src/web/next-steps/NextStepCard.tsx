import { useId, useState } from 'react';
import { Link } from 'wouter';
import type { NextStepItem } from '#contracts/next-steps';
import { Button } from '../ui/Button';
import { TextField } from '../ui/TextField';
import { useNextStepsT } from './i18n';
import { useCompleteNextStep } from './queries';

/**
 * One next step: what, from which meeting, whose, when due, what later meetings said of it; "Mark done" opens
 * a short "What happened?" field (NEXT-DONE-2). The due class is said in words by the section it sits in.
 */
export function NextStepCard({ item, onDone }: { item: NextStepItem; onDone: (message: string) => void }) {
  const t = useNextStepsT();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState('');
  const complete = useCompleteNextStep();
  const formId = useId();
  return (
    <li className="card next-step">
      <p className="next-step__text">{item.text}</p>
      <p className="muted">
        <Link to={`/meetings/${item.meeting.id}/minutes`}>
          {t('item.from', { meeting: item.meeting.title, team: item.team.name })}
        </Link>
      </p>
      <p>
        {item.owner ? t('item.owner', { name: item.owner.name }) : t('item.ownerGone')} ·{' '}
        {item.due ? t('item.due', { date: item.due }) : t('item.noDue')}
      </p>
      {item.followUps.length ? (
        <p className="muted">
          {t('item.followUps')}:{' '}
          {item.followUps
            .map((f) =>
              t('item.followUp', { meeting: f.meeting.title, status: t(`item.status.${f.status}`) }),
            )
            .join('; ')}
        </p>
      ) : null}
      {item.outcome ? <p>{t('outcome', { text: item.outcome })}</p> : null}
      {item.canComplete && !open ? (
        <Button onPress={() => setOpen(true)} aria-label={t('done.buttonLabel', { text: item.text })}>
          {t('done.button')}
        </Button>
      ) : null}
      {open ? (
        <form
          id={formId}
          className="stack next-step__form"
          onSubmit={(event) => {
            event.preventDefault();
            complete.mutate(
              { meetingId: item.meeting.id, itemId: item.itemId, outcome: outcome.trim() },
              {
                onSuccess: () => {
                  setOpen(false);
                  onDone(t('done.saved', { text: item.text }));
                },
              },
            );
          }}
        >
          <TextField
            label={t('done.outcome')}
            description={t('done.outcomeHint')}
            value={outcome}
            onChange={setOutcome}
            maxLength={500}
          />
          {complete.isError ? (
            <p className="field__error" role="alert">
              {complete.error instanceof Error ? complete.error.message : String(complete.error)}
            </p>
          ) : null}
          <div className="actions">
            <Button type="submit" variant="primary" isPending={complete.isPending}>
              {t('done.save')}
            </Button>
            <Button variant="quiet" onPress={() => setOpen(false)}>
              {t('done.cancel')}
            </Button>
          </div>
        </form>
      ) : null}
    </li>
  );
}
