import {
  Label,
  RadioButton,
  RadioField,
  RadioGroup,
  Text,
  type RadioGroupProps,
} from 'react-aria-components';
import { FieldErrorWithIcon } from './TextField';

export interface RadioOption {
  value: string;
  label: string;
  description?: string;
}

export interface RadioGroupFieldProps extends Omit<RadioGroupProps, 'className' | 'children'> {
  label: string;
  description?: string;
  options: readonly RadioOption[];
}

export function RadioGroupField({ label, description, options, ...props }: RadioGroupFieldProps) {
  return (
    <RadioGroup {...props} className="field radio-group">
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__hint">
          {description}
        </Text>
      ) : null}
      <FieldErrorWithIcon />
      <div className="radio-group__options">
        {options.map((option) => (
          <RadioField key={option.value} value={option.value} className="radio">
            <RadioButton className="radio__button">
              <span className="radio__mark" aria-hidden="true" />
              <span className="radio__label">{option.label}</span>
            </RadioButton>
            {option.description ? (
              <Text slot="description" className="radio__description">
                {option.description}
              </Text>
            ) : null}
          </RadioField>
        ))}
      </div>
    </RadioGroup>
  );
}
