import { FieldErrorText, useField } from '../ui/fieldErrors';

export interface TextAreaFieldProps {
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  rows?: number;
  name?: string;
  isRequired?: boolean;
  hideLabel?: boolean;
  autoFocus?: boolean;
}

/** A labelled multi-line field in the app's look (label, hint, error, then the box), on a native `<textarea>`. */
export function TextAreaField({
  label,
  description,
  value,
  onChange,
  maxLength,
  rows = 3,
  name,
  isRequired,
  hideLabel,
  autoFocus,
}: TextAreaFieldProps) {
  const field = useField({ name, hasHint: Boolean(description) });
  return (
    <div className="field">
      <label htmlFor={field.id} className={hideLabel ? 'visually-hidden' : 'field__label'}>
        {label}
      </label>
      {description ? (
        <p id={field.hintId} className="field__hint">
          {description}
        </p>
      ) : null}
      <FieldErrorText id={field.errorId} errors={field.errors} />
      <textarea
        {...field.controlProps}
        name={name}
        className="field__input field__textarea"
        rows={rows}
        value={value}
        maxLength={maxLength}
        required={isRequired}
        autoFocus={autoFocus}
        data-autofocus={autoFocus || undefined}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </div>
  );
}

export interface NativeInputFieldProps {
  id: string;
  label: string;
  description?: string;
  type: 'date' | 'datetime-local' | 'time';
  value: string;
  onChange: (value: string) => void;
  name?: string;
  min?: string;
}

/**
 * The browser's own date and date-time inputs: on phones and Chromebooks they open the native picker, and
 * screen readers know them well.
 */
export function NativeInputField({
  id,
  label,
  description,
  type,
  value,
  onChange,
  name,
  min,
}: NativeInputFieldProps) {
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {description ? (
        <p id={hintId} className="field__hint">
          {description}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type={type}
        className="field__input field__input--date"
        value={value}
        min={min}
        aria-describedby={description ? hintId : undefined}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </div>
  );
}
