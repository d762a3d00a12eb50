import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { call } from '../api/client';
import { ApiForm, type FormValues } from '../forms/ApiForm';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { TextField } from '../ui/TextField';
import './i18n';

const fieldNames = ['email'] as const;

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useMutation({
    mutationFn: async (values: FormValues) => {
      const email = values.email ?? '';
      await call('requestPasswordReset', { body: { email } });
      return email.trim();
    },
  });

  return (
    <Page title={t('forgotPassword.title')} intro={<p>{t('forgotPassword.intro')}</p>} width="narrow">
      {request.isSuccess ? (
        // The server answers the same whether or not the email exists; so do we.
        <Notice tone="success" title={t('forgotPassword.sentTitle')} role="status">
          <p>{t('forgotPassword.sent', { email: request.data })}</p>
        </Notice>
      ) : (
        <ApiForm
          fieldNames={fieldNames}
          error={request.error}
          onValues={(values) => {
            request.mutate(values);
          }}
        >
          <TextField name="email" type="email" label={t('fields.email')} isRequired autoComplete="email" />
          <div className="form__actions">
            <Button type="submit" variant="primary" isPending={request.isPending}>
              {t('forgotPassword.submit')}
            </Button>
          </div>
        </ApiForm>
      )}
      <p className="page__aside">
        <Link to="/sign-in">{t('forgotPassword.backToSignIn')}</Link>
      </p>
    </Page>
  );
}
