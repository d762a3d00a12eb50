import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useNavigate, useSearchParams } from '../shell/navigation';
import type { Me } from '#contracts/auth';
import { call } from '../api/client';
import { DemoBanner, DemoPeople } from '../demo/DemoPeople';
import { ApiForm, type FormValues } from '../forms/ApiForm';
import { safeNextPath } from '../shell/session';
import { Button } from '../ui/Button';
import { Page } from '../ui/Page';
import { RadioGroupField } from '../ui/RadioGroupField';
import { PasswordField, TextField } from '../ui/TextField';
import { useRememberSignedIn } from './useSignedIn';
import './sign-in-i18n';

const fieldNames = ['email', 'password', 'keepSignedIn'] as const;

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const rememberSignedIn = useRememberSignedIn();

  const signedIn = (me: Me) => {
    rememberSignedIn(me);
    navigate(next, { replace: true });
  };

  const signIn = useMutation({
    mutationFn: (values: FormValues) =>
      call('signIn', {
        body: {
          email: values.email ?? '',
          password: values.password ?? '',
          // TRUST-DEVICE-WEB-3: a shared device (browser-session cookie, idle timeout) unless the person says otherwise.
          keepSignedIn: values.device === 'keep',
        },
      }),
    onSuccess: signedIn,
  });

  return (
    <Page title={t('signIn.title')} intro={<p>{t('signIn.intro')}</p>} width="narrow">
      {/* DAY-DEMO-1: on a demo server only, a line that says so; the people to try it as follow the form
          (DAY-PERF-4: on a phone the form stays on the first screen, and nothing above it moves). */}
      <DemoBanner />
      <ApiForm
        fieldNames={fieldNames}
        error={signIn.error}
        onValues={(values) => {
          signIn.mutate(values);
        }}
      >
        <TextField name="email" type="email" label={t('fields.email')} isRequired autoComplete="username" />
        <PasswordField
          name="password"
          label={t('fields.password')}
          isRequired
          autoComplete="current-password"
        />
        <RadioGroupField
          name="device"
          label={t('signIn.device')}
          defaultValue="shared"
          options={[
            { value: 'shared', label: t('signIn.sharedDevice'), description: t('signIn.sharedDeviceHint') },
            { value: 'keep', label: t('signIn.keepSignedIn'), description: t('signIn.keepSignedInHint') },
          ]}
        />
        <div className="form__actions">
          <Button type="submit" variant="primary" isPending={signIn.isPending}>
            {t('signIn.submit')}
          </Button>
          <Link to="/forgot-password">{t('signIn.forgot')}</Link>
        </div>
      </ApiForm>
      <p className="page__aside">
        <Link to="/sign-in/sso">{t('signIn.schoolAccount')}</Link>
      </p>
      <p className="page__aside">
        {t('signIn.haveCode')} <Link to="/join">{t('signIn.joinLink')}</Link>
      </p>
      <DemoPeople onSignedIn={signedIn} />
    </Page>
  );
}
