import {
  Button as AriaButton,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Text,
  type Key,
  type SelectProps,
} from 'react-aria-components';
import { Icon } from './Icon';
import { FieldErrorWithIcon } from './TextField';
import { classNames } from './classNames';

export interface SelectOption {
  id: string;
  label: string;
}

export interface SelectFieldProps extends Omit<
  SelectProps<SelectOption>,
  'className' | 'children' | 'onChange' | 'value' | 'defaultValue'
> {
  label: string;
  /** Keep the label for assistive technology only (e.g. in a list row, where it names the person). */
  hideLabel?: boolean;
  /** A short visible caption for a hidden label ("Role" above "Role for Sam Okafor"); not read twice. */
  caption?: string;
  description?: string;
  options: readonly SelectOption[];
  value?: string | null;
  defaultValue?: string | null;
  onChange?: (value: string) => void;
  compact?: boolean;
}

export function SelectField({
  label,
  hideLabel,
  caption,
  description,
  options,
  value,
  defaultValue,
  onChange,
  compact,
  ...props
}: SelectFieldProps) {
  const handleChange = (key: Key | null) => {
    if (key !== null) onChange?.(String(key));
  };
  return (
    <Select
      {...props}
      {...(value !== undefined ? { value } : {})}
      {...(defaultValue !== undefined ? { defaultValue } : {})}
      onChange={handleChange}
      className={classNames('field', compact && 'field--compact')}
    >
      <Label className={hideLabel ? 'visually-hidden' : 'field__label'}>{label}</Label>
      {hideLabel && caption ? (
        <span className="field__caption" aria-hidden="true">
          {caption}
        </span>
      ) : null}
      {description ? (
        <Text slot="description" className="field__hint">
          {description}
        </Text>
      ) : null}
      <FieldErrorWithIcon />
      <AriaButton className="select__button">
        <SelectValue className="select__value" />
        <Icon name="chevronDown" className="icon select__chevron" />
      </AriaButton>
      <Popover className="select__popover">
        <ListBox items={options} className="select__list">
          {(option) => (
            <ListBoxItem id={option.id} textValue={option.label} className="select__option">
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
