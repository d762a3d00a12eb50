import { useEffect, useMemo, useRef, useState, type FormHTMLAttributes, type ReactNode } from 'react';
import { isApiRequestError } from '../api/client';
import { useDescribeError } from '../api/describeError';
import { FieldErrorsProvider } from '../ui/fieldErrors';
import { FormAlert } from '../ui/FormAlert';
import { classNames } from '../ui/classNames';

export type FormValues = Record<string, string>;

const NO_ERRORS = {};

export interface ApiFormProps extends Omit<
  FormHTMLAttributes<HTMLFormElement>,
  'onSubmit' | 'className' | 'children'
> {
  /** The `name`s of this form's fields: errors for other paths are shown in the form's alert instead. */
  fieldNames: readonly string[];
  /** The latest failure of the submit (a mutation's `error`); `null` when none. */
  error: unknown;
  onValues: (values: FormValues) => void;
  /** The request is on its way: a further submit (Enter in a field, a second press) is ignored. */
  isPending?: boolean;
  /** Said instead of the raw messages when a problem concerns something that is not a field (e.g. a link's token). */
  otherProblemsMessage?: string;
  className?: string;
  children: ReactNode;
}

/**
 * A form that submits its values and shows what went wrong:
 * - a 400 with `fields` puts each message next to its field (`aria-invalid`, `aria-describedby`)
 *   and moves focus to the first one, so keyboard and screen-reader users land where the fix is;
 * - anything else (403, 404, 409, 429, network) becomes one sentence in an alert at the top.
 * The client checks the contract's body schema before sending, so both cases look the same.
 * The browser's own checks (`required`) are off (`noValidate`): the server's messages say it in our words.
 */
export function ApiForm({
  fieldNames,
  error,
  onValues,
  isPending = false,
  otherProblemsMessage,
  className,
  children,
  ...props
}: ApiFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const describe = useDescribeError();

  const { fieldErrors, alertMessages } = useMemo(() => {
    if (!error) return { fieldErrors: undefined, alertMessages: [] as string[] };
    if (isApiRequestError(error) && error.status === 400 && error.fields.length > 0) {
      const byField: Record<string, string[]> = {};
      const elsewhere: string[] = [];
      for (const problem of error.fields) {
        if (fieldNames.includes(problem.path)) (byField[problem.path] ??= []).push(problem.message);
        else elsewhere.push(problem.message);
      }
      const alertMessages = elsewhere.length > 0 && otherProblemsMessage ? [otherProblemsMessage] : elsewhere;
      return { fieldErrors: byField, alertMessages };
    }
    return { fieldErrors: undefined, alertMessages: [describe(error)] };
  }, [error, fieldNames, describe, otherProblemsMessage]);

  // A field's message goes away as soon as the person types in it (not on the field's blur, which is the
  // mousedown on "Submit": the layout would shift under the pointer and the click would be lost). `cleared` belongs to one error; a new error starts with nothing cleared.
  const [cleared, setCleared] = useState<{ error: unknown; names: readonly string[] }>({
    error: null,
    names: [],
  });
  const visibleFieldErrors = useMemo(() => {
    if (!fieldErrors || cleared.error !== error) return fieldErrors;
    return Object.fromEntries(Object.entries(fieldErrors).filter(([name]) => !cleared.names.includes(name)));
  }, [fieldErrors, cleared, error]);

  const clear = (target: EventTarget) => {
    const name = (target as Partial<HTMLInputElement>).name;
    if (!name || !visibleFieldErrors?.[name]) return;
    const names = cleared.error === error ? cleared.names : [];
    setCleared({ error, names: [...names, name] });
  };

  useEffect(() => {
    if (!fieldErrors) return;
    // Fields render the error in the same commit, so the first invalid control is in the DOM now.
    const firstInvalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    // A group of radios is invalid as a whole: its chosen radio (else its first) takes the focus.
    const control =
      firstInvalid instanceof HTMLFieldSetElement
        ? (firstInvalid.querySelector<HTMLElement>('input:checked') ?? firstInvalid.querySelector('input'))
        : firstInvalid;
    control?.focus();
  }, [fieldErrors]);

  return (
    <form
      {...props}
      ref={formRef}
      noValidate
      className={classNames('form', className)}
      onSubmit={(event) => {
        event.preventDefault();
        // On its way already (said by the owner, or by its pending submit button, DAY-A11Y-1): once is enough.
        if (isPending || event.currentTarget.querySelector('[type="submit"][data-pending]')) return;
        const values: FormValues = {};
        for (const [name, value] of new FormData(event.currentTarget)) {
          if (typeof value === 'string') values[name] = value;
        }
        onValues(values);
      }}
    >
      {alertMessages.length > 0 ? <FormAlert messages={alertMessages} /> : null}
      <FieldErrorsProvider errors={visibleFieldErrors ?? NO_ERRORS}>
        {/* display: contents; only here to hear `input` and `change` events bubble up from the fields. */}
        <div
          className="form__fields"
          onInput={(event) => {
            if (!isChoice(event.target)) clear(event.target);
          }}
          // A radio, checkbox or select is cleared on `change`, after its own handler: cleared on `input`, the
          // render between the two events would put a controlled choice back before its owner heard of it, and
          // the first choice after an error would be lost (MEASURE-WEB-1).
          onChange={(event) => {
            if (isChoice(event.target)) clear(event.target);
          }}
        >
          {children}
        </div>
      </FieldErrorsProvider>
    </form>
  );
}

/** A control chosen rather than typed in: it says what changed with `change`. */
function isChoice(target: EventTarget): boolean {
  return (
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && (target.type === 'radio' || target.type === 'checkbox'))
  );
}
