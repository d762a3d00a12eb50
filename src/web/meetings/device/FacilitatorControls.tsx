import { useEffect, useState } from 'react';
import type { MeetingState } from '#core/meeting/index';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { SelectField } from '../../ui/SelectField';
import { ToggleSwitch } from '../fields';
import type { CurrentStep } from '../format';
import { useMeetingsT } from '../i18n';
import { useLiveMeeting } from '../live/LiveMeetingContext';
import type { CommandBody } from '../live/meeting-client';
import { MeetingIcon } from '../MeetingIcon';

const NOBODY = 'nobody';

/** Timer and step controls for the facilitator (and the timer part for the timekeeper), as `abilitiesFor` allows. */
export function FacilitatorControls({ current }: { current: CurrentStep }) {
  const t = useMeetingsT();
  const { state, can, send } = useLiveMeeting();
  const run = state.steps[current.index];
  const stepId = current.stepId;
  const isLast = current.index === current.total - 1;
  const nextRoutine =
    !isLast && current.numberInPart === current.stepsInPart
      ? state.agenda[current.part + 1]?.routine.name
      : undefined;
  const timerAction = timerActionFor(run?.timer);
  const leads = can.nextStep;
  useShortcuts(state, stepId, timerAction);

  if (!can.pauseTimer && !leads) return null;
  return (
    <section className="panel controls" aria-labelledby="controls-heading">
      <h2 id="controls-heading" className="controls__title">
        {leads ? t('controls.title') : t('controls.timekeeperTitle')}
      </h2>
      <div className="controls__row" role="group" aria-label={t('timer.label')}>
        <Button
          variant="primary"
          className="controls__timer-button"
          aria-keyshortcuts="Space"
          onPress={() => void send({ type: timerAction })}
          isDisabled={!can[timerAction]}
        >
          <MeetingIcon name={timerAction === 'pauseTimer' ? 'pause' : 'play'} />
          {t(
            timerAction === 'pauseTimer'
              ? 'controls.pause'
              : timerAction === 'resumeTimer'
                ? 'controls.resume'
                : 'controls.startTimer',
          )}
        </Button>
        <Button
          aria-keyshortcuts="1"
          onPress={() => void send({ type: 'extendStep', minutes: 1 })}
          isDisabled={!can.extendStep}
        >
          {t('controls.plusOne')}
        </Button>
        <Button
          aria-keyshortcuts="2"
          onPress={() => void send({ type: 'extendStep', minutes: 2 })}
          isDisabled={!can.extendStep}
        >
          {t('controls.plusTwo')}
        </Button>
      </div>
      {leads ? (
        <div className="controls__row" role="group" aria-label={t('device.steps')}>
          <Button
            aria-label={t('controls.backLabel')}
            aria-keyshortcuts="B"
            onPress={() => void send({ type: 'previousStep', fromStepId: stepId })}
            isDisabled={current.index === 0}
          >
            {t('controls.back')}
          </Button>
          {isLast ? null : (
            <Button
              aria-label={t('controls.skipLabel')}
              variant="quiet"
              onPress={() => void send({ type: 'skipStep', fromStepId: stepId })}
            >
              {t('controls.skip')}
            </Button>
          )}
          {isLast ? (
            <EndMeetingButton variant="primary" />
          ) : (
            <Button
              variant="primary"
              aria-keyshortcuts="N"
              onPress={() => void send({ type: 'nextStep', fromStepId: stepId })}
            >
              {/* The last step of a routine in an agenda leads into the next routine: say so. */}
              {nextRoutine ? t('controls.nextRoutine', { name: nextRoutine }) : t('controls.next')}
            </Button>
          )}
        </div>
      ) : null}
      {leads ? (
        <details className="controls__more">
          <summary>{t('controls.more')}</summary>
          <div className="stack controls__more-body">
            <RolesForm />
            <VariableStepMinutes current={current} />
            <AutoAdvanceSwitch />
            <HandOverFacilitation />
            {isLast ? null : (
              <div>
                <EndMeetingButton variant="danger" />
              </div>
            )}
          </div>
        </details>
      ) : null}
      <ShortcutHelp leads={leads} />
    </section>
  );
}

/** Before the start: everyone waits; the facilitator sets roles and starts. */
export function LobbySetup() {
  const t = useMeetingsT();
  const { can, send } = useLiveMeeting();
  return (
    <section className="panel stack" aria-labelledby="lobby-heading">
      <h2 id="lobby-heading" className="section__title">
        {can.startMeeting ? t('device.lobbySetupTitle') : t('device.lobbyTitle')}
      </h2>
      {can.startMeeting ? null : <p>{t('device.lobbyBody')}</p>}
      {can.assignRoles ? <RolesForm /> : null}
      {can.setAutoAdvance ? <AutoAdvanceSwitch /> : null}
      {can.startMeeting ? (
        <div className="actions">
          <Button variant="primary" onPress={() => void send({ type: 'startMeeting' })}>
            {t('controls.startMeeting')}
          </Button>
        </div>
      ) : null}
      {can.handOverFacilitation ? <HandOverFacilitation /> : null}
      {can.endMeeting ? (
        <div>
          <EndMeetingButton variant="quiet" />
        </div>
      ) : null}
    </section>
  );
}

