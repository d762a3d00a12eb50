/**
 * The consent box of sharing's reviews (SHARE-CONSENT-1, SHARE-CARD-2): a checkbox with its sentence, the
 * server's or the form's message above it, and the ref the form focuses when consent is missing.
 */
import { useId } from 'react';
import { Icon } from '../ui/Icon';

export function ConsentBox({
  name,
  checked,
  error,
  inputRef,
  onChange,
  label,
}: {
  /** The field's name, where the server's 400 for it lands. */
  name: string;
  checked: boolean;
  error: string | null;
  inputRef: React.RefObject<HTMLInputElement | null>;
  onChange: (v: boolean) => void;
  label: string;
}) {
  const errorId = useId();
  return (
    <div className="field">
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
      <label className="checkbox">
        <input
          ref={inputRef}
          type="checkbox"
          className="checkbox__input"
          name={name}
          checked={checked}
          {...(error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {})}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span className="checkbox__box" aria-hidden="true">
          <Icon name="check" className="icon checkbox__check" />
        </span>
        <span>{label}</span>
      </label>
    </div>
  );
}
