import { useId } from 'react';
import { classNames } from './classNames';

export interface ToggleSwitchProps {
  label: string;
  description?: string;
  isSelected: boolean;
  onChange: (selected: boolean) => void;
  isDisabled?: boolean;
  className?: string;
}

/**
 * An on/off setting: a native checkbox with `role="switch"` (Space toggles it, screen readers say "on"/"off").
 * The label says what is on; the track and thumb only echo it.
 */
export function ToggleSwitch({
  label,
  description,
  isSelected,
  onChange,
  isDisabled = false,
  className,
}: ToggleSwitchProps) {
  const hintId = useId();
  return (
    <div className={classNames('switch-field', className)}>
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          className="switch__input"
          checked={isSelected}
          disabled={isDisabled}
          {...(description ? { 'aria-describedby': hintId } : {})}
          onChange={(event) => {
            const input = event.currentTarget;
            onChange(input.checked);
            // The switch shows what its owner says: Preact re-applies `checked` only when it renders again, so
            // a refused or queued change would stay flipped. An accepted one comes with the owner's next render.
            input.checked = isSelected;
          }}
        />
        <span className="switch__track" aria-hidden="true">
          <span className="switch__thumb" />
        </span>
        <span className="switch__label">{label}</span>
      </label>
      {description ? (
        <p id={hintId} className="field__hint switch-field__hint">
          {description}
        </p>
      ) : null}
    </div>
  );
}