type TimerCommand = 'startTimer' | 'pauseTimer' | 'resumeTimer';
function timerActionFor(status: string | undefined): TimerCommand {
  return status === 'running' ? 'pauseTimer' : status === 'paused' ? 'resumeTimer' : 'startTimer';
}

/**
 * Presenter (the suggested one preselected; one per routine of the agenda), timekeeper and note-taker, saved
 * together. Keyed by the saved roles, so a change made elsewhere (another tab, the previous facilitator) shows
 * what is true now.
 */
function RolesForm() {
  const { state } = useLiveMeeting();
  const { timekeeper, noteTaker } = state.roles;
  const presenters = state.agenda.map((p) => p.presenter ?? '').join(',');
  return <RolesFormFields key={`${presenters}|${timekeeper ?? ''}|${noteTaker ?? ''}`} />;
}

function RolesFormFields() {
  const t = useMeetingsT();
  const { state, summary, nameOf, meId, send } = useLiveMeeting();
  const options = [
    { id: NOBODY, label: t('common.nobody') },
    ...state.memberIds.map((id) => ({
      id,
      label: id === meId ? `${nameOf(id)} ${t('common.you')}` : nameOf(id),
    })),
  ];
  const several = state.agenda.length > 1;
  const [presenters, setPresenters] = useState(() =>
    state.agenda.map((p, i) => p.presenter ?? summary.suggestedPresenterIds[i] ?? NOBODY),
  );
  const [timekeeper, setTimekeeper] = useState(state.roles.timekeeper ?? NOBODY);
  const [noteTaker, setNoteTaker] = useState(state.roles.noteTaker ?? NOBODY);
  const orNull = (id: string) => (id === NOBODY ? null : id);

  // The roles then show in the presence list on every screen; a refusal comes back as a toast.
  // The current routine's presenter goes with the other roles; each other routine's presenter on its own.
  const save = () => {
    const here = state.currentPart;
    void send({
      type: 'assignRoles',
      presenter: orNull(presenters[here] ?? NOBODY),
      ...(several && { part: here }),
      timekeeper: orNull(timekeeper),
      noteTaker: orNull(noteTaker),
    });
    presenters.forEach((id, part) => {
      if (part !== here && orNull(id) !== (state.agenda[part]?.presenter ?? null))
        void send({ type: 'assignRoles', presenter: orNull(id), part });
    });
  };

  return (
    <fieldset className="fieldset roles-form">
      <legend className="fieldset__legend">{t('controls.rolesTitle')}</legend>
      <div className="roles-form__fields">
        {state.agenda.map((part, i) => (
          <SelectField
            key={i}
            label={several ? t('controls.presenterFor', { name: part.routine.name }) : t('roles.presenter')}
            description={t('controls.presenterHint')}
            options={options}
            value={presenters[i] ?? NOBODY}
            onChange={(id) => {
              setPresenters((all) => all.with(i, id));
            }}
          />
        ))}
        <SelectField
          label={t('roles.timekeeper')}
          options={options}
          value={timekeeper}
          onChange={setTimekeeper}
        />
        <SelectField
          label={t('roles.noteTaker')}
          options={options}
          value={noteTaker}
          onChange={setNoteTaker}
        />
      </div>
      <div>
        <Button variant="secondary" onPress={save}>
          {t('controls.assignRoles')}
        </Button>
      </div>
    </fieldset>
  );
}

function AutoAdvanceSwitch() {
  const t = useMeetingsT();
  const { state, can, send } = useLiveMeeting();
  return (
    <ToggleSwitch
      label={t('controls.autoAdvance')}
      description={t('controls.autoAdvanceHint')}
      isSelected={state.autoAdvance}
      isDisabled={!can.setAutoAdvance}
      onChange={(enabled) => void send({ type: 'setAutoAdvance', enabled })}
    />
  );
}

