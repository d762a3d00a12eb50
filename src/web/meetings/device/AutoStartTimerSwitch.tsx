import { ToggleSwitch } from '../../ui/ToggleSwitch';
import { useMeetingsT } from '../i18n';
import { useLiveMeeting } from '../live/LiveMeetingContext';

/** DAY-TIMER-2: the facilitator turns the timer that starts itself on or off for this meeting only. */
export function AutoStartTimerSwitch() {
  const t = useMeetingsT();
  const { state, can, send } = useLiveMeeting();
  return (
    <ToggleSwitch
      label={t('controls.autoStartTimer')}
      description={t('controls.autoStartTimerHint')}
      isSelected={state.autoStartTimer}
      isDisabled={!can.setAutoStartTimer}
      onChange={(enabled) => void send({ type: 'setAutoStartTimer', enabled })}
    />
  );
}
