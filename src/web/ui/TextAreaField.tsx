import type { ChangeEvent } from 'react';
import { FieldNotes, useField } from './fieldErrors';

interface TextAreaCommon {
  label: string;
  description?: string;
  maxLength: number;
  rows?: number;
  name?: string;
  isRequired?: boolean;
  hideLabel?: boolean;
  autoFocus?: boolean;
}

/**
 * Controlled (`value` + `onChange`: the live meeting's drafts, editors) or read by its form through `name`
 * (`defaultValue`: dialogs that submit a FormData).
 */
export type TextAreaFieldProps = TextAreaCommon &
  (
    | { value: string; onChange: (value: string) => void; defaultValue?: never }
    | { defaultValue?: string; value?: never; onChange?: never; name: string }
  );

/** A labelled multi-line field in the app's look (label, hint, error, then the box), on a native `<textarea>`. */
export function TextAreaField(props: TextAreaFieldProps) {
  const { label, description, maxLength, rows = 3, name, isRequired, hideLabel, autoFocus } = props;
  const field = useField({ name, hasHint: Boolean(description) });
  const onChange = props.onChange;
  return (
    <div className="field">
      <label htmlFor={field.id} className={hideLabel ? 'visually-hidden' : 'field__label'}>
        {label}
      </label>
      <FieldNotes field={field} description={description} />
      <textarea
        {...field.controlProps}
        name={name}
        className="field__input field__textarea"
        rows={rows}
        {...(onChange
          ? {
              value: props.value,
              onChange: (event: ChangeEvent<HTMLTextAreaElement>) => {
                onChange(event.target.value);
              },
            }
          : { defaultValue: props.defaultValue ?? '' })}
        maxLength={maxLength}
        // A form read through FormData reports a missing answer with the form's own errors (aria-required); a
        // controlled field lets the browser say it (required).
        required={onChange ? isRequired : undefined}
        aria-required={!onChange && isRequired ? true : undefined}
        autoFocus={autoFocus}
        data-autofocus={autoFocus || undefined}
      />
    </div>
  );
}
