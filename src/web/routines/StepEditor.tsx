import { EFFICACY_SOURCES, Speaker, type EfficacySource } from '#contracts/routine';
import { TextAreaField } from '../ui/TextAreaField';
import type { MeetingsT } from '../meetings/i18n';
import { Button } from '../ui/Button';
import { CheckboxGroupField } from '../ui/CheckboxGroupField';
import { Icon } from '../ui/Icon';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { FINAL_PROMPT_KEYS, fieldOf, LIMITS, type DraftStep } from './draft';
import type { RoutinesT } from './i18n';
import { sourcesLabel, speakerLabel } from './labels';

export interface StepEditorProps {
  step: DraftStep;
  number: number;
  count: number;
  /** The DOM id of one of this step's controls ('heading', 'up', 'down', 'add-prompt'), for focus. */
  idOf: (what: string) => string;
  /** Problems with the step as a whole (not one field), already worded. */
  stepProblems: readonly string[];
  /** Problems with the prompt list as a whole (none left, too many). */
  promptListProblems: readonly string[];
  onPatch: (patch: Partial<DraftStep>, field: string) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  onAddPrompt: () => void;
  onRemovePrompt: (index: number) => void;
  t: RoutinesT;
  mt: MeetingsT;
}

/** One step of the editor: its tools (move, remove), its text and minutes, and its prompts. */
export function StepEditor({
  step,
  number,
  count,
  idOf,
  stepProblems,
  promptListProblems,
  onPatch,
  onMove,
  onRemove,
  onAddPrompt,
  onRemovePrompt,
  t,
  mt,
}: StepEditorProps) {
  const field = (...parts: (string | number)[]) => fieldOf.step(step.id, ...parts);
  const title = step.title.trim() === '' ? t(`kind.${step.kind}`) : step.title;
  const problemsId = idOf('problems');

  return (
    <li className="panel step-editor" data-testid="step-editor">
      <fieldset
        className="step-editor__fieldset"
        aria-labelledby={idOf('heading')}
        {...(stepProblems.length > 0 ? { 'aria-describedby': problemsId } : {})}
      >
        <div className="step-editor__head">
          <h3 id={idOf('heading')} tabIndex={-1} className="step-editor__title">
            <span className="routine-step__number">{t('common.stepNumber', { number })}</span> {title}
          </h3>
          <div className="step-editor__tools">
            <Button
              id={idOf('up')}
              variant="quiet"
              isDisabled={number === 1}
              aria-label={t('editor.moveUpLabel', { title })}
              onPress={() => {
                onMove(-1);
              }}
            >
              {t('editor.moveUp')}
            </Button>
            <Button
              id={idOf('down')}
              variant="quiet"
              isDisabled={number === count}
              aria-label={t('editor.moveDownLabel', { title })}
              onPress={() => {
                onMove(1);
              }}
            >
              {t('editor.moveDown')}
            </Button>
            <Button
              variant="quiet"
              className="step-editor__remove"
              aria-label={t('editor.removeLabel', { title })}
              onPress={onRemove}
            >
              {t('editor.remove')}
            </Button>
          </div>
        </div>

        {stepProblems.length > 0 ? (
          <div id={problemsId} className="field__error step-editor__problems">
            <Icon name="alert" />
            <span>{stepProblems.join(' ')}</span>
          </div>
        ) : null}

        {step.isNew ? null : (
          <p className="muted step-editor__facts">
            {t('editor.fixedFacts', {
              kind: t(`kind.${step.kind}`),
              speaker: speakerLabel(mt, step.speaker),
            })}
          </p>
        )}

        <div className="step-editor__row">
          <TextField
            name={field('title')}
            label={t('editor.stepTitle')}
            value={step.title}
            maxLength={LIMITS.title}
            isRequired
            onChange={(value) => {
              onPatch({ title: value }, field('title'));
            }}
          />
          <TextField
            name={field('minutes')}
            label={t('editor.minutes')}
            description={t('editor.minutesHint')}
            value={step.minutes}
            inputMode="numeric"
            maxLength={4}
            isRequired
            inputClassName="field__input step-editor__minutes"
            onChange={(value) => {
              onPatch({ minutes: value }, field('minutes'));
            }}
          />
        </div>

        <TextAreaField
          name={field('purpose')}
          label={t('editor.purpose')}
          value={step.purpose}
          maxLength={LIMITS.purpose}
          rows={2}
          isRequired
          onChange={(value) => {
            onPatch({ purpose: value }, field('purpose'));
          }}
        />

        <fieldset className="step-editor__group">
          <legend className="field__label">{t('editor.prompts')}</legend>
          <ol className="step-editor__prompts">
            {step.prompts.map((prompt, i) => (
              <li key={i} className="step-editor__prompt">
                <TextAreaField
                  name={field('prompts', i)}
                  label={t('editor.prompt', { number: i + 1 })}
                  value={prompt}
                  maxLength={LIMITS.prompt}
                  rows={2}
                  isRequired
                  onChange={(value) => {
                    onPatch({ prompts: step.prompts.with(i, value) }, field('prompts', i));
                  }}
                />
                <Button
                  variant="quiet"
                  className="step-editor__prompt-remove"
                  aria-label={t('editor.removePromptLabel', { number: i + 1, title })}
                  onPress={() => {
                    onRemovePrompt(i);
                  }}
                >
                  {t('editor.removePrompt')}
                </Button>
              </li>
            ))}
          </ol>
          {/* A problem with the list itself ("keep at least one prompt") has no box of its own: it is said here. */}
          {promptListProblems.length > 0 ? (
            <p id={idOf('prompts-problem')} className="field__error">
              <Icon name="alert" />
              <span>{promptListProblems.join(' ')}</span>
            </p>
          ) : null}
          <div>
            <Button
              id={idOf('add-prompt')}
              {...(promptListProblems.length > 0 ? { 'aria-describedby': idOf('prompts-problem') } : {})}
              isDisabled={step.prompts.length >= LIMITS.prompts}
              aria-label={t('editor.addPromptLabel', { title })}
              onPress={onAddPrompt}
            >
              {t('editor.addPrompt')}
            </Button>
          </div>
        </fieldset>

        <TextAreaField
          name={field('norm')}
          label={`${t('editor.norm')} ${mt('common.optional')}`}
          description={t('editor.normHint')}
          value={step.norm}
          maxLength={LIMITS.norm}
          rows={2}
          onChange={(value) => {
            onPatch({ norm: value }, field('norm'));
          }}
        />

        {step.finalPrompts ? (
          <fieldset className="step-editor__group">
            <legend className="field__label">{t('editor.finalPrompts')}</legend>
            <div className="stack">
              {FINAL_PROMPT_KEYS.map((key) => (
                <TextAreaField
                  key={key}
                  name={field('finalPrompts', key)}
                  label={t(`finalPrompt.${key}`)}
                  value={step.finalPrompts?.[key] ?? ''}
                  maxLength={LIMITS.prompt}
                  rows={2}
                  isRequired
                  onChange={(value) => {
                    if (!step.finalPrompts) return;
                    onPatch(
                      { finalPrompts: { ...step.finalPrompts, [key]: value } },
                      field('finalPrompts', key),
                    );
                  }}
                />
              ))}
            </div>
          </fieldset>
        ) : null}

        {step.isNew ? (
          <>
            <SelectField
              name={field('speaker')}
              label={t('editor.speaker')}
              value={step.speaker}
              options={Speaker.options.map((speaker) => ({ id: speaker, label: speakerLabel(mt, speaker) }))}
              onChange={(value) => {
                const speaker = Speaker.safeParse(value);
                if (speaker.success) onPatch({ speaker: speaker.data }, field('speaker'));
              }}
            />
            <CheckboxGroupField
              name={field('sources')}
              label={t('editor.sources')}
              value={step.sources}
              options={EFFICACY_SOURCES.map((source: EfficacySource) => ({
                value: source,
                label: mt(`sources.${source}.name`),
              }))}
              onChange={(values) => {
                const sources = EFFICACY_SOURCES.filter((s) => values.includes(s));
                onPatch({ sources }, field('sources'));
              }}
              className="routine-sources"
              optionsClassName="routine-sources__options"
            />
          </>
        ) : (
          <p className="step-editor__sources">
            <span className="step-editor__sources-label">{t('routine.sources')}:</span>{' '}
            {sourcesLabel(mt, step.sources)}
          </p>
        )}
      </fieldset>
    </li>
  );
}
