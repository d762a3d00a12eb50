import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '#contracts/common';
import { Button } from '../ui/Button';
import { FormAlert } from '../ui/FormAlert';
import { PasswordField, TextField } from '../ui/TextField';

/** "Your name" as every sign-up form asks it (setup, invitation, join code). */
export function YourNameField() {
  const { t } = useTranslation();
  return (
    <TextField
      name="name"
      label={t('fields.yourName')}
      description={t('fields.nameHint')}
      isRequired
      autoComplete="name"
    />
  );
}

/** A password being chosen (sign-up or reset), with the length rule said up front. */
export function NewPasswordField({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <PasswordField
      name="password"
      label={label ?? t('fields.password')}
      description={t('fields.passwordHint', { min: PASSWORD_MIN_LENGTH })}
      isRequired
      autoComplete="new-password"
    />
  );
}

/** Someone already signed in confirms with one button (accept an invitation, join with a code). */
export function SignedInAction({
  message,
  label,
  error,
  isPending,
  onPress,
}: {
  message: ReactNode;
  label: string;
  error: string | null;
  isPending: boolean;
  onPress: () => void;
}) {
  return (
    <div className="stack">
      <p>{message}</p>
      {error ? <FormAlert messages={[error]} /> : null}
      <div>
        <Button variant="primary" onPress={onPress} isPending={isPending}>
          {label}
        </Button>
      </div>
    </div>
  );
}
