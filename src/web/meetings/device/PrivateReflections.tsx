import { useState } from 'react';
import { own, type Reflection } from '#core/meeting/index';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { TextAreaField } from '../../ui/TextAreaField';
import { useMeetingsT } from '../i18n';
import { announce } from '../../ui/announcer';
import { useLiveMeeting } from '../live/LiveMeetingContext';
import { MeetingIcon } from '../MeetingIcon';

/**
 * "My private reflection": seen only by its author (the server never sends it to anyone else). Sharing is a
 * deliberate act, confirmed in a dialog that shows exactly what the team will see.
 */
export function PrivateReflections({ stepId }: { stepId: string }) {
  const t = useMeetingsT();
  const { state, meId, can, send, snapshot } = useLiveMeeting();
  const mine = (own(state.privateReflections, meId) ?? []).filter((r) => r.stepId === stepId);
  // TRUST-DEVICE-WEB-1: a reflection waiting to be sent lives in this tab only (never in storage): say so offline.
  const offline = snapshot.connection === 'offline' || snapshot.connection === 'reconnecting';
  const unsent = snapshot.outbox.some((entry) => entry.command.type === 'writeReflection');
  const [editing, setEditing] = useState<Reflection | null>(null);
  const [text, setText] = useState('');

  const save = async () => {
    const reflection = text.trim();
    if (reflection === '') return;
    const result = await send({
      type: 'writeReflection',
      stepId,
      text: reflection,
      ...(editing ? { reflectionId: editing.id } : {}),
    });
    if (result.ok) {
      setText('');
      setEditing(null);
      announce(t('reflection.saved'));
    }
  };

  return (
    <>
      <section
        className="panel private-reflection stack"
        aria-labelledby="reflection-heading"
        aria-describedby="reflection-privacy"
      >
        <h2 id="reflection-heading" className="section__title private-reflection__title">
          <MeetingIcon name="lock" />
          {t('reflection.title')}
        </h2>
        {/* One paragraph: on a phone the link follows the words on their last line (DAY-DEVICE-4). */}
        <p className="private-reflection__intro">
          <span id="reflection-privacy" className="private-reflection__note">
            {t('reflection.privateNote')}
          </span>{' '}
          {/* A new tab: leaving the meeting page would drop a reflection still waiting to be sent. */}
          <a href="/reflections" target="_blank" rel="noopener" className="private-reflection__kept">
            {t('reflection.kept')}
          </a>
        </p>
        {offline || unsent ? (
          <p className="field__hint" role="status" data-testid="reflection-offline-note">
            {unsent ? t('reflection.unsentNote') : t('reflection.offlineNote')}
          </p>
        ) : null}
        {mine.length > 0 ? (
          <ul className="card-list" data-testid="my-reflections">
            {mine.map((reflection) => (
              <MyReflection
                key={reflection.id}
                reflection={reflection}
                onEdit={() => {
                  setEditing(reflection);
                  setText(reflection.text);
                }}
              />
            ))}
          </ul>
        ) : null}
        {can.writeReflection ? (
          <form
            className="stack"
            onSubmit={(event) => {
              event.preventDefault();
              void save();
            }}
          >
            {/* The section's heading ("My private reflection") labels the box on screen: not twice. */}
            <TextAreaField
              label={t('reflection.label')}
              hideLabel
              value={text}
              onChange={setText}
              maxLength={5000}
              rows={3}
            />
            <div className="actions">
              <Button type="submit" variant="secondary" isDisabled={text.trim() === ''}>
                <MeetingIcon name="lock" />
                {t('reflection.save')}
              </Button>
              {editing ? (
                <Button
                  variant="quiet"
                  onPress={() => {
                    setEditing(null);
                    setText('');
                  }}
                >
                  {t('reflection.cancelEdit')}
                </Button>
              ) : null}
            </div>
          </form>
        ) : null}
      </section>
      <SharedReflections stepId={stepId} />
    </>
  );
}

function MyReflection({ reflection, onEdit }: { reflection: Reflection; onEdit: () => void }) {
  const t = useMeetingsT();
  const { state, can, send } = useLiveMeeting();
  const shared = state.sharedReflections.find((r) => r.reflectionId === reflection.id);
  return (
    <li className="reflection">
      <p className="reflection__text">{reflection.text}</p>
      <p className={shared ? 'reflection__status reflection__status--shared' : 'reflection__status'}>
        <MeetingIcon name={shared ? 'share' : 'lock'} />
        <span>{shared ? t('reflection.shared') : t('reflection.private')}</span>
      </p>
      {shared && shared.text !== reflection.text ? (
        <p className="field__hint">{t('reflection.changedSinceShared')}</p>
      ) : null}
      <div className="actions">
        {can.writeReflection ? (
          <Button variant="quiet" aria-label={t('reflection.editLabel')} onPress={onEdit}>
            {t('reflection.edit')}
          </Button>
        ) : null}
        {can.shareReflection && (!shared || shared.text !== reflection.text) ? (
          <ConfirmDialog
            trigger={t('reflection.share')}
            triggerLabel={t('reflection.shareLabel')}
            triggerVariant="secondary"
            title={t('reflection.shareTitle')}
            body={
              <>
                <p>{t('reflection.shareBody')}</p>
                <blockquote className="reflection__quote">{reflection.text}</blockquote>
              </>
            }
            confirmLabel={t('reflection.shareConfirm')}
            confirmVariant="primary"
            onConfirm={async () => {
              const result = await send({ type: 'shareReflection', reflectionId: reflection.id });
              if (result.ok) announce(t('reflection.sharedDone'));
            }}
          />
        ) : null}
      </div>
    </li>
  );
}

/** What others chose to share in this step. */
function SharedReflections({ stepId }: { stepId: string }) {
  const t = useMeetingsT();
  const { state, meId, nameOf } = useLiveMeeting();
  const others = state.sharedReflections.filter((r) => r.stepId === stepId && r.authorId !== meId);
  if (others.length === 0) return null;
  return (
    <section className="panel stack" aria-labelledby="shared-reflections-heading">
      <h2 id="shared-reflections-heading" className="section__title">
        {t('reflection.sharedTitle')}
      </h2>
      <ul className="card-list">
        {others.map((r) => (
          <li key={r.reflectionId} className="reflection">
            <p className="reflection__text">{r.text}</p>
            <p className="reflection__meta">{nameOf(r.authorId)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
