import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FieldError,
  Input,
  Label,
  Text,
  TextField as AriaTextField,
  ToggleButton,
  type TextFieldProps as AriaTextFieldProps,
} from 'react-aria-components';
import { Icon } from './Icon';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'className' | 'children'> {
  label: string;
  /** Help shown under the label and announced with the field. */
  description?: string;
  placeholder?: string;
  inputClassName?: string;
}

/**
 * Label, hint, error and input in the order people read them. React Aria wires `aria-describedby`
 * to the hint and the error, and `aria-invalid` when the form reports an error for this field's `name`.
 */
export function TextField({ label, description, placeholder, inputClassName, ...props }: TextFieldProps) {
  return (
    <AriaTextField {...props} className="field">
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__hint">
          {description}
        </Text>
      ) : null}
      <FieldErrorWithIcon />
      <Input className={inputClassName ?? 'field__input'} placeholder={placeholder} />
    </AriaTextField>
  );
}

export function FieldErrorWithIcon() {
  return (
    <FieldError className="field__error">
      {({ validationErrors }) => (
        <>
          <Icon name="alert" />
          <span>{validationErrors.join(' ')}</span>
        </>
      )}
    </FieldError>
  );
}

/** A password field with a show/hide toggle, so people can check what they typed (WCAG 3.3.8). */
export function PasswordField({
  label,
  description,
  autoComplete,
  ...props
}: Omit<TextFieldProps, 'type'> & { autoComplete: 'current-password' | 'new-password' }) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <AriaTextField
      {...props}
      type={visible ? 'text' : 'password'}
      autoComplete={autoComplete}
      className="field"
    >
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__hint">
          {description}
        </Text>
      ) : null}
      <FieldErrorWithIcon />
      <div className="field__row">
        <Input className="field__input" spellCheck={false} autoCapitalize="none" />
        {/* One fixed label with a pressed state (aria-pressed): changing the words as well would say it twice. */}
        <ToggleButton
          isSelected={visible}
          onChange={setVisible}
          className="button button--quiet field__toggle"
        >
          {t('common.showPassword')}
        </ToggleButton>
      </div>
    </AriaTextField>
  );
}
