import { useState } from 'react';
import { ObservationMode, type RoutineStep } from '#contracts/routine';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { TextAreaField } from '../../ui/TextAreaField';
import { useMeetingsT } from '../i18n';
import { announce } from '../../ui/announcer';
import { useLiveMeeting } from '../live/LiveMeetingContext';

/**
 * The presenter's case: a success story, a dilemma or an observed practice (the routine's focus decides).
 * The presenter, facilitator or note-taker records it; everyone else reads it.
 */
export function PresentationRecord({ step, editable }: { step: RoutineStep; editable: boolean }) {
  const t = useMeetingsT();
  const { state, can, nameOf, meId } = useLiveMeeting();
  const part = state.agenda[state.currentPart];
  const focus = part?.routine.focus ?? 'success';
  const presentation = part?.presentation ?? null;
  if (!editable && !presentation) return null;
  const heading = t(`focus.${focus}`);
  const recording = editable && can.recordPresentation;
  // The presenter's name beside the heading, but not above the form: on a phone it wrapped the heading onto a
  // second line and pushed the form's Save below the first screen (DAY-DEVICE-2); the roles list names them.
  const showName = !recording && state.roles.presenter && state.roles.presenter !== meId;

  return (
    <section className="panel stack" aria-labelledby="presentation-heading">
      <h2 id="presentation-heading" className="section__title">
        {heading}
        {showName ? <span className="section__count"> · {nameOf(state.roles.presenter)}</span> : null}
      </h2>
      {presentation ? (
        <div className="presentation" data-testid="presentation">
          <p className="presentation__title">{presentation.title}</p>
          {presentation.mode ? <p className="muted">{t(`mode.${presentation.mode}`)}</p> : null}
          {presentation.summary ? <p className="presentation__summary">{presentation.summary}</p> : null}
          {presentation.evidence ? (
            <p className="presentation__summary">
              <strong>{t('presentation.evidenceLabel')}:</strong> {presentation.evidence}
            </p>
          ) : null}
        </div>
      ) : editable && can.recordPresentation ? null : (
        <p className="muted">{t('presentation.notYet')}</p>
      )}
      {editable && can.recordPresentation ? (
        <PresentationForm
          key={`${state.currentPart}-${presentation?.at ?? 0}`}
          modes={focus === 'observed-practice' ? (step.modes ?? ObservationMode.options) : null}
          withEvidence={focus === 'success'}
        />
      ) : null}
    </section>
  );
}

function PresentationForm({
  modes,
  withEvidence,
}: {
  modes: readonly ObservationMode[] | null;
  /** MEM-REC-5: a success's presenter gives the evidence of student growth. */
  withEvidence: boolean;
}) {
  const t = useMeetingsT();
  const { state, send } = useLiveMeeting();
  const saved = state.agenda[state.currentPart]?.presentation ?? null;
  // PM-PLAN-4: a planned Peer Modeling part starts from its plan's practice and mode.
  const plan = state.agenda[state.currentPart]?.plan ?? null;
  const planned = plan && modes?.includes(plan.mode) ? plan.mode : null;
  const [title, setTitle] = useState(saved?.title ?? plan?.practice.slice(0, 200) ?? '');
  const [summary, setSummary] = useState(saved?.summary ?? '');
  const [mode, setMode] = useState<ObservationMode | null>(saved?.mode ?? planned ?? modes?.[0] ?? null);
  const [evidence, setEvidence] = useState(saved?.evidence ?? '');
  // MEM-REC-5: the evidence field opens on request (or when some is saved), beside Save, so the form's Save stays
  // on a phone's first screen (DAY-DEVICE-2).
  const [evidenceOpen, setEvidenceOpen] = useState((saved?.evidence ?? '') !== '');
  const [evidenceAsked, setEvidenceAsked] = useState(false);

  const save = async () => {
    if (title.trim() === '') return;
    const result = await send({
      type: 'recordPresentation',
      title,
      summary,
      ...(modes && mode ? { mode } : {}),
      ...(withEvidence ? { evidence } : {}),
    });
    if (result.ok) announce(t('presentation.saved'));
  };

  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <p className="field__hint">{t('presentation.recordHint')}</p>
      <TextField
        label={t('presentation.titleLabel')}
        value={title}
        onChange={setTitle}
        maxLength={200}
        isRequired
      />
      {modes ? (
        <SelectField
          label={t('presentation.modeLabel')}
          options={modes.map((m) => ({ id: m, label: t(`mode.${m}`) }))}
          value={mode}
          onChange={(value) => {
            setMode(ObservationMode.parse(value));
          }}
        />
      ) : null}
      <TextAreaField
        label={t('presentation.summaryLabel')}
        value={summary}
        onChange={setSummary}
        maxLength={5000}
        rows={2}
      />
      {withEvidence && evidenceOpen ? (
        <TextAreaField
          label={t('presentation.evidenceLabel')}
          description={t('presentation.evidenceHint')}
          value={evidence}
          onChange={setEvidence}
          maxLength={2000}
          rows={2}
          autoFocus={evidenceAsked}
        />
      ) : null}
      <div className="form__actions">
        <Button type="submit" variant="secondary" isDisabled={title.trim() === ''}>
          {t('presentation.save')}
        </Button>
        {withEvidence && !evidenceOpen ? (
          <Button
            variant="quiet"
            aria-expanded={false}
            onPress={() => {
              setEvidenceOpen(true);
              setEvidenceAsked(true);
            }}
          >
            {t('presentation.addEvidence')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
