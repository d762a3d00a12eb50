import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ROUTINE_MINUTES_MAX, type Routine, type RoutineChange } from '#contracts/routine';
import { call, isApiRequestError } from '../api/client';
import { useDescribeError } from '../api/describeError';
import { TextAreaField } from '../ui/TextAreaField';
import { useMeetingsT } from '../meetings/i18n';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { FieldErrorsProvider } from '../ui/fieldErrors';
import { Icon } from '../ui/Icon';
import { Notice } from '../ui/Notice';
import { RadioGroupField } from '../ui/RadioGroupField';
import { TextField } from '../ui/TextField';
import { diffRoutine } from './diff';
import {
  addStep,
  checkDraft,
  draftMinutes,
  draftOf,
  fieldOf,
  LIMITS,
  moveStep,
  removeStep,
  routineOf,
  serverProblems,
  updateStep,
  type Draft,
  type DraftStep,
  type NewStepKind,
  type Problem,
  type ProblemMessage,
} from './draft';
import { useRoutinesT, type RoutinesT } from './i18n';
import { StepEditor } from './StepEditor';
import { LeaveDialog, useUnsavedChanges } from './useUnsavedChanges';

/** Within this many minutes of the limit, the total says how much room is left. */
const NEAR_LIMIT = 30;

export function problemText(t: RoutinesT, message: ProblemMessage): string {
  return 'text' in message ? message.text : t(`problems.${message.key}`, message.values ?? {});
}

/** "Minutes", "Prompt 2", "What we learned" for a field name such as `step.clarify.prompts.1`. */
function fieldLabel(t: RoutinesT, field: string): string | null {
  if (field === 'name') return t('editor.name');
  if (field === 'summary') return t('editor.summary');
  const [, , part, detail] = field.split('.');
  switch (part) {
    case 'title':
      return t('editor.stepTitle');
    case 'minutes':
      return t('editor.minutes');
    case 'purpose':
      return t('editor.purpose');
    case 'norm':
      return t('editor.norm');
    case 'speaker':
      return t('editor.speaker');
    case 'sources':
      return t('routine.sources');
    case 'prompts':
      return detail === undefined ? t('editor.prompts') : t('editor.prompt', { number: Number(detail) + 1 });
    case 'finalPrompts':
      return detail === 'learned' || detail === 'nextSteps' || detail === 'sources'
        ? t(`finalPrompt.${detail}`)
        : null;
    default:
      return null;
  }
}

export interface RoutineEditorProps {
  groupId: string;
  routine: Routine;
  onCancel: () => void;
  onSaved: (saved: Routine) => void;
}

/**
 * The editor of a team's routine: name, summary and each step's text and minutes; steps moved, removed or
 * added. Save sends the difference (diff.ts) and the server applies it with the same `customizeRoutine`;
 * problems are shown next to their fields and listed together at the top.
 */
