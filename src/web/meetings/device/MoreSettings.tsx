/**
 * What a facilitator changes now and then in a running meeting ("More" in FacilitatorSettings): roles, the
 * minutes of a variable step, auto-advance, auto-start, handing over, ending early. Loaded when "More" is first
 * opened (DAY-PERF-1); the lobby uses the same switches.
 */
import { lazy, Suspense, useState } from 'react';
import { isGuest } from '#core/meeting/index';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { SelectField } from '../../ui/SelectField';
import { LoadingState } from '../../ui/States';
import { ToggleSwitch } from '../../ui/ToggleSwitch';
import type { CurrentStep } from '../format';
import { useMeetingsT } from '../i18n';
import { useLiveMeeting } from '../live/LiveMeetingContext';
import { AutoStartTimerSwitch } from './AutoStartTimerSwitch';
import { EndMeetingButton } from './FacilitatorControls';

/** The roles form loads apart, with the lobby (`./Lobby.tsx`, DAY-PERF-5). */
const RolesForm = lazy(() => import('./Lobby').then((module) => ({ default: module.RolesForm })));

export function MoreSettings({ current, isLast }: { current: CurrentStep; isLast: boolean }) {
  return (
    <div className="stack controls__more-body">
      <Suspense fallback={<LoadingState />}>
        <RolesForm />
      </Suspense>
      <VariableStepMinutes current={current} />
      <AutoAdvanceSwitch />
      <AutoStartTimerSwitch />
      <HandOverFacilitation />
      {isLast ? null : (
        <div>
          <EndMeetingButton variant="danger" />
        </div>
      )}
    </div>
  );
}

export function AutoAdvanceSwitch() {
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

export function HandOverFacilitation() {
  const t = useMeetingsT();
  const { state, meId, nameOf, send } = useLiveMeeting();
  // Facilitation stays with the team: never a meeting guest (DAY-FIRST-5).
  const others = state.memberIds.filter((id) => id !== meId && !isGuest(state, id));
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
