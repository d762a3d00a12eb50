import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from '../shell/navigation';
import { call } from '../api/client';
import { queryKeys } from '../api/queries';
import { ApiForm } from '../forms/ApiForm';
import { Button, ButtonLink } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import './i18n';

const noFields: readonly string[] = [];

/**
 * Confirms on a button press rather than on page load: mail scanners and link previews open links,
 * and a one-time token should be spent by the person, on purpose.
 */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const queryClient = useQueryClient();

  const verify = useMutation({
    mutationFn: () => call('completeEmailVerification', { body: { token } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.me }),
  });

  return (
    <Page
      title={t('verifyEmail.title')}
      intro={token && !verify.isSuccess ? <p>{t('verifyEmail.intro')}</p> : undefined}
      width="narrow"
    >
      {!token ? (
        <Notice tone="info">
          <p>{t('verifyEmail.missingToken')}</p>
        </Notice>
      ) : verify.isSuccess ? (
        <div className="stack">
          <Notice tone="success" role="status">
            <p>{t('verifyEmail.done')}</p>
          </Notice>
          <ButtonLink to="/" variant="primary">
            {t('verifyEmail.continue')}
          </ButtonLink>
        </div>
      ) : (
        <ApiForm
          fieldNames={noFields}
          error={verify.error}
          otherProblemsMessage={t('verifyEmail.invalidLink')}
          onValues={() => {
            verify.mutate();
          }}
        >
          <div className="form__actions">
            <Button type="submit" variant="primary" isPending={verify.isPending}>
              {t('verifyEmail.submit')}
            </Button>
          </div>
        </ApiForm>
      )}
    </Page>
  );
}
