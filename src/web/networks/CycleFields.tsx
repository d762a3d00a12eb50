/**
 * The fields of a cohort's cycle (NET-WEB-5, NET-WEB-7): one focus (from the list, or written), a goal and
 * optional first and last days. Used when a cohort starts and when it starts its next cycle; the caller's
 * `ApiForm` names them `focus`, `focus.custom`, `goal`, `startsOn`, `endsOn` (the server's 400s land there).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CohortFocus } from '#contracts/cohorts';
import { FocusArea } from '#contracts/focus';
import { NativeInputField } from '../ui/NativeInputField';
import { SelectField } from '../ui/SelectField';
import { TextAreaField } from '../ui/TextAreaField';
import { TextField } from '../ui/TextField';
import { useNetworksT } from './i18n';
import '../i18n/focus-areas';

export const cycleFieldNames = ['focus', 'focus.custom', 'goal', 'startsOn', 'endsOn'] as const;
const OWN = 'own';
const FIRST_FOCUS: FocusArea = 'teacher_coaching';

export interface CycleFieldState {
  focus: string;
  setFocus: (focus: string) => void;
  startsOn: string;
  setStartsOn: (day: string) => void;
  endsOn: string;
  setEndsOn: (day: string) => void;
  /** The cycle as the contract has it, from the form's values and this state. */
  cycleOf: (values: Partial<Record<(typeof cycleFieldNames)[number], string>>) => {
    focus: CohortFocus;
    goal: string;
    startsOn: string | null;
    endsOn: string | null;
  };
  reset: () => void;
}

/** The controlled part of the fields (the select and the two days), starting at `initialFocus`. */
export function useCycleFields(initialFocus: string = FIRST_FOCUS): CycleFieldState {
  const [focus, setFocus] = useState(initialFocus);
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  return {
    focus,
    setFocus,
    startsOn,
    setStartsOn,
    endsOn,
    setEndsOn,
    cycleOf: (values) => {
      const area = FocusArea.safeParse(values.focus);
      return {
        focus: area.success ? { area: area.data } : { custom: values['focus.custom'] ?? '' },
        goal: values.goal ?? '',
        startsOn: startsOn || null,
        endsOn: endsOn || null,
      };
    },
    reset: () => {
      setFocus(initialFocus);
      setStartsOn('');
      setEndsOn('');
    },
  };
}

/** The select's value for a cycle's focus: its area, or "write your own". */
export function focusChoiceOf(focus: CohortFocus): string {
  return 'area' in focus ? focus.area : OWN;
}

export function CycleFields({
  state,
  idPrefix,
  defaultCustom,
  autoFocus = false,
}: {
  state: CycleFieldState;
  /** Keeps the two date inputs' ids apart when two forms are on one page. */
  idPrefix: string;
  /** The written focus to start from, when the current one is written. */
  defaultCustom?: string;
  autoFocus?: boolean;
}) {
  const t = useNetworksT();
  const { t: appT } = useTranslation();
  return (
    <>
      <SelectField
        name="focus"
        label={t('home.startCohort.focus')}
        value={state.focus}
        onChange={state.setFocus}
        autoFocus={autoFocus}
        options={[
          ...FocusArea.options.map((area) => ({ id: area, label: appT(`focusArea.${area}`) })),
          { id: OWN, label: t('home.startCohort.own') },
        ]}
      />
      {state.focus === OWN ? (
        <TextField
          name="focus.custom"
          label={t('home.startCohort.custom')}
          isRequired
          autoComplete="off"
          {...(defaultCustom ? { defaultValue: defaultCustom } : {})}
        />
      ) : null}
      <TextAreaField
        name="goal"
        label={t('home.startCohort.goal')}
        description={t('home.startCohort.goalHint')}
        maxLength={500}
        rows={3}
        isRequired
      />
      <NativeInputField
        id={`${idPrefix}-starts-on`}
        name="startsOn"
        type="date"
        label={t('home.startCohort.startsOn')}
        value={state.startsOn}
        onChange={state.setStartsOn}
      />
      <NativeInputField
        id={`${idPrefix}-ends-on`}
        name="endsOn"
        type="date"
        label={t('home.startCohort.endsOn')}
        value={state.endsOn}
        onChange={state.setEndsOn}
        {...(state.startsOn ? { min: state.startsOn } : {})}
      />
    </>
  );
}
