import { useEffect, useRef, type ButtonHTMLAttributes, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { AppLinkProps } from '../shell/navigation';
import { announce } from './announcer';
import { classNames } from './classNames';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';

export interface ButtonProps extends Omit<
  ButtonHTMLAttributes<HTMLButtonElement>,
  'className' | 'disabled' | 'onClick' | 'type'
> {
  variant?: ButtonVariant;
  className?: string;
  type?: 'button' | 'submit' | 'reset';
  /** What the button does when pressed (click, Enter or Space). */
  onPress?: () => void;
  isDisabled?: boolean;
  /** A request is on its way: the button keeps its focus and label, ignores presses and shows a ring. */
  isPending?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

/**
 * A native `<button>` (type "button" unless told) with our look, and our own pending state (DAY-A11Y-1): focus
 * stays, presses and Enter are ignored (a pending submit button cancels the form's submission too), `aria-disabled`, the ring of `[data-pending]`, and it is announced as
 * text, which survives the button when the press moves the page on.
 */
export function Button({
  variant = 'secondary',
  className,
  isPending = false,
  isDisabled,
  onPress,
  type = 'button',
  autoFocus,
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
    // Said only to the person who pressed it (the button has their focus).
    if (isPending && button && button === document.activeElement)
      announce(t('common.pendingButton', { label: accessibleText(button) }));
  }, [isPending, t]);

  const setRef = (node: HTMLButtonElement | null) => {
    own.current = node;
    if (typeof ref === 'function') ref(node);
    else if (ref) ref.current = node;
  };

  return (
    <button
      {...props}
      ref={setRef}
      type={type}
      disabled={isDisabled}
      autoFocus={autoFocus}
      data-autofocus={autoFocus || undefined}
      onClick={(event) => {
        // While pending, a press does nothing, and neither does Enter in a field of its form: implicit
        // submission clicks the form's submit button, and a cancelled click submits nothing. (As type
        // "button" it would not stop a form with one text field, which submits on Enter without a button.)
        if (isPending) {
          event.preventDefault();
          return;
        }
        onPress?.();
      }}
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
