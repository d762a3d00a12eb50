import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from '../shell/navigation';
import { call } from '../api/client';
import { useRememberSignedIn } from '../auth/useSignedIn';
import { ApiForm } from '../forms/ApiForm';
import { useToast } from '../shell/Toaster';
import { useLandOnGroup } from '../teams/useLandOnGroup';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import './i18n';

const noFields: readonly string[] = [];

/**
 * /join/confirm?token=… — the emailed link of a join-code sign-up (TRUST-ID-1). Like email verification, it
 * confirms on a button press, not on load: mail scanners open links, and the token should be spent on purpose.
 */
export function JoinConfirmPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const rememberSignedIn = useRememberSignedIn();
  const landOnGroup = useLandOnGroup();
  const toast = useToast();

  const confirm = useMutation({
    mutationFn: () => call('confirmSignUp', { body: { token } }),
    onSuccess: async ({ groupId, groupName, ...me }) => {
      rememberSignedIn(me);
      toast(t('join.joined', { name: groupName }));
      await landOnGroup({ groupId, groupName });
    },
  });

  return (
    <Page
      title={t('join.confirmTitle')}
      intro={token ? <p>{t('join.confirmIntro')}</p> : undefined}
      width="narrow"
    >
      {!token ? (
        <Notice tone="info">
          <p>{t('join.confirmMissing')}</p>
        </Notice>
      ) : (
        <ApiForm
          fieldNames={noFields}
          error={confirm.error}
          otherProblemsMessage={t('join.confirmInvalid')}
          onValues={() => {
            confirm.mutate();
          }}
        >
          <div className="form__actions">
            <Button type="submit" variant="primary" isPending={confirm.isPending}>
              {t('join.confirmSubmit')}
            </Button>
          </div>
        </ApiForm>
      )}
    </Page>
  );
}
