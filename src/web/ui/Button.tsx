import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';
import { Link, type LinkProps } from 'react-router';
import { classNames } from './classNames';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';

export interface ButtonProps extends Omit<AriaButtonProps, 'className'> {
  variant?: ButtonVariant;
  className?: string;
}

/** React Aria's Button (press handling, pending state, focus ring) with our look. */
export function Button({ variant = 'secondary', className, ...props }: ButtonProps) {
  return <AriaButton {...props} className={classNames('button', `button--${variant}`, className)} />;
}

/** A link that looks like a button: for navigation, never for actions. */
export function ButtonLink({
  variant = 'secondary',
  className,
  ...props
}: LinkProps & { variant?: ButtonVariant; className?: string }) {
  return <Link {...props} className={classNames('button', `button--${variant}`, className)} />;
}
