import type { SelectHTMLAttributes } from 'react';
import { Icon } from './Icon';
import { FieldNotes, useField } from './fieldErrors';
import { classNames } from './classNames';

export interface SelectOption {
  id: string;
  label: string;
  /** The option's own language when it differs from the page's (a language's name in itself: "Español"). */
  lang?: string;
}

export interface SelectFieldProps extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'className' | 'children' | 'onChange' | 'value' | 'defaultValue' | 'required' | 'disabled' | 'id'
> {
  label: string;
  /** Keep the label for assistive technology only (e.g. in a list row, where it names the person). */
  hideLabel?: boolean;
  /** A short visible caption for a hidden label ("Role" above "Role for Sam Okafor"); not read twice. */
  caption?: string;
  description?: string;
  options: readonly SelectOption[];
  id?: string;
  value?: string | null;
  defaultValue?: string | null;
  onChange?: (value: string) => void;
  /** The words of the empty choice while nothing is chosen ("Choose a school"). */
  placeholder?: string;
  isRequired?: boolean;
  isDisabled?: boolean;
  errorMessage?: string;
  compact?: boolean;
}

/** The browser's own `<select>`: a native picker on phones, a combobox that screen readers know well. */
export function SelectField({
  label,
  hideLabel,
  caption,
  description,
  options,
  id,
  name,
  value,
  defaultValue,
  onChange,
  placeholder,
  isRequired,
  isDisabled,
  errorMessage,
  compact,
  ...selectProps
}: SelectFieldProps) {
  const field = useField({ id, name, hasHint: Boolean(description), errorMessage });
  // An empty first choice only while nothing is chosen yet (or the field says what to choose).
  const empty = placeholder !== undefined || value === null || (value === undefined && defaultValue === null);
  // Nothing chosen and a placeholder: the placeholder shows (WEB-FORM-6), never silently the first option.
  const initial =
    defaultValue !== undefined ? (defaultValue ?? '') : value === undefined && empty ? '' : undefined;
  return (
    <div className={classNames('field', compact && 'field--compact')}>
      <label
        id={`${field.id}-label`}
        htmlFor={field.id}
        className={hideLabel ? 'visually-hidden' : 'field__label'}
      >
        {label}
      </label>
      {hideLabel && caption ? (
        <span className="field__caption" aria-hidden="true">
          {caption}
        </span>
      ) : null}
      <FieldNotes field={field} description={description} />
      <div className="select">
        <select
          {...selectProps}
          {...field.controlProps}
          name={name}
          className="select__control"
          {...(value !== undefined ? { value: value ?? '' } : {})}
          {...(initial !== undefined ? { defaultValue: initial } : {})}
          required={isRequired}
          disabled={isDisabled}
          onChange={(event) => {
            const control = event.currentTarget;
            if (control.value !== '') onChange?.(control.value);
            // A controlled select shows what its owner says (Preact re-applies `value` only on a render): a
            // refused choice goes back, and an accepted one comes with the owner's next render.
            if (value !== undefined) control.value = value ?? '';
          }}
        >
          {empty ? (
            <option value="" disabled={isRequired}>
              {placeholder ?? ''}
            </option>
          ) : null}
          {options.map((option) => (
            <option key={option.id} value={option.id} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </select>
        <Icon name="chevronDown" className="icon select__chevron" />
      </div>
    </div>
  );
}
