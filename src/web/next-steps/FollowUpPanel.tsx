import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '#core/meeting/index';
import { useLiveMeeting } from '../meetings/live/LiveMeetingContext';
import { Button } from '../ui/Button';
import { TextField } from '../ui/TextField';
import { formatDay } from '../ui/dates';
import { useNextStepsT } from './i18n';
import './next-steps.css';

/**
 * FOLLOW-PANEL-1: at the start of a meeting (the lobby and the first step), a short follow-up of earlier
 * meetings' open next steps: tried? what happened? done / carry on / drop. The item's owner or the facilitator
 * answers (FOLLOW-CMD-2); everyone sees the answers. Nothing when there are none.
 */
export function FollowUpPanel() {
  const t = useNextStepsT();
  const { state } = useLiveMeeting();
  if (state.followUps.length === 0) return null;
  const atStart = state.phase === 'lobby' || (state.phase === 'running' && state.currentStepIndex === 0);
  if (!atStart) return null;
  return (
    <section className="panel stack follow-up" aria-labelledby="follow-up-heading" data-testid="follow-up">
      <h2 id="follow-up-heading" className="section__title">
        {t('followUp.title')}
      </h2>
      <p className="muted">{t('followUp.intro')}</p>
      <ul className="stack follow-up__list">
        {state.followUps.map((f) => (
          <FollowUpRow key={`${f.meetingId}-${f.itemId}`} item={f} />
        ))}
      </ul>
    </section>
  );
}

function FollowUpRow({ item }: { item: FollowUp }) {
  const t = useNextStepsT();
  const { i18n } = useTranslation();
  const { state, meId, nameOf, send } = useLiveMeeting();
  const [note, setNote] = useState(item.note ?? '');
  const [pending, setPending] = useState(false);
  const mayAnswer = meId === item.ownerId || meId === state.roles.facilitator;
  const answer = async (status: 'done' | 'carry-on' | 'drop') => {
    setPending(true);
    try {
      await send({
        type: 'followUpNextStep',
        meetingId: item.meetingId,
        itemId: item.itemId,
        status,
        note: note.trim(),
      });
    } finally {
      setPending(false);
    }
  };
  return (
    <li className="follow-up__item">
      <p className="next-step__text">{item.text}</p>
      <p className="muted">
        {t('followUp.owner', { name: nameOf(item.ownerId) })}
        {item.due ? ` · ${t('item.due', { date: formatDay(i18n.language, item.due) })}` : ''}
      </p>
      <p data-testid="follow-up-status">
        {item.status ? t(`followUp.answer.${item.status}`) : t('followUp.notYet')}
        {item.note ? ` — ${item.note}` : ''}
      </p>
      {mayAnswer ? (
        <>
          <TextField label={t('followUp.note')} value={note} onChange={setNote} maxLength={500} />
          <div className="actions" role="group" aria-label={item.text}>
            <Button onPress={() => void answer('done')} isPending={pending}>
              {t('followUp.done')}
            </Button>
            <Button onPress={() => void answer('carry-on')} isDisabled={pending}>
              {t('followUp.carryOn')}
            </Button>
            <Button onPress={() => void answer('drop')} isDisabled={pending}>
              {t('followUp.drop')}
            </Button>
          </div>
        </>
      ) : null}
    </li>
  );
}
