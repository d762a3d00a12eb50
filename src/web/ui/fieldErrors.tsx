import { createContext, use, useId, type ReactNode } from 'react';
import { Icon } from './Icon';

/** Messages for a form's fields, by the field's `name` (the server's 400 `fields`, or the editor's own checks). */
export type FieldErrors = Readonly<Record<string, string | readonly string[]>>;

const FieldErrorsContext = createContext<FieldErrors>({});

/** Gives the fields inside their messages by `name` (ApiForm, the routine editor). */
export function FieldErrorsProvider({ errors, children }: { errors: FieldErrors; children: ReactNode }) {
  return <FieldErrorsContext value={errors}>{children}</FieldErrorsContext>;
}

function messagesFor(errors: FieldErrors, name: string | undefined): readonly string[] {
  if (!name) return [];
  const found = errors[name];
  if (found === undefined) return [];
  return typeof found === 'string' ? [found] : found;
}

export interface FieldWiring {
  /** The control's id, for `<label htmlFor>`. */
  id: string;
  hintId: string;
  errorId: string;
  /** What is wrong with the field now; empty when nothing is. */
  errors: readonly string[];
  /** The attributes the control carries: its id, the hint and the error it is described by, `aria-invalid`. */
  controlProps: {
    id: string;
    'aria-describedby'?: string;
    'aria-invalid'?: true;
  };
}

/**
 * The ids and states one labelled field shares between its label, hint, error and control: the hint and the
 * error are tied to the control by `aria-describedby`, and a field with an error is `aria-invalid`.
 */
export function useField({
  id,
  name,
  hasHint,
  errorMessage,
}: {
  id?: string | undefined;
  name?: string | undefined;
  hasHint: boolean;
  /** An error of the field's own (outside a form's errors). */
  errorMessage?: string | undefined;
}): FieldWiring {
  const ownId = useId();
  const controlId = id ?? `field${ownId}`;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const fromForm = messagesFor(use(FieldErrorsContext), name);
  const errors = errorMessage ? [errorMessage, ...fromForm] : fromForm;
  const describedBy = [hasHint ? hintId : null, errors.length > 0 ? errorId : null].filter(Boolean).join(' ');
  return {
    id: controlId,
    hintId,
    errorId,
    errors,
    controlProps: {
      id: controlId,
      ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      ...(errors.length > 0 ? { 'aria-invalid': true as const } : {}),
    },
  };
}

/** A field's error under its label, with an icon so that the colour is not the only sign. */
export function FieldErrorText({ id, errors }: { id: string; errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <p id={id} className="field__error">
      <Icon name="alert" />
      <span>{errors.join(' ')}</span>
    </p>
  );
}

/**
 * What a field says between its label and its control: the hint (when it has one), then the error. Every labelled
 * widget in ui/ uses it, so their ids and order stay the same as `useField` wires them.
 */
export function FieldNotes({ field, description }: { field: FieldWiring; description?: string | undefined }) {
  return (
    <>
      {description ? (
        <p id={field.hintId} className="field__hint">
          {description}
        </p>
      ) : null}
      <FieldErrorText id={field.errorId} errors={field.errors} />
    </>
  );
}
