import { FieldErrorText, useField } from '../ui/fieldErrors';

/** A labelled native `<textarea>` read by its form (`name`), with its hint and the form's errors for it. */
export function MemoryTextArea({
  name,
  label,
  description,
  defaultValue = '',
  maxLength,
  rows = 3,
  isRequired,
}: {
  name: string;
  label: string;
  description?: string;
  defaultValue?: string;
  maxLength: number;
  rows?: number;
  isRequired?: boolean;
}) {
  const field = useField({ name, hasHint: Boolean(description) });
  return (
    <div className="field">
      <label htmlFor={field.id} className="field__label">
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
        defaultValue={defaultValue}
        maxLength={maxLength}
        aria-required={isRequired ? true : undefined}
      />
    </div>
  );
}
