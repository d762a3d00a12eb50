/**
 * Icons of the meeting screens (the app's Icon set has none of these). Decorative, like the app's: the words
 * beside them carry the meaning.
 */
const paths = {
  bell: 'M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15L6 16Zm4 4a2 2 0 0 0 4 0',
  pause: 'M9 6v12M15 6v12',
  play: 'm8 5 11 7-11 7V5Z',
  idle: 'M12 4a8 8 0 1 0 0 16 8 8 0 0 0 0-16Z',
  lock: 'M6 11h12v9H6v-9Zm2.5 0V8a3.5 3.5 0 0 1 7 0v3',
  check: 'm5 12.5 4.5 4.5L19 7',
  share: 'M12 15V4m0 0L8 8m4-4 4 4M5 13v6h14v-6',
  flag: 'M6 21V4m0 0h11l-2 4 2 4H6',
} as const;

export type MeetingIconName = keyof typeof paths;

export function MeetingIcon({ name, className }: { name: MeetingIconName; className?: string }) {
  return (
    <svg
      className={className ?? 'icon'}
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={paths[name]}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
