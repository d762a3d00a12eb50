import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useSearchParams } from '../shell/navigation';
import { NewPasswordField } from '../forms/AccountFields';
import { call } from '../api/client';
import { ApiForm, type FormValues } from '../forms/ApiForm';
import { Button, ButtonLink } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { useForgetSignedIn } from './useSignedIn';
import './i18n';

const fieldNames = ['password'] as const;

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const forgetSignedIn = useForgetSignedIn();

  const reset = useMutation({
    mutationFn: (values: FormValues) =>
      call('completePasswordReset', { body: { token, password: values.password ?? '' } }),
    // The server ends every session, this browser's included.
    onSuccess: () => {
      forgetSignedIn();
    },
  });

  if (!token) {
    return (
      <Page title={t('resetPassword.title')} width="narrow">
        <Notice tone="info">
          <p>{t('resetPassword.missingToken')}</p>
        </Notice>
        <p className="page__aside">
          <Link to="/forgot-password">{t('resetPassword.askAgain')}</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page
      title={t('resetPassword.title')}
      intro={reset.isSuccess ? undefined : <p>{t('resetPassword.intro')}</p>}
      width="narrow"
    >
      {reset.isSuccess ? (
        <div className="stack">
          <Notice tone="success" role="status">
            <p>{t('resetPassword.done')}</p>
          </Notice>
          <ButtonLink to="/sign-in" variant="primary">
            {t('common.signIn')}
          </ButtonLink>
        </div>
      ) : (
        <>
          <ApiForm
            fieldNames={fieldNames}
            error={reset.error}
            otherProblemsMessage={t('resetPassword.invalidLink')}
            onValues={(values) => {
              reset.mutate(values);
            }}
          >
            <NewPasswordField label={t('fields.newPassword')} />
            <div className="form__actions">
              <Button type="submit" variant="primary" isPending={reset.isPending}>
                {t('resetPassword.submit')}
              </Button>
            </div>
          </ApiForm>
          <p className="page__aside">
            <Link to="/forgot-password">{t('resetPassword.askAgain')}</Link>
          </p>
        </>
      )}
    </Page>
  );
}
