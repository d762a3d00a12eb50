import { useState, type InputHTMLAttributes, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldNotes, useField } from './fieldErrors';

type NativeInputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  | 'className'
  | 'children'
  | 'value'
  | 'defaultValue'
  | 'onChange'
  | 'required'
  | 'disabled'
  | 'readOnly'
  | 'id'
>;

export interface TextFieldProps extends NativeInputProps {
  label: string;
  /** Help shown under the label and announced with the field. */
  description?: string;
  inputClassName?: string;
  id?: string;
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  isRequired?: boolean;
  isDisabled?: boolean;
  isReadOnly?: boolean;
  /** An error of this field's own; errors by `name` come from the form (ApiForm). */
  errorMessage?: string;
  ref?: Ref<HTMLInputElement>;
}

/**
 * Label, hint, error and input in the order people read them, on a native `<input>`: the label is a real
 * `<label for>`, the hint and the error describe the input (`aria-describedby`), and an error the form reports
 * for this field's `name` makes it `aria-invalid`.
 */
export function TextField({
  label,
  description,
  inputClassName,
  id,
  name,
  value,
  defaultValue,
  onChange,
  isRequired,
  isDisabled,
  isReadOnly,
  errorMessage,
  autoFocus,
  ...inputProps
}: TextFieldProps) {
  const field = useField({ id, name, hasHint: Boolean(description), errorMessage });
  return (
    <div className="field">
      <label htmlFor={field.id} className="field__label">
        {label}
      </label>
      <FieldNotes field={field} description={description} />
      <input
        type="text"
        {...inputProps}
        {...field.controlProps}
        name={name}
        className={inputClassName ?? 'field__input'}
        {...(value !== undefined ? { value } : {})}
        {...(defaultValue !== undefined ? { defaultValue } : {})}
        required={isRequired}
        disabled={isDisabled}
        readOnly={isReadOnly}
        autoFocus={autoFocus}
        data-autofocus={autoFocus || undefined}
        onChange={(event) => onChange?.(event.target.value)}
      />
    </div>
  );
}

/** A password field with a show/hide toggle, so people can check what they typed (WCAG 3.3.8). */
export function PasswordField({
  label,
  description,
  autoComplete,
  id,
  name,
  isRequired,
  isDisabled,
  errorMessage,
  ...inputProps
}: Omit<TextFieldProps, 'type' | 'inputClassName'> & { autoComplete: 'current-password' | 'new-password' }) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  const field = useField({ id, name, hasHint: Boolean(description), errorMessage });
  const { value, defaultValue, onChange, isReadOnly, autoFocus, ...rest } = inputProps;
  return (
    <div className="field">
      <label htmlFor={field.id} className="field__label">
        {label}
      </label>
      <FieldNotes field={field} description={description} />
      <div className="field__row">
        <input
          {...rest}
          {...field.controlProps}
          type={visible ? 'text' : 'password'}
          name={name}
          autoComplete={autoComplete}
          className="field__input"
          spellCheck={false}
          autoCapitalize="none"
          {...(value !== undefined ? { value } : {})}
          {...(defaultValue !== undefined ? { defaultValue } : {})}
          required={isRequired}
          disabled={isDisabled}
          readOnly={isReadOnly}
          autoFocus={autoFocus}
          onChange={(event) => onChange?.(event.target.value)}
        />
        {/* One fixed label with a pressed state (aria-pressed): changing the words as well would say it twice. */}
        <button
          type="button"
          aria-pressed={visible}
          onClick={() => {
            setVisible((shown) => !shown);
          }}
          className="button button--quiet field__toggle"
        >
          {t('common.showPassword')}
        </button>
      </div>
    </div>
  );
}
