import { useId } from 'react';
import { FieldNotes, useField } from './fieldErrors';

export interface RadioOption {
  value: string;
  label: string;
  description?: string;
}

export interface RadioGroupFieldProps {
  label: string;
  description?: string;
  options: readonly RadioOption[];
  name?: string;
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  isRequired?: boolean;
  isDisabled?: boolean;
  errorMessage?: string;
}

/**
 * Native radios in a `<fieldset>` (`role="radiogroup"`) named by its `<legend>`: arrow keys move between the
 * choices, and the hint and any error describe the group.
 */
export function RadioGroupField({
  label,
  description,
  options,
  name,
  value,
  defaultValue,
  onChange,
  isRequired,
  isDisabled,
  errorMessage,
}: RadioGroupFieldProps) {
  const ownName = useId();
  const field = useField({ name, hasHint: Boolean(description), errorMessage });
  const groupName = name ?? ownName;
  return (
    <fieldset
      role="radiogroup"
      aria-labelledby={`${field.id}-legend`}
      {...field.controlProps}
      {...(isRequired ? { 'aria-required': true } : {})}
      disabled={isDisabled}
      className="field radio-group"
    >
      <legend id={`${field.id}-legend`} className="field__label">
        {label}
      </legend>
      <FieldNotes field={field} description={description} />
      <div className="radio-group__options">
        {options.map((option) => {
          const optionId = `${field.id}-${option.value}`;
          return (
            <div key={option.value} className="radio">
              <label className="radio__button">
                <input
                  type="radio"
                  className="radio__input"
                  name={groupName}
                  value={option.value}
                  required={isRequired}
                  {...(value !== undefined ? { checked: value === option.value } : {})}
                  {...(defaultValue !== undefined ? { defaultChecked: defaultValue === option.value } : {})}
                  {...(option.description ? { 'aria-describedby': `${optionId}-hint` } : {})}
                  onChange={(event) => {
                    if (event.target.checked) onChange?.(option.value);
                  }}
                />
                <span className="radio__mark" aria-hidden="true" />
                <span className="radio__label">{option.label}</span>
              </label>
              {option.description ? (
                <p id={`${optionId}-hint`} className="radio__description">
                  {option.description}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
