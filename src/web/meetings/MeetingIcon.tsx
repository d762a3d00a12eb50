/** The meeting screens use the app's one icon set (their icons live in ui/Icon.tsx). */
export { Icon as MeetingIcon, type IconName as MeetingIconName } from '../ui/Icon';
