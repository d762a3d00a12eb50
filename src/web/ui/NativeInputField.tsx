/** A native date/time input in the app's look; shared by meetings, schedules and plans. */
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