export function RoutineEditor({ groupId, routine: latest, onCancel, onSaved }: RoutineEditorProps) {
  const t = useRoutinesT();
  const mt = useMeetingsT();
  const describe = useDescribeError();
  // The routine as it was when editing began: a background refetch must not change what the diff starts from.
  const [original] = useState(latest);
  const initial = useMemo(() => draftOf(original), [original]);
  const [draft, setDraft] = useState<Draft>(initial);
  const dirty = useMemo(() => JSON.stringify(draft) !== JSON.stringify(initial), [draft, initial]);
  const { blocker, allowNextNavigation } = useUnsavedChanges(dirty);

  const [problems, setProblems] = useState<Problem[]>([]);
  const [info, setInfo] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [newKind, setNewKind] = useState<NewStepKind>('discussion');
  const [newTitle, setNewTitle] = useState('');

  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusNext = useRef<(() => void) | null>(null);
  const prefix = useId();
  const idOf = (stepId: string, what: string) => `${prefix}-${stepId}-${what}`;

  // Moving or removing re-orders the DOM, which drops focus; put it where the person is working.
  useLayoutEffect(() => {
    const focus = focusNext.current;
    focusNext.current = null;
    focus?.();
  });

  // Entering the editor: the heading ("Editing …") says where we are.
  useEffect(() => {
    document.querySelector<HTMLElement>('h1.page__title')?.focus();
  }, []);

  const announce = (text: string) => {
    // The same words twice would not be announced again; a zero-width space makes them new.
    setAnnouncement((previous) => (previous === text ? `${text}\u200b` : text));
  };
  const byId = (id: string) => document.getElementById(id);
  const byName = (name: string) =>
    formRef.current?.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`) ?? null;

  const clearProblems = (field: string) => {
    setProblems((current) =>
      current.some((p) => p.field === field) ? current.filter((p) => p.field !== field) : current,
    );
  };
  const patchStep = (stepId: string, patch: Partial<DraftStep>, field: string) => {
    setDraft((current) => updateStep(current, stepId, patch));
    clearProblems(field);
  };

  const move = (step: DraftStep, by: -1 | 1) => {
    const next = moveStep(draft, step.id, by);
    const at = next.steps.findIndex((s) => s.id === step.id);
    setDraft(next);
    // Keep focus on the same button; at the top or bottom that one is disabled, so take its partner.
    const same = by === -1 ? at > 0 : at < next.steps.length - 1;
    const control = (by === -1) === same ? 'up' : 'down';
    focusNext.current = () => byId(idOf(step.id, control))?.focus();
    announce(t('editor.moved', { title: step.title, number: at + 1, count: next.steps.length }));
  };

  const remove = (step: DraftStep) => {
    const at = draft.steps.findIndex((s) => s.id === step.id);
    const next = removeStep(draft, step.id);
    setDraft(next);
    setProblems((current) => current.filter((p) => p.stepId !== step.id));
    const neighbour = next.steps[at] ?? next.steps[at - 1];
    focusNext.current = () =>
      (neighbour ? byId(idOf(neighbour.id, 'heading')) : byId(`${prefix}-add-heading`))?.focus();
    announce(t('editor.removed', { title: step.title }));
  };

  const addPrompt = (step: DraftStep) => {
    patchStep(step.id, { prompts: [...step.prompts, ''] }, fieldOf.step(step.id, 'prompts'));
    const name = fieldOf.step(step.id, 'prompts', step.prompts.length);
    focusNext.current = () => byName(name)?.focus();
  };

  const removePrompt = (step: DraftStep, index: number) => {
    const prompts = step.prompts.toSpliced(index, 1);
    setDraft((current) => updateStep(current, step.id, { prompts }));
    // Later prompts move up a place, so their messages would point at the wrong box.
    const promptsField = fieldOf.step(step.id, 'prompts');
    setProblems((current) => current.filter((p) => !p.field?.startsWith(promptsField)));
    focusNext.current = () => {
      const target =
        prompts.length === 0
          ? byId(idOf(step.id, 'add-prompt'))
          : byName(fieldOf.step(step.id, 'prompts', Math.min(index, prompts.length - 1)));
      target?.focus();
    };
    announce(t('editor.promptRemoved', { number: index + 1 }));
  };

  const add = () => {
    const defaults = {
      title: t(`newStep.${newKind}.title`),
      purpose: t(`newStep.${newKind}.purpose`),
      prompt: t(`newStep.${newKind}.prompt`),
      norm: t(`newStep.${newKind}.norm`),
      ...(newKind === 'discussion'
        ? {
            minutes: 5,
            speaker: 'team' as const,
            sources: ['social_persuasion' as const, 'vicarious' as const],
          }
        : { minutes: 3, speaker: 'everyone-individually' as const, sources: ['mastery' as const] }),
    };
    const { draft: next, stepId } = addStep(
      draft,
      newKind,
      newTitle,
      defaults,
      original.steps.map((s) => s.id),
    );
    setDraft(next);
    setNewTitle('');
    const at = next.steps.findIndex((s) => s.id === stepId);
    const added = next.steps[at];
    focusNext.current = () => byName(fieldOf.step(stepId, 'title'))?.focus();
    announce(t('editor.added', { title: added?.title ?? '', number: at + 1 }));
  };

  const save = useMutation({
    mutationFn: (changes: RoutineChange[]) =>
      call('customizeRoutine', { params: { groupId }, body: { baseId: original.id, changes } }),
  });

  const showProblems = (found: Problem[]) => {
    setProblems(found);
    // The first field marked invalid, in page order; else the list of problems.
    focusNext.current = () => {
      const invalid = formRef.current?.querySelector<HTMLElement>(
        'input[aria-invalid="true"], textarea[aria-invalid="true"], select[aria-invalid="true"]',
      );
      (invalid ?? summaryRef.current)?.focus();
    };
  };

  const submit = () => {
    if (save.isPending) return;
    setInfo(null);
    const local = checkDraft(draft);
    if (local.length > 0) {
      showProblems(local);
      return;
    }
    const edited = routineOf(original, draft);
    const changes = diffRoutine(original, edited);
    if (changes.length === 0) {
      setProblems([]);
      setInfo(t('editor.nothingChanged'));
      return;
    }
    setProblems([]);
    save.mutate(changes, {
      onSuccess: (saved) => {
        allowNextNavigation();
        onSaved(saved);
      },
      onError: (error) => {
        if (isApiRequestError(error) && error.status === 403) {
          showProblems([{ field: null, stepId: null, message: { text: t('editor.forbidden') } }]);
        } else if (isApiRequestError(error) && error.status === 400 && error.fields.length > 0) {
          showProblems(serverProblems(error.fields, changes, edited));
        } else {
          showProblems([{ field: null, stepId: null, message: { text: describe(error) } }]);
        }
      },
    });
  };

  const validationErrors = useMemo(() => {
    const out: Record<string, string[]> = {};
    for (const problem of problems) {
      if (problem.field) (out[problem.field] ??= []).push(problemText(t, problem.message));
    }
    return out;
  }, [problems, t]);

  const stepNumber = (stepId: string) => draft.steps.findIndex((s) => s.id === stepId) + 1;
  const where = (problem: Problem): string | null => {
    const label = problem.field ? fieldLabel(t, problem.field) : null;
    let step: string | null = null;
    if (problem.stepId) {
      const number = stepNumber(problem.stepId);
      const inDraft = draft.steps[number - 1];
      const removed = original.steps.find((s) => s.id === problem.stepId);
      if (inDraft) step = t('editor.stepWhere', { number, title: inDraft.title });
      else if (removed) step = t('editor.removedStepWhere', { title: removed.title });
    }
    return [step, label].filter(Boolean).join(', ') || null;
  };
  const goTo = (problem: Problem) => {
    const target =
      (problem.field ? byName(problem.field) : null) ??
      (problem.stepId ? byId(idOf(problem.stepId, 'heading')) : null);
    target?.focus();
  };

  const total = draftMinutes(draft);
  const left = ROUTINE_MINUTES_MAX - total;

  return (
    <div className="routine-editor">
      <LeaveDialog blocker={blocker} />
      <div role="status" className="visually-hidden">
        {announcement}
      </div>
      <form
        ref={formRef}
        className="form routine-editor__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <FieldErrorsProvider errors={validationErrors}>
          {problems.length > 0 ? (
            <div
              ref={summaryRef}
              tabIndex={-1}
              role="alert"
              className="notice notice--error routine-problems"
              data-testid="routine-problems"
            >
              <Icon name="alert" className="icon notice__icon" />
              <div>
                <p className="notice__title">{t('editor.problemsTitle', { count: problems.length })}</p>
                <ul className="routine-problems__list">
                  {problems.map((problem, i) => {
                    const place = where(problem);
                    const text = problemText(t, problem.message);
                    return (
                      <li key={i}>
                        {place ? (
                          // The whole line takes you to the field: a button, since it moves focus, not the page.
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => {
                              goTo(problem);
                            }}
                          >
                            <span className="link-button__place">{place}</span>: {text}
                          </button>
                        ) : (
                          text
                        )}
                      </li>
                    );
                  })}
                </ul>
              </div>
            </div>
          ) : null}
          {info ? (
            <Notice role="status">
              <p>{info}</p>
            </Notice>
          ) : null}

          <section className="panel routine-editor__about" aria-labelledby={`${prefix}-about`}>
            <h2 id={`${prefix}-about`} className="section__title">
              {t('editor.about')}
            </h2>
            <div className="stack">
              <TextField
                name="name"
                label={t('editor.name')}
                value={draft.name}
                maxLength={LIMITS.name}
                isRequired
                onChange={(name) => {
                  setDraft((current) => ({ ...current, name }));
                  clearProblems('name');
                }}
              />
              <TextAreaField
                name="summary"
                label={t('editor.summary')}
                value={draft.summary}
                maxLength={LIMITS.summary}
                rows={3}
                isRequired
                onChange={(summary) => {
                  setDraft((current) => ({ ...current, summary }));
                  clearProblems('summary');
                }}
              />
            </div>
          </section>

          <section aria-labelledby={`${prefix}-steps`}>
            <h2 id={`${prefix}-steps`} className="section__title">
              {t('routine.steps')}
            </h2>
            <ol className="routine-steps" data-testid="editor-steps">
              {draft.steps.map((step, i) => (
                <StepEditor
                  key={step.id}
                  step={step}
                  number={i + 1}
                  count={draft.steps.length}
                  idOf={(what) => idOf(step.id, what)}
                  stepProblems={problems
                    .filter((p) => p.stepId === step.id && p.field === null)
                    .map((p) => problemText(t, p.message))}
                  promptListProblems={validationErrors[fieldOf.step(step.id, 'prompts')] ?? []}
                  onPatch={(patch, field) => {
                    patchStep(step.id, patch, field);
                  }}
                  onMove={(by) => {
                    move(step, by);
                  }}
                  onRemove={() => {
                    remove(step);
                  }}
                  onAddPrompt={() => {
                    addPrompt(step);
                  }}
                  onRemovePrompt={(index) => {
                    removePrompt(step, index);
                  }}
                  t={t}
                  mt={mt}
                />
              ))}
            </ol>
          </section>

          <section className="panel routine-add" aria-labelledby={`${prefix}-add-heading`}>
            <h2 id={`${prefix}-add-heading`} tabIndex={-1} className="section__title">
              {t('editor.addStep')}
            </h2>
            <p className="muted">{t('editor.addStepIntro')}</p>
            <div className="routine-add__fields">
              <RadioGroupField
                label={t('editor.newKind')}
                value={newKind}
                onChange={(value) => {
                  setNewKind(value === 'reflect' ? 'reflect' : 'discussion');
                }}
                options={(['discussion', 'reflect'] as const).map((kind) => ({
                  value: kind,
                  label: t(`newStep.${kind}.label`),
                  description: t(`newStep.${kind}.description`),
                }))}
              />
              <TextField
                label={t('editor.newTitle')}
                description={t('editor.newTitleHint', { title: t(`newStep.${newKind}.title`) })}
                value={newTitle}
                maxLength={LIMITS.title}
                onChange={setNewTitle}
                onKeyDown={(event) => {
                  // Enter adds the step here; it must not save the whole routine.
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    add();
                  }
                }}
              />
            </div>
            <div className="form__actions">
              <Button onPress={add}>{t('editor.addStepButton')}</Button>
            </div>
          </section>

          <div className="routine-editor__bar">
            <div className="routine-editor__total">
              <p className="routine-editor__sum" data-testid="total-minutes">
                {t('editor.total', { minutes: total, max: ROUTINE_MINUTES_MAX })}
              </p>
              <div aria-live="polite" className="routine-editor__limit">
                {left < 0 ? (
                  <p className="routine-limit routine-limit--over">
                    <Icon name="alert" />
                    <span>{t('editor.overLimit', { over: -left, max: ROUTINE_MINUTES_MAX })}</span>
                  </p>
                ) : left <= NEAR_LIMIT ? (
                  <p className="routine-limit routine-limit--near">
                    <Icon name="info" />
                    <span>{t('editor.nearLimit', { left, max: ROUTINE_MINUTES_MAX })}</span>
                  </p>
                ) : null}
              </div>
            </div>
            <div className="routine-editor__actions">
              {dirty ? (
                <ConfirmDialog
                  trigger={t('editor.discard')}
                  triggerVariant="secondary"
                  title={t('editor.discardTitle')}
                  body={<p>{t('editor.discardBody')}</p>}
                  confirmLabel={t('editor.discard')}
                  onConfirm={() => {
                    allowNextNavigation();
                    onCancel();
                    return Promise.resolve();
                  }}
                />
              ) : (
                <Button onPress={onCancel}>{t('editor.cancel')}</Button>
              )}
              <Button type="submit" variant="primary" isPending={save.isPending}>
                {t('editor.save')}
              </Button>
            </div>
          </div>
        </FieldErrorsProvider>
      </form>
    </div>
  );
}
