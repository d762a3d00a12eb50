import { FieldErrorText, useField } from './fieldErrors';
import { Icon } from './Icon';
import { classNames } from './classNames';

export interface CheckboxOption {
  value: string;
  label: string;
}

export interface CheckboxGroupFieldProps {
  label: string;
  /** Each checked box is sent under this name; a form's error for it is shown above the boxes. */
  name?: string;
  options: readonly CheckboxOption[];
  value: readonly string[];
  onChange: (values: string[]) => void;
  className?: string;
  /** The class of the boxes' container (its layout). */
  optionsClassName?: string;
}

/** Native checkboxes in a `<fieldset>` named by its `<legend>`; the form's error describes the group. */
export function CheckboxGroupField({
  label,
  name,
  options,
  value,
  onChange,
  className,
  optionsClassName,
}: CheckboxGroupFieldProps) {
  const field = useField({ name, hasHint: false });
  return (
    <fieldset
      id={field.id}
      {...(field.errors.length > 0 ? { 'aria-describedby': field.errorId } : {})}
      className={classNames('field', className)}
    >
      <legend className="field__label">{label}</legend>
      <FieldErrorText id={field.errorId} errors={field.errors} />
      <div className={optionsClassName}>
        {options.map((option) => (
          <label key={option.value} className="checkbox">
            <input
              type="checkbox"
              className="checkbox__input"
              name={name}
              value={option.value}
              checked={value.includes(option.value)}
              {...(field.errors.length > 0 ? { 'aria-invalid': true } : {})}
              onChange={(event) => {
                const checked = event.target.checked;
                onChange(
                  checked ? [...value, option.value] : value.filter((chosen) => chosen !== option.value),
                );
              }}
            />
            <span className="checkbox__box" aria-hidden="true">
              <Icon name="check" className="icon checkbox__check" />
            </span>
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
