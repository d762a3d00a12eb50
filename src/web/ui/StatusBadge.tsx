import { Icon, type IconName } from './Icon';

type Tone = 'positive' | 'neutral' | 'attention';
const iconFor: Record<Tone, IconName> = { positive: 'check', neutral: 'circle', attention: 'info' };

/** A small label with an icon: the words carry the meaning, the color only supports it. */
export function StatusBadge({ tone, children }: { tone: Tone; children: string }) {
  return (
    <span className={`badge badge--${tone}`}>
      <Icon name={iconFor[tone]} />
      {children}
    </span>
  );
}
