import { useEffect, useRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';
import { Link } from 'wouter';
import type { AppLinkProps } from '../shell/navigation';
import { announce } from './announcer';
import { classNames } from './classNames';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';

export interface ButtonProps extends Omit<AriaButtonProps, 'className' | 'isPending'> {
  variant?: ButtonVariant;
  className?: string;
  /** A request is on its way: the button keeps its focus and label, ignores presses and shows a ring. */
  isPending?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

/**
 * React Aria's Button (press handling, focus ring) with our look, and our own pending state (DAY-A11Y-1).
 *
 * React Aria's `isPending` announces the button by reference: its live announcer adds a `role="img"` node
 * labelled by the button's id and keeps it for 7 s. When the press moves the page on (a form replaced by
 * its result, another page), that node points at nothing: an image without a name (axe `role-img-alt`), on
 * many pages. Here the pending state is the same for people (focus stays, presses and Enter are ignored,
 * `aria-disabled`, the ring of `[data-pending]`), and it is announced as text, which survives the button.
 */
export function Button({
  variant = 'secondary',
  className,
  isPending = false,
  onPress,
  type,
  ref,
  ...props
}: ButtonProps) {
  const { t } = useTranslation();
  const own = useRef<HTMLButtonElement | null>(null);
  const wasPending = useRef(isPending);

  useEffect(() => {
    if (wasPending.current === isPending) return;
    wasPending.current = isPending;
    const button = own.current;
    // Said only to the person who pressed it (the button has their focus), as React Aria does.
    if (isPending && button && button === document.activeElement)
      announce(t('common.pendingButton', { label: accessibleText(button) }));
  }, [isPending, t]);

  const setRef = (node: HTMLButtonElement | null) => {
    own.current = node;
    if (typeof ref === 'function') ref(node);
    else if (ref) ref.current = node;
  };

  return (
    <AriaButton
      {...props}
      ref={setRef}
      // While pending, Enter in a field must not submit the form again.
      type={isPending && type === 'submit' ? 'button' : type}
      onPress={isPending ? undefined : onPress}
      aria-disabled={isPending ? true : props['aria-disabled']}
      data-pending={isPending || undefined}
      className={classNames('button', `button--${variant}`, className)}
    />
  );
}

/** The button's name as a person hears it: its aria-label, else its text. */
function accessibleText(button: HTMLButtonElement): string {
  return (button.getAttribute('aria-label') ?? button.textContent).trim();
}

/**
 * A link that looks like a button: for navigation, never for actions. With a `target` (a new tab) it is a
 * plain link: the router would open the page in this tab.
 */
export function ButtonLink({
  variant = 'secondary',
  className,
  ...props
}: AppLinkProps & { variant?: ButtonVariant; className?: string }) {
  const classes = classNames('button', `button--${variant}`, className);
  if (props.target && props.target !== '_self') {
    const { to, replace: _replace, ...anchor } = props;
    return <a {...anchor} href={to} className={classes} />;
  }
  return <Link {...props} className={classes} />;
}
