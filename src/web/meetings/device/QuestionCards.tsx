import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoutineStep } from '#contracts/routine';
import type { QuestionCard } from '#core/meeting/index';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';
import { TextAreaField } from '../../ui/TextAreaField';
import { useMeetingsT } from '../i18n';
import { announce } from '../../ui/announcer';
import { useLiveMeeting } from '../live/LiveMeetingContext';
import { MeetingIcon } from '../MeetingIcon';

/** The most a flag's reason may say (the contract's limit). */
const FLAG_REASON_MAX = 200;

/**
 * Question cards of this step (clarifying or probing). The presenter answers rather than asks. On a probing
 * card that slips into advice, the facilitator can set a gentle mark, with a short reason if they like; it is
 * about the card, never the person, and everyone sees it in words (LIVE-UI-16).
 */
export function QuestionCards({ step, stepId }: { step: RoutineStep; stepId: string }) {
  const t = useMeetingsT();
  const { state, meId, can, nameOf, send } = useLiveMeeting();
  const kind = step.questionKind ?? 'clarifying';
  const cards = state.questions.filter((q) => q.stepId === stepId);
  const [text, setText] = useState('');
  const isPresenter = state.roles.presenter === meId;
  const asking = !isPresenter && can.submitQuestion;

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
      {/* The form first (DAY-DEVICE-2): the cards grow below it, never pushing it off the first screen. */}
      {isPresenter ? (
        <p className="muted">{t('questions.presenterNote')}</p>
      ) : asking ? (
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
      {cards.length > 0 ? null : asking ? null : (
        // The heading's count says "(0)"; the line is for those who only read the cards.
        <p className="muted">{t('questions.empty')}</p>
      )}
      {cards.length === 0 ? null : (
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
                <p className="question-card__flag" data-testid="question-flag">
                  <MeetingIcon name="flag" />
                  <span>
                    {card.flagReason
                      ? t('questions.flaggedWithReason', { reason: card.flagReason })
                      : t('questions.flagged')}
                  </span>
                </p>
              ) : null}
              {can.flagQuestion && card.kind === 'probing' ? (
                <div>
                  {card.flagged ? (
                    <Button
                      variant="quiet"
                      aria-label={t('questions.unflagLabel', { name: nameOf(card.authorId) })}
                      onPress={() => void send({ type: 'flagQuestion', questionId: card.id, flagged: false })}
                    >
                      {t('questions.unflag')}
                    </Button>
                  ) : (
                    <FlagDialog card={card} />
                  )}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * "Mark as a solution" asks for an optional reason in a small dialog (focus moves in and returns to the
 * button; Escape cancels; Enter in the field marks). The command is queued at once, so it works offline too.
 */
function FlagDialog({ card }: { card: QuestionCard }) {
  const t = useMeetingsT();
  const { t: tApp } = useTranslation();
  const { nameOf, send } = useLiveMeeting();
  const [isOpen, setOpen] = useState(false);
  const [reason, setReason] = useState('');

  const flag = async () => {
    const why = reason.trim();
    setOpen(false);
    setReason('');
    const result = await send({
      type: 'flagQuestion',
      questionId: card.id,
      flagged: true,
      ...(why === '' ? {} : { reason: why }),
    });
    if (result.ok) announce(t('questions.flaggedDone'));
  };

  const close = () => {
    setOpen(false);
    setReason('');
  };

  return (
    <>
      <Button
        variant="quiet"
        aria-haspopup="dialog"
        aria-label={t('questions.flagLabel', { name: nameOf(card.authorId) })}
        onPress={() => {
          setOpen(true);
        }}
      >
        {t('questions.flag')}
      </Button>
      <Dialog isOpen={isOpen} onClose={close} title={t('questions.flagTitle')} isDismissable>
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            void flag();
          }}
        >
          <div className="dialog__body stack">
            <blockquote className="flag-dialog__card">{card.text}</blockquote>
            <p>{t('questions.flagBody')}</p>
            <TextField
              label={t('questions.flagReason')}
              description={t('questions.flagReasonHint')}
              value={reason}
              onChange={setReason}
              maxLength={FLAG_REASON_MAX}
              autoFocus
            />
          </div>
          <div className="dialog__actions">
            <Button variant="secondary" onPress={close}>
              {tApp('common.cancel')}
            </Button>
            <Button type="submit" variant="primary">
              {t('questions.flagConfirm')}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
