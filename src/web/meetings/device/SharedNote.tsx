import { useState } from 'react';
import type { RoutineStep } from '#contracts/routine';
import type { Suggestion } from '#core/meeting/index';
import { Button } from '../../ui/Button';
import { TextAreaField } from '../../ui/TextAreaField';
import { useMeetingsT } from '../i18n';
import { announce } from '../../ui/announcer';
import { useLiveMeeting } from '../live/LiveMeetingContext';

/**
 * The step's shared note. The note-taker (the facilitator while nobody is) writes it; everyone else suggests
 * additions, which the note-taker adds or dismisses. In the final step this note is "What we learned".
 */
/** `stepId` is the step's id in this meeting (see `runStepId`), which names it in commands. */
export function SharedNote({ step, stepId }: { step: RoutineStep; stepId: string }) {
  const t = useMeetingsT();
  const { state, can } = useLiveMeeting();
  const run = state.steps.find((s) => s.stepId === stepId);
  const note = run?.note ?? '';
  const open = state.suggestions.filter((s) => s.stepId === stepId && s.status === 'open');
  const isFinal = step.kind === 'final';
  const title = isFinal ? t('note.learnedTitle') : t('note.title');

  return (
    <section className="panel stack" aria-labelledby="note-heading">
      <h2 id="note-heading" className="section__title">
        {title}
      </h2>
      {isFinal && step.finalPrompts ? <p className="section__prompt">{step.finalPrompts.learned}</p> : null}
      {can.writeNote ? (
        // Keyed by the saved note: an accepted suggestion (or another tab) refreshes the draft.
        <NoteEditor
          key={note}
          stepId={stepId}
          saved={note}
          label={isFinal ? title : t('note.editLabel')}
          // The section's heading already says "What we learned" or "Shared note": not twice on a phone.
          hideLabel
          suggestions={open}
        />
      ) : (
        <>
          {note ? (
            <div className="note-text" data-testid="shared-note">
              {note.split(/\n{2,}/).map((paragraph, i) => (
                <p key={i}>{paragraph}</p>
              ))}
            </div>
          ) : (
            <p className="muted">{t('note.empty')}</p>
          )}
          <SuggestionList suggestions={open} />
        </>
      )}
      {!can.writeNote && can.suggestNote ? <SuggestForm stepId={stepId} /> : null}
    </section>
  );
}

function NoteEditor({
  stepId,
  saved,
  label,
  hideLabel = false,
  suggestions,
}: {
  stepId: string;
  saved: string;
  label: string;
  hideLabel?: boolean;
  suggestions: readonly Suggestion[];
}) {
  const t = useMeetingsT();
  const { send } = useLiveMeeting();
  const [draft, setDraft] = useState(saved);
  const dirty = draft !== saved;
  // Accepting appends to the saved note: save unsaved typing first so neither is lost (the outbox keeps order).
  const accept = (suggestionId: string) => {
    if (dirty) void send({ type: 'writeNote', stepId, text: draft });
    void send({ type: 'acceptSuggestion', suggestionId });
  };
  return (
    <>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void send({ type: 'writeNote', stepId, text: draft }).then((result) => {
            if (result.ok) announce(t('note.saved'));
          });
        }}
      >
        <TextAreaField
          label={label}
          hideLabel={hideLabel}
          description={t('note.editHint')}
          value={draft}
          onChange={setDraft}
          maxLength={10_000}
          rows={4}
        />
        <div>
          <Button type="submit" variant="primary" isDisabled={!dirty}>
            {t('common.save')}
          </Button>
        </div>
      </form>
      <SuggestionList suggestions={suggestions} onAccept={accept} />
    </>
  );
}

/** Open suggestions; with `onAccept` (the note-taker) each can be added to the note or dismissed. */
function SuggestionList({
  suggestions,
  onAccept,
}: {
  suggestions: readonly Suggestion[];
  onAccept?: (suggestionId: string) => void;
}) {
  const t = useMeetingsT();
  const { nameOf, send } = useLiveMeeting();
  if (suggestions.length === 0) return null;
  return (
    <div className="stack">
      <h3 className="subsection__title">
        {t('note.suggestions')} <span className="section__count">({suggestions.length})</span>
      </h3>
      <ul className="card-list">
        {suggestions.map((suggestion) => (
          <li key={suggestion.id} className="suggestion">
            <p>{suggestion.text}</p>
            <p className="suggestion__meta">
              {t('note.suggestionBy', { name: nameOf(suggestion.authorId) })}
            </p>
            {onAccept ? (
              <div className="actions">
                <Button
                  variant="secondary"
                  aria-label={t('note.acceptLabel', { name: nameOf(suggestion.authorId) })}
                  onPress={() => {
                    onAccept(suggestion.id);
                  }}
                >
                  {t('note.accept')}
                </Button>
                <Button
                  variant="quiet"
                  aria-label={t('note.dismissLabel', { name: nameOf(suggestion.authorId) })}
                  onPress={() => void send({ type: 'dismissSuggestion', suggestionId: suggestion.id })}
                >
                  {t('note.dismiss')}
                </Button>
              </div>
            ) : (
              <p className="muted">{t('note.waiting')}</p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function SuggestForm({ stepId }: { stepId: string }) {
  const t = useMeetingsT();
  const { send } = useLiveMeeting();
  const [text, setText] = useState('');
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        const suggestion = text.trim();
        if (suggestion === '') return;
        setText('');
        void send({ type: 'suggestNote', stepId, text: suggestion }).then((result) => {
          if (result.ok) announce(t('note.suggested'));
          else setText(suggestion);
        });
      }}
    >
      <TextAreaField
        label={t('note.suggestLabel')}
        description={t('note.suggestHint')}
        value={text}
        onChange={setText}
        maxLength={2000}
        rows={2}
      />
      <div>
        <Button type="submit" variant="secondary" isDisabled={text.trim() === ''}>
          {t('note.suggest')}
        </Button>
      </div>
    </form>
  );
}
