import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { SelectField, type SelectFieldProps } from './SelectField';

export interface RoleSelectProps extends Omit<
  SelectFieldProps,
  'id' | 'value' | 'defaultValue' | 'onChange' | 'isDisabled' | 'placeholder'
> {
  /** The saved value. */
  value: string;
  /** Saves a choice; the owner says in a toast what went wrong (the choice then stays, to save again). */
  onCommit: (value: string) => Promise<unknown>;
}

/**
 * A select whose change is saved deliberately (a role, WEB-FORM-7): choosing only changes the choice, and a
 * Save button beside it (or Enter in the select) saves it. Arrow keys on a closed select fire `change` at each
 * step in Chrome, so a role saved on `change` would pass through every option on the way. While it saves,
 * the select keeps focus and stays enabled (choices are ignored) and Save is pending; then focus is on the
 * select. Its own module, so pages without roles (the meeting device) do not carry it.
 */
export function RoleSelect({ value, onCommit, ...props }: RoleSelectProps) {
  const { t } = useTranslation();
  const id = `role${useId()}`;
  const saveId = `${id}-save`;
  // The choice not saved yet (null: none), and whether saving it is on its way.
  const [draft, setDraft] = useState<string | null>(null);
  const [committing, setCommitting] = useState(false);
  const dirty = draft !== null && draft !== value;

  const commit = async () => {
    if (!dirty || committing) return;
    setCommitting(true);
    try {
      await onCommit(draft);
      setDraft(null);
    } catch {
      // The owner said what went wrong; the choice stays.
    } finally {
      setCommitting(false);
      // Save is about to go (nothing left to save): the select keeps the person's place.
      const active = document.activeElement;
      if (!active || active === document.body || active.id === saveId) document.getElementById(id)?.focus();
    }
  };

  return (
    <div className="select-row">
      <SelectField
        {...props}
        id={id}
        value={draft ?? value}
        onChange={(chosen) => {
          if (!committing) setDraft(chosen);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && dirty) {
            event.preventDefault();
            void commit();
          }
        }}
      />
      {dirty || committing ? (
        <Button
          id={saveId}
          variant="primary"
          aria-labelledby={`${saveId} ${id}-label`}
          isPending={committing}
          onPress={() => void commit()}
        >
          {t('common.save')}
        </Button>
      ) : null}
    </div>
  );
}
