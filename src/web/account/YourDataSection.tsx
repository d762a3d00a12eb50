import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { rightsApi } from '#contracts/api-rights';
import { pathFor } from '#contracts/endpoint';
import { call } from '../api/client';
import { useForgetSignedIn } from '../auth/useSignedIn';
import { ApiForm, type FormValues } from '../forms/ApiForm';
import { useNavigate } from '../shell/navigation';
import { useToast } from '../shell/Toaster';
import { Button } from '../ui/Button';
import { TextField } from '../ui/TextField';

const deleteFields = ['password', 'confirm'] as const;

/**
 * RIGHTS-WEB-1: "Your data" on the account page: download everything (RIGHTS-EXPORT-1), and delete the account with
 * the password and the word DELETE, after a summary of what happens (RIGHTS-DELETE-1..3).
 */
export function YourDataSection() {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const forgetSignedIn = useForgetSignedIn();
  const remove = useMutation({
    mutationFn: (values: FormValues) =>
      call('deleteMyAccount', { body: { password: values.password ?? '', confirm: values.confirm ?? '' } }),
    onSuccess: () => {
      forgetSignedIn();
      toast(t('account.data.deleted'), 'info');
      navigate('/sign-in', { replace: true });
    },
  });

  return (
    <>
      <section className="section" aria-labelledby="account-data">
        <h2 id="account-data" className="section__title">
          {t('account.data.title')}
        </h2>
        <p>{t('account.data.intro')}</p>
        <p className="muted">{t('account.data.formats')}</p>
        <div className="actions">
          <a className="button button--secondary" href={pathFor(rightsApi.myDataExport.path)} download>
            {t('account.data.download')}
          </a>
        </div>
      </section>
      <section className="section" aria-labelledby="account-delete">
        <h2 id="account-delete" className="section__title">
          {t('account.data.deleteTitle')}
        </h2>
        <p>{t('account.data.deleteIntro')}</p>
        <ul>
          <li>{t('account.data.deleteShared')}</li>
          <li>{t('account.data.deletePrivate')}</li>
          <li>{t('account.data.deleteAccess')}</li>
          <li>{t('account.data.deleteName')}</li>
        </ul>
        <p>{t('account.data.deleteDownloadFirst')}</p>
        <ApiForm
          fieldNames={deleteFields}
          error={remove.error}
          onValues={(values) => {
            remove.mutate(values);
          }}
        >
          <TextField
            name="password"
            type="password"
            label={t('account.data.password')}
            description={t('account.data.passwordHint')}
            autoComplete="current-password"
            isRequired
          />
          <TextField
            name="confirm"
            label={t('account.data.confirm')}
            description={t('account.data.confirmHint')}
            autoComplete="off"
            isRequired
          />
          <div className="form__actions">
            <Button type="submit" variant="danger" isPending={remove.isPending}>
              {t('account.data.deleteButton')}
            </Button>
          </div>
        </ApiForm>
      </section>
    </>
  );
}
