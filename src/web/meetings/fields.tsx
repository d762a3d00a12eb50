import { Label, SwitchButton, SwitchField, Text, TextArea, TextField } from 'react-aria-components';
import { FieldErrorWithIcon } from '../ui/TextField';

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
}

/** A labelled multi-line field in the app's look (label, hint, error, then the box). */
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
}: TextAreaFieldProps) {
  return (
    <TextField
      value={value}
      onChange={onChange}
      maxLength={maxLength}
      className="field"
      {...(name ? { name } : {})}
      {...(isRequired ? { isRequired } : {})}
    >
      <Label className={hideLabel ? 'visually-hidden' : 'field__label'}>{label}</Label>
      {description ? (
        <Text slot="description" className="field__hint">
          {description}
        </Text>
      ) : null}
      <FieldErrorWithIcon />
      <TextArea className="field__input field__textarea" rows={rows} />
    </TextField>
  );
}

export interface NativeInputFieldProps {
  id: string;
  label: string;
  description?: string;
  type: 'date' | 'datetime-local';
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

export interface ToggleSwitchProps {
  label: string;
  description?: string;
  isSelected: boolean;
  onChange: (selected: boolean) => void;
  isDisabled?: boolean;
  className?: string;
}

/** An on/off setting (role="switch"): the label says what is on; the track and thumb only echo it. */
export function ToggleSwitch({
  label,
  description,
  isSelected,
  onChange,
  isDisabled = false,
  className,
}: ToggleSwitchProps) {
  return (
    <SwitchField
      isSelected={isSelected}
      onChange={onChange}
      isDisabled={isDisabled}
      className={className ? `switch-field ${className}` : 'switch-field'}
    >
      <SwitchButton className="switch">
        <span className="switch__track" aria-hidden="true">
          <span className="switch__thumb" />
        </span>
        <span className="switch__label">{label}</span>
      </SwitchButton>
      {description ? (
        <Text slot="description" className="field__hint switch-field__hint">
          {description}
        </Text>
      ) : null}
    </SwitchField>
  );
}
