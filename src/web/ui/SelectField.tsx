import { useRef, useState, type SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { Icon } from './Icon';
import { FieldErrorText, useField } from './fieldErrors';
import { classNames } from './classNames';

export interface SelectOption {
  id: string;
  label: string;
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
  /**
   * Makes a change deliberate (a role): choosing only changes what the select shows, and a Save button beside
   * it (or Enter in the select) calls this with the choice. Arrow keys on a closed select fire `change` at
   * each step in Chrome, so a setting that saved on `change` would pass through every option on the way.
   * While it runs the select stays enabled and focused (changes are ignored) and Save is pending; then focus
   * returns to the select. `value` is the saved value.
   */
  onCommit?: (value: string) => Promise<unknown>;
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
  onCommit,
  placeholder,
  isRequired,
  isDisabled,
  errorMessage,
  compact,
  ...selectProps
}: SelectFieldProps) {
  const { t } = useTranslation();
  const field = useField({ id, name, hasHint: Boolean(description), errorMessage });
  const selectRef = useRef<HTMLSelectElement>(null);
  const labelId = `${field.id}-label`;
  const saveId = `${field.id}-save`;
  // With `onCommit`: the choice not saved yet (null: none), and whether saving it is on its way.
  const [draft, setDraft] = useState<string | null>(null);
  const [committing, setCommitting] = useState(false);
  const shown = onCommit && draft !== null ? draft : value;
  const dirty = onCommit !== undefined && draft !== null && draft !== (value ?? '');

  const commit = async () => {
    if (!onCommit || !dirty || committing) return;
    setCommitting(true);
    try {
      await onCommit(draft);
      setDraft(null);
    } catch {
      // The owner said what went wrong (a toast); the choice stays, to save again.
    } finally {
      setCommitting(false);
      // Save is about to go (nothing left to save): the select keeps the person's place.
      const active = document.activeElement;
      if (!active || active === document.body || active.id === saveId) selectRef.current?.focus();
    }
  };

  // An empty first choice only while nothing is chosen yet (or the field says what to choose).
  const empty = placeholder !== undefined || shown === null || (shown === undefined && defaultValue === null);
  // Nothing chosen and a placeholder: the placeholder is what shows (never silently the first real option).
  const initial =
    defaultValue !== undefined ? (defaultValue ?? '') : shown === undefined && empty ? '' : undefined;
  const select = (
    <div className="select">
      <select
        {...selectProps}
        {...field.controlProps}
        ref={selectRef}
        name={name}
        className="select__control"
        {...(shown !== undefined ? { value: shown ?? '' } : {})}
        {...(initial !== undefined ? { defaultValue: initial } : {})}
        required={isRequired}
        disabled={isDisabled}
        onChange={(event) => {
          const control = event.currentTarget;
          const chosen = control.value;
          if (onCommit) {
            // Only what the select shows changes; nothing while a choice is being saved.
            if (committing || chosen === '') control.value = shown ?? '';
            else setDraft(chosen);
            return;
          }
          if (chosen !== '') onChange?.(chosen);
          // A controlled select shows what its owner says (Preact re-applies `value` only on a render):
          // a refused choice goes back, and an accepted one comes with the owner's next render.
          if (shown !== undefined) control.value = shown ?? '';
        }}
        onKeyDown={(event) => {
          if (onCommit && event.key === 'Enter' && dirty) {
            event.preventDefault();
            void commit();
          }
        }}
      >
        {empty ? (
          <option value="" disabled={isRequired}>
            {placeholder ?? ''}
          </option>
        ) : null}
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
      <Icon name="chevronDown" className="icon select__chevron" />
    </div>
  );

  return (
    <div className={classNames('field', compact && 'field--compact')}>
      <label id={labelId} htmlFor={field.id} className={hideLabel ? 'visually-hidden' : 'field__label'}>
        {label}
      </label>
      {hideLabel && caption ? (
        <span className="field__caption" aria-hidden="true">
          {caption}
        </span>
      ) : null}
      {description ? (
        <p id={field.hintId} className="field__hint">
          {description}
        </p>
      ) : null}
      <FieldErrorText id={field.errorId} errors={field.errors} />
      {onCommit ? (
        <div className="select-row">
          {select}
          {dirty || committing ? (
            <Button
              id={saveId}
              variant="primary"
              className="select-row__save"
              aria-labelledby={`${saveId} ${labelId}`}
              isPending={committing}
              onPress={() => void commit()}
            >
              {t('common.save')}
            </Button>
          ) : null}
        </div>
      ) : (
        select
      )}
    </div>
  );
}
