import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

type Tone = 'info' | 'success' | 'error';
const iconFor: Record<Tone, IconName> = { info: 'info', success: 'check', error: 'alert' };

/** A calm boxed message. The icon and the words say the tone, the color only echoes it. */
export function Notice({
  tone = 'info',
  title,
  children,
  role,
}: {
  tone?: Tone;
  title?: string;
  children?: ReactNode;
  role?: 'status' | 'alert';
}) {
  return (
    <div className={`notice notice--${tone}`} role={role}>
      <Icon name={iconFor[tone]} className="icon notice__icon" />
      <div>
        {title ? <p className="notice__title">{title}</p> : null}
        {children}
      </div>
    </div>
  );
}
