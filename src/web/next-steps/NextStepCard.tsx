import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { NextStepItem } from '#contracts/next-steps';
import { Button } from '../ui/Button';
import { formatDay } from '../ui/dates';
import { StatusBadge } from '../ui/StatusBadge';
import { TextField } from '../ui/TextField';
import { useNextStepsT } from './i18n';
import { useCompleteNextStep } from './queries';

/**
 * One next step: what, from which meeting, whose, when due, what later meetings said of it; "Mark done" opens
 * a short "What happened?" field (NEXT-DONE-2). On the Next steps page the due class is said by the section it
 * sits in; where the cards are not grouped (the team home) `showClass` says it on the card, in words.
 */
export function NextStepCard({
  item,
  onDone,
  showClass = false,
}: {
  item: NextStepItem;
  onDone: (message: string) => void;
  showClass?: boolean;
}) {
  const t = useNextStepsT();
  const { i18n } = useTranslation();
  // A due date is a calendar day, not an instant: format it as that day wherever the reader is.
  const due = item.due ? formatDay(i18n.language, item.due) : null;
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState('');
  const complete = useCompleteNextStep();
  const formId = useId();
  return (
    <li className="card next-step">
      <p className="next-step__text">{item.text}</p>
      {showClass &&
      item.status === 'open' &&
      (item.dueClass === 'overdue' || item.dueClass === 'due-soon') ? (
        <p>
          <StatusBadge tone="attention">{t(`classes.${item.dueClass}`)}</StatusBadge>
        </p>
      ) : null}
      <p className="muted">
        <Link to={`/meetings/${item.meeting.id}/minutes`}>
          {t('item.from', { meeting: item.meeting.title, team: item.team.name })}
        </Link>
      </p>
      <p>
        {item.owner ? t('item.owner', { name: item.owner.name }) : t('item.ownerGone')} ·{' '}
        {due ? t('item.due', { date: due }) : t('item.noDue')}
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
