/**
 * The actions of the Routines page that grow a team's routines (ADR 0018): write a new one, copy one under a new
 * name, share with the school or district, withdraw from the library, import YAML files. Each action is a button
 * with a dialog; errors stay in the dialog (or, for imports, in a list of file:line problems).
 */
import { useId, useRef, useState, type SyntheticEvent } from 'react';
import type { RoutineSummary } from '#contracts/meetings-api';
import type { RoutineFocus } from '#contracts/routine';
import { IMPORT_BODY_MAX, type LibraryScope, type NewRoutine } from '#contracts/routine-library';
import { isApiRequestError } from '../api/client';
import { useDescribeError } from '../api/describeError';
import { useNavigate } from '../shell/navigation';
import { useToast } from '../shell/Toaster';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Dialog } from '../ui/Dialog';
import { FormAlert } from '../ui/FormAlert';
import { RadioGroupField } from '../ui/RadioGroupField';
import { TextField } from '../ui/TextField';
import { useRoutinesT, type RoutinesT } from './i18n';
import { useRoutineMutations } from './queries';

interface Team {
  id: string;
  name: string;
  schoolName: string | null;
}

/** A routine to start from: one discussion and the final step, which the editor then shapes. */
function starterRoutine(t: RoutinesT, team: Team, name: string, focus: RoutineFocus): NewRoutine {
  return {
    name,
    summary: t('create.starterSummary', { team: team.name }),
    focus,
    source: t('create.starterSource', { team: team.name }),
    audience: t('create.starterAudience'),
    steps: [
      {
        id: 'discuss',
        title: t('create.starterStepTitle'),
        kind: 'discussion',
        minutes: 10,
        purpose: t('create.starterStepPurpose'),
        prompts: [t('create.starterStepPrompt')],
        speaker: 'team',
        sources: ['vicarious'],
      },
      {
        id: 'final',
        title: t('create.finalTitle'),
        kind: 'final',
        minutes: 4,
        purpose: t('create.finalPurpose'),
        prompts: [t('create.finalPrompt')],
        speaker: 'team',
        sources: ['mastery', 'vicarious', 'social_persuasion', 'affective_state'],
        finalPrompts: {
          learned: t('create.finalLearned'),
          nextSteps: t('create.finalNextSteps'),
          sources: t('create.finalSources'),
        },
      },
    ],
  };
}

/** The `name` field's own message from a 400, or the whole error for the form. */
function useErrorParts() {
  const describe = useDescribeError();
  return (error: unknown, field: string) => {
    if (!error) return { fieldError: undefined, formError: null };
    const own = isApiRequestError(error) ? error.fields.find((f) => f.path === field) : undefined;
    return own
      ? { fieldError: own.message, formError: null }
      : { fieldError: undefined, formError: describe(error) };
  };
}

