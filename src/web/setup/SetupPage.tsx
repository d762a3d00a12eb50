import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../shell/navigation';
import { NewPasswordField, YourNameField } from '../forms/AccountFields';
import { call } from '../api/client';
import { queryKeys } from '../api/queries';
import { ApiForm, type FormValues } from '../forms/ApiForm';
import { useToast } from '../shell/Toaster';
import { Button } from '../ui/Button';
import { Page } from '../ui/Page';
import { TextField } from '../ui/TextField';
import { knownTimeZones } from '#contracts/time-zone';
import { browserTimeZone } from '../schedule/format';
import './i18n';

const fieldNames = ['districtName', 'name', 'email', 'password'] as const;

/** First run: create the district and its first administrator, then continue to Admin to add schools. */
export function SetupPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();

  const zone = browserTimeZone(knownTimeZones());
  const setup = useMutation({
    mutationFn: (values: FormValues) =>
      call('setup', {
        body: {
          districtName: values.districtName ?? '',
          name: values.name ?? '',
          email: values.email ?? '',
          password: values.password ?? '',
          // SERIES-TZ-1: the district's time zone starts as this browser's (admins change it later).
          ...(zone ? { timeZone: zone } : {}),
        },
      }),
    onSuccess: (me) => {
      queryClient.setQueryData(queryKeys.me, me);
      queryClient.setQueryData(queryKeys.setupStatus, { needsSetup: false });
      toast(t('setup.done'));
      // DAY-FIRST-1: straight on to the first team and meeting (Admin stays one link away).
      navigate('/first-steps', { replace: true });
    },
  });

  return (
    <Page title={t('setup.title')} intro={<p>{t('setup.intro')}</p>} width="narrow">
      <ApiForm
        fieldNames={fieldNames}
        error={setup.error}
        onValues={(values) => {
          setup.mutate(values);
        }}
        aria-label={t('setup.title')}
      >
        <TextField
          name="districtName"
          label={t('setup.districtName')}
          description={t('setup.districtHint')}
          isRequired
          autoComplete="organization"
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('setup.aboutYou')}</legend>
          <YourNameField />
          <TextField name="email" type="email" label={t('fields.email')} isRequired autoComplete="email" />
          <NewPasswordField />
        </fieldset>
        <div className="form__actions">
          <Button type="submit" variant="primary" isPending={setup.isPending}>
            {t('setup.submit')}
          </Button>
        </div>
      </ApiForm>
    </Page>
  );
}
