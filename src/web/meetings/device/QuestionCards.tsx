import { useState } from 'react';
import type { RoutineStep } from '../../../contracts/routine';
import { Button } from '../../ui/Button';
import { TextAreaField } from '../fields';
import { useMeetingsT } from '../i18n';
import { announce } from '../live/announcer';
import { useLiveMeeting } from '../live/LiveMeetingContext';
import { MeetingIcon } from '../MeetingIcon';

/**
 * Question cards of this step (clarifying or probing). The presenter answers rather than asks. On a probing
 * card that slips into advice, the facilitator can set a gentle mark; it is about the card, never the person.
 */
export function QuestionCards({ step }: { step: RoutineStep }) {
  const t = useMeetingsT();
  const { state, meId, can, nameOf, send } = useLiveMeeting();
  const kind = step.questionKind ?? 'clarifying';
  const cards = state.questions.filter((q) => q.stepId === step.id);
  const [text, setText] = useState('');
  const isPresenter = state.roles.presenter === meId;

  const submit = async () => {
    const question = text.trim();
    if (question === '') return;
    setText('');
    const result = await send({ type: 'submitQuestion', kind, text: question });
    if (result.ok) announce(t('questions.added'));
    else setText(question);
  };

  return (
    <section className="panel stack" aria-labelledby="questions-heading">
      <h2 id="questions-heading" className="section__title">
        {t('questions.title')} <span className="section__count">({cards.length})</span>
      </h2>
      {cards.length === 0 ? (
        <p className="muted">{t('questions.empty')}</p>
      ) : (
        <ul className="card-list" data-testid="question-cards">
          {cards.map((card) => (
            <li
              key={card.id}
              className={card.flagged ? 'question-card question-card--flagged' : 'question-card'}
            >
              <p className="question-card__kind">{t(`questions.${card.kind}`)}</p>
              <p className="question-card__text">{card.text}</p>
              <p className="question-card__meta">{t('questions.by', { name: nameOf(card.authorId) })}</p>
              {card.flagged ? (
                <p className="question-card__flag">
                  <MeetingIcon name="flag" />
                  <span>
                    {t('questions.flagged')}
                    {card.flagReason ? `: ${card.flagReason}` : ''}
                  </span>
                </p>
              ) : null}
              {can.flagQuestion && card.kind === 'probing' ? (
                <div>
                  <Button
                    variant="quiet"
                    aria-label={t(card.flagged ? 'questions.unflagLabel' : 'questions.flagLabel', {
                      name: nameOf(card.authorId),
                    })}
                    onPress={() =>
                      void send({ type: 'flagQuestion', questionId: card.id, flagged: !card.flagged })
                    }
                  >
                    {t(card.flagged ? 'questions.unflag' : 'questions.flag')}
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {isPresenter ? (
        <p className="muted">{t('questions.presenterNote')}</p>
      ) : can.submitQuestion ? (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <TextAreaField
            label={t(`questions.${kind}`)}
            description={t(kind === 'probing' ? 'questions.probingHint' : 'questions.clarifyingHint')}
            value={text}
            onChange={setText}
            maxLength={500}
            rows={2}
          />
          <div>
            <Button type="submit" variant="secondary" isDisabled={text.trim() === ''}>
              {t('questions.add')}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