function HandOverFacilitation() {
  const t = useMeetingsT();
  const { state, meId, nameOf, send } = useLiveMeeting();
  const others = state.memberIds.filter((id) => id !== meId);
  const [toId, setToId] = useState(others[0] ?? '');
  if (others.length === 0) return null;
  return (
    <div className="inline-form">
      <SelectField
        label={t('controls.handOverTo')}
        options={others.map((id) => ({ id, label: nameOf(id) }))}
        value={toId}
        onChange={setToId}
      />
      <ConfirmDialog
        trigger={t('controls.handOverButton')}
        triggerVariant="secondary"
        title={t('controls.handOverTitle', { name: nameOf(toId) })}
        body={<p>{t('controls.handOverBody', { name: nameOf(toId) })}</p>}
        confirmLabel={t('controls.handOverButton')}
        confirmVariant="primary"
        onConfirm={async () => {
          await send({ type: 'handOverFacilitation', toId });
        }}
      />
    </div>
  );
}

function VariableStepMinutes({ current }: { current: CurrentStep }) {
  const t = useMeetingsT();
  const { state, can, send } = useLiveMeeting();
  const planned = Math.round((state.steps[current.index]?.plannedMs ?? 0) / 60_000);
  const [minutes, setMinutes] = useState(String(planned));
  if (!current.step.variable || !can.setStepMinutes) return null;
  const value = Number(minutes);
  const valid = Number.isInteger(value) && value >= 1 && value <= 120;
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) void send({ type: 'setStepMinutes', stepId: current.stepId, minutes: value });
      }}
    >
      <div className="field">
        <label htmlFor="step-minutes" className="field__label">
          {t('controls.stepMinutes')}
        </label>
        <p id="step-minutes-hint" className="field__hint">
          {t('controls.stepMinutesHint')}
        </p>
        <input
          id="step-minutes"
          className="field__input field__input--short"
          type="number"
          inputMode="numeric"
          min={1}
          max={120}
          value={minutes}
          aria-describedby="step-minutes-hint"
          onChange={(event) => {
            setMinutes(event.target.value);
          }}
        />
      </div>
      <Button type="submit" isDisabled={!valid}>
        {t('controls.setMinutes')}
      </Button>
    </form>
  );
}

function EndMeetingButton({ variant }: { variant: 'primary' | 'danger' | 'quiet' }) {
  const t = useMeetingsT();
  const { send } = useLiveMeeting();
  return (
    <ConfirmDialog
      trigger={t('controls.endMeeting')}
      triggerVariant={variant}
      title={t('controls.endTitle')}
      body={<p>{t('controls.endBody')}</p>}
      confirmLabel={t('controls.endConfirm')}
      confirmVariant="primary"
      onConfirm={async () => {
        await send({ type: 'endMeeting' });
      }}
    />
  );
}

function ShortcutHelp({ leads }: { leads: boolean }) {
  const t = useMeetingsT();
  const rows: [string, string][] = [
    [t('controls.shortcutSpace'), t('controls.shortcutSpaceDoes')],
    ...(leads
      ? ([
          ['N', t('controls.shortcutNext')],
          ['B', t('controls.shortcutBack')],
        ] as [string, string][])
      : []),
    ['1', t('controls.shortcutOne')],
    ['2', t('controls.shortcutTwo')],
  ];
  return (
    <details className="controls__shortcuts">
      <summary>{t('controls.shortcuts')}</summary>
      <p className="field__hint">{t('controls.shortcutsIntro')}</p>
      <dl className="shortcut-list">
        {rows.map(([key, does]) => (
          <div key={key} className="shortcut-list__row">
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{does}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** Elements where a key press belongs to the element: typing, or Space pressing a focused control. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.closest(
      'input, textarea, select, [role="textbox"], [role="combobox"], [role="listbox"], [role="dialog"], [role="alertdialog"]',
    ) !== null
  );
}
function isPressableTarget(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    target.closest(
      'button, a[href], summary, [role="button"], [role="switch"], [role="link"], [role="menuitem"]',
    ) !== null
  );
}

/** Space = pause/resume (or start), N = next, B = back, 1/2 = add minutes; ignored while typing in a field. */
function useShortcuts(state: MeetingState, stepId: string, timerAction: TimerCommand): void {
  const { can, send } = useLiveMeeting();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTypingTarget(event.target)) return;
      let body: CommandBody | null = null;
      const key = event.key.toLowerCase();
      if (key === ' ' && !isPressableTarget(event.target) && can[timerAction]) body = { type: timerAction };
      else if (key === 'n' && can.nextStep) body = { type: 'nextStep', fromStepId: stepId };
      else if (key === 'b' && can.previousStep && state.currentStepIndex !== 0)
        body = { type: 'previousStep', fromStepId: stepId };
      else if ((key === '1' || key === '2') && can.extendStep)
        body = { type: 'extendStep', minutes: key === '1' ? 1 : 2 };
      if (!body) return;
      event.preventDefault();
      void send(body);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [can, send, stepId, timerAction, state.currentStepIndex]);
}
