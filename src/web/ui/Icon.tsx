/**
 * A few inline icons. They are always decorative (aria-hidden): the words next to them carry the
 * meaning, so nothing is said by shape or color alone.
 */
const paths = {
  alert: 'M12 3 2 21h20L12 3Zm0 6v5m0 3.5v.5',
  check: 'm5 12.5 4.5 4.5L19 7',
  info: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Zm0 8v5m0-8.5v.5',
  close: 'M6 6l12 12M18 6 6 18',
  chevronDown: 'm6 9 6 6 6-6',
  users:
    'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 10a7 7 0 0 1 14 0M16 3.5a4 4 0 0 1 0 7.5m2.5 10a6.5 6.5 0 0 0-3-5.5',
  school: 'M3 10 12 5l9 5-9 5-9-5Zm3 2v5c2 2 10 2 12 0v-5',
  mail: 'M3 6h18v12H3V6Zm0 0 9 7 9-7',
  circle: 'M12 4a8 8 0 1 0 0 16 8 8 0 0 0 0-16Z',
  // The meeting screens' icons.
  bell: 'M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15L6 16Zm4 4a2 2 0 0 0 4 0',
  pause: 'M9 6v12M15 6v12',
  play: 'm8 5 11 7-11 7V5Z',
  idle: 'M12 4a8 8 0 1 0 0 16 8 8 0 0 0 0-16Z',
  lock: 'M6 11h12v9H6v-9Zm2.5 0V8a3.5 3.5 0 0 1 7 0v3',
  share: 'M12 15V4m0 0L8 8m4-4 4 4M5 13v6h14v-6',
  flag: 'M6 21V4m0 0h11l-2 4 2 4H6',
  search: 'M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm4.6 11.1L20 20',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, className }: { name: IconName; className?: string }) {
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