export function NewRoutineButton({ team }: { team: Team }) {
  const t = useRoutinesT();
  const navigate = useNavigate();
  const toast = useToast();
  const { create } = useRoutineMutations(team.id);
  const errorParts = useErrorParts();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [focus, setFocus] = useState<RoutineFocus>('success');
  const { fieldError, formError } = errorParts(create.error, 'routine.name');

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    create.mutate(
      { from: 'scratch', routine: starterRoutine(t, team, name.trim(), focus) },
      {
        onSuccess: (routine) => {
          setOpen(false);
          toast(t('create.created', { name: routine.name }));
          navigate(`/teams/${team.id}/routines/${routine.id}?edit=1`);
        },
      },
    );
  };
  return (
    <>
      <Button variant="primary" aria-haspopup="dialog" onPress={() => setOpen(true)}>
        {t('list.newRoutine')}
      </Button>
      <Dialog
        isOpen={open}
        onClose={() => {
          setOpen(false);
          create.reset();
        }}
        title={t('create.title')}
        isBusy={create.isPending}
      >
        <form onSubmit={submit} noValidate>
          <p className="dialog__body">{t('create.intro')}</p>
          <TextField
            label={t('create.name')}
            description={t('create.nameHint')}
            value={name}
            onChange={setName}
            isRequired
            maxLength={120}
            autoFocus
            {...(fieldError ? { errorMessage: fieldError } : {})}
          />
          <RadioGroupField
            label={t('create.focus')}
            value={focus}
            onChange={(value) =>
              setFocus(value === 'dilemma' || value === 'observed-practice' ? value : 'success')
            }
            options={[
              { value: 'success', label: t('create.focusSuccess') },
              { value: 'dilemma', label: t('create.focusDilemma') },
              { value: 'observed-practice', label: t('create.focusObserved') },
            ]}
          />
          {formError ? <FormAlert messages={[formError]} /> : null}
          <div className="dialog__actions">
            <Button variant="secondary" onPress={() => setOpen(false)} isDisabled={create.isPending}>
              {t('editor.cancel')}
            </Button>
            <Button variant="primary" type="submit" isPending={create.isPending}>
              {t('create.create')}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

export function CopyButton({ team, routine }: { team: Team; routine: RoutineSummary }) {
  const t = useRoutinesT();
  const navigate = useNavigate();
  const toast = useToast();
  const { create } = useRoutineMutations(team.id);
  const errorParts = useErrorParts();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const { fieldError, formError } = errorParts(create.error, 'name');

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    create.mutate(
      { from: 'copy', routineId: routine.id, version: routine.version, name: name.trim() },
      {
        onSuccess: (copy) => {
          setOpen(false);
          toast(t('copy.done', { name: copy.name }));
          navigate(`/teams/${team.id}/routines/${copy.id}`);
        },
      },
    );
  };
  return (
    <>
      <Button
        variant="quiet"
        aria-haspopup="dialog"
        aria-label={t('copy.label', { name: routine.name })}
        onPress={() => {
          setName(t('copy.defaultName', { name: routine.name }).slice(0, 120));
          setOpen(true);
        }}
      >
        {t('copy.button')}
      </Button>
      <Dialog
        isOpen={open}
        onClose={() => {
          setOpen(false);
          create.reset();
        }}
        title={t('copy.title', { name: routine.name })}
        isBusy={create.isPending}
      >
        <form onSubmit={submit} noValidate>
          <p className="dialog__body">{t('copy.intro')}</p>
          <TextField
            label={t('copy.name')}
            value={name}
            onChange={setName}
            isRequired
            maxLength={120}
            autoFocus
            {...(fieldError ? { errorMessage: fieldError } : {})}
          />
          {formError ? <FormAlert messages={[formError]} /> : null}
          <div className="dialog__actions">
            <Button variant="secondary" onPress={() => setOpen(false)} isDisabled={create.isPending}>
              {t('editor.cancel')}
            </Button>
            <Button variant="primary" type="submit" isPending={create.isPending}>
              {t('copy.confirm')}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

export const audienceOf = (t: RoutinesT, library: { scope: LibraryScope; schoolName: string | null }) =>
  library.scope === 'district' || library.schoolName === null
    ? t('list.audienceDistrict')
    : t('list.audienceSchool', { school: library.schoolName });

export function ShareButton({ team, routine }: { team: Team; routine: RoutineSummary }) {
  const t = useRoutinesT();
  const toast = useToast();
  const describe = useDescribeError();
  const { share } = useRoutineMutations(team.id);
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState<LibraryScope>(team.schoolName ? 'school' : 'district');
  const again = routine.library !== null;

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    share.mutate(
      { routineId: routine.id, scope },
      {
        onSuccess: (shared) => {
          setOpen(false);
          toast(t('share.done', { name: routine.name, audience: audienceOf(t, shared.library) }));
        },
      },
    );
  };
  return (
    <>
      <Button
        variant="quiet"
        aria-haspopup="dialog"
        aria-label={
          again ? t('share.againLabel', { name: routine.name }) : t('share.label', { name: routine.name })
        }
        onPress={() => setOpen(true)}
      >
        {again ? t('share.again') : t('share.button')}
      </Button>
      <Dialog
        isOpen={open}
        onClose={() => {
          setOpen(false);
          share.reset();
        }}
        title={t('share.title', { name: routine.name })}
        isBusy={share.isPending}
      >
        <form onSubmit={submit} noValidate>
          <p className="dialog__body">{t('share.intro', { version: routine.version })}</p>
          {team.schoolName ? (
            <RadioGroupField
              label={t('share.scope')}
              value={scope}
              onChange={(value) => setScope(value === 'district' ? 'district' : 'school')}
              options={[
                {
                  value: 'school',
                  label: t('share.school', { school: team.schoolName }),
                  description: t('share.schoolHint'),
                },
                { value: 'district', label: t('share.district'), description: t('share.districtHint') },
              ]}
            />
          ) : (
            <p>{t('share.noSchool')}</p>
          )}
          {share.error ? <FormAlert messages={[describe(share.error)]} /> : null}
          <div className="dialog__actions">
            <Button variant="secondary" onPress={() => setOpen(false)} isDisabled={share.isPending}>
              {t('editor.cancel')}
            </Button>
            <Button variant="primary" type="submit" isPending={share.isPending}>
              {t('share.confirm')}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

export function WithdrawButton({ groupId, routine }: { groupId: string; routine: RoutineSummary }) {
  const t = useRoutinesT();
  const toast = useToast();
  const { withdraw } = useRoutineMutations(groupId);
  return (
    <ConfirmDialog
      trigger={t('withdraw.button')}
      triggerLabel={t('withdraw.label', { name: routine.name })}
      title={t('withdraw.title', { name: routine.name })}
      body={<p>{t('withdraw.body')}</p>}
      confirmLabel={t('withdraw.confirm')}
      onConfirm={async () => {
        await withdraw.mutateAsync(routine.id);
        toast(t('withdraw.done', { name: routine.name }));
      }}
    />
  );
}

/** ROUTINE-LIB-IO-1: several files at once; any problem refuses all, and each problem is listed with file:line. */
export function ImportPanel({ groupId }: { groupId: string }) {
  const t = useRoutinesT();
  const toast = useToast();
  const describe = useDescribeError();
  const { importFiles } = useRoutineMutations(groupId);
  const inputId = useId();
  const hintId = useId();
  const problemsRef = useRef<HTMLDivElement | null>(null);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [reading, setReading] = useState(false);

  const showProblems = (found: string[]) => {
    setProblems(found);
    // After the list renders: focus moves to it, so it is read out and its items are next with Tab.
    requestAnimationFrame(() => problemsRef.current?.focus());
  };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const chosen = [...(inputRef.current?.files ?? [])];
    if (chosen.length === 0) {
      showProblems([t('importing.none')]);
      return;
    }
    setReading(true);
    const files: { name: string; text: string }[] = [];
    const unreadable: string[] = [];
    for (const file of chosen) {
      try {
        files.push({ name: file.name, text: await file.text() });
      } catch {
        unreadable.push(t('importing.unreadable', { file: file.name }));
      }
    }
    setReading(false);
    // The server refuses a larger request whole (413); saying so here names the fix.
    if (new Blob([JSON.stringify({ files })]).size > IMPORT_BODY_MAX) {
      showProblems([t('importing.tooBig', { kb: Math.floor(IMPORT_BODY_MAX / 1024) })]);
      return;
    }
    if (unreadable.length > 0) {
      showProblems(unreadable);
      return;
    }
    importFiles.mutate(files, {
      onSuccess: (result) => {
        setProblems([]);
        if (inputRef.current) inputRef.current.value = '';
        const renamed = result.items.filter((i) => i.renamedFrom !== null);
        toast(
          [
            t('importing.done', {
              count: result.items.length,
              names: result.items.map((i) => i.name).join(', '),
            }),
            ...renamed.map((i) => t('importing.renamed', { name: i.name, id: i.id, from: i.renamedFrom })),
          ].join(' '),
        );
      },
      onError: (error) => {
        const listed = isApiRequestError(error) ? error.fields.map((f) => f.message) : [];
        showProblems(listed.length > 0 ? listed : [describe(error)]);
      },
    });
  };

  return (
    <section className="panel routine-import" aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`} className="section__title">
        {t('importing.heading')}
      </h2>
      <p>{t('importing.intro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={inputId} className="field__label">
            {t('importing.files')}
          </label>
          <p id={hintId} className="field__hint">
            {t('importing.filesHint')}
          </p>
          <input
            ref={inputRef}
            id={inputId}
            type="file"
            multiple
            accept=".yaml,.yml,application/yaml,text/yaml"
            className="field__input routine-import__input"
            aria-describedby={hintId}
            aria-invalid={problems.length > 0 || undefined}
            data-testid="routine-import-files"
          />
        </div>
        {problems.length > 0 ? (
          <div
            ref={problemsRef}
            role="alert"
            tabIndex={-1}
            className="notice notice--error routine-import__problems"
            data-testid="routine-import-problems"
          >
            <h3 className="routine-import__problems-title">
              {t('importing.problemsTitle', { count: problems.length })}
            </h3>
            <ul>
              {problems.map((problem, i) => (
                <li key={i}>
                  <code>{problem}</code>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="routine-import__actions">
          <Button type="submit" variant="secondary" isPending={reading || importFiles.isPending}>
            {t('importing.button')}
          </Button>
        </div>
      </form>
    </section>
  );
}
