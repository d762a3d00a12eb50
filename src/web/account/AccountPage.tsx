import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../shell/navigation';
import { useCurrentNetwork } from '../shell/space';
import { useLeaveNetworkSpace } from '../shell/network-frame';
import { call } from '../api/client';
import { useDescribeError } from '../api/describeError';
import { queryKeys } from '../api/queries';
import { useForgetSignedIn } from '../auth/useSignedIn';
import { ApiForm, type FormValues } from '../forms/ApiForm';
import { useSignedInUser } from '../shell/session';
import { useToast } from '../shell/Toaster';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { FormAlert } from '../ui/FormAlert';
import { Page } from '../ui/Page';
import { StatusBadge } from '../ui/StatusBadge';
import { TextField } from '../ui/TextField';
import { ApiTokensSection } from './ApiTokensSection';
import { LanguageSection } from './LanguageSection';
import { YourDataSection } from './YourDataSection';
import './i18n';

const nameFields = ['name'] as const;

export function AccountPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const queryClient = useQueryClient();
  const toast = useToast();
  const navigate = useNavigate();
  const describe = useDescribeError();
  const forgetSignedIn = useForgetSignedIn();
  const inNetwork = useCurrentNetwork() !== null;
  const leaveNetwork = useLeaveNetworkSpace();

  const changeName = useMutation({
    mutationFn: (values: FormValues) => call('changeName', { body: { name: values.name ?? '' } }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.me, updated);
      toast(t('account.nameSaved'));
    },
  });
  const sendVerification = useMutation({
    mutationFn: () => call('requestEmailVerification'),
    onSuccess: () => {
      toast(t('account.verificationSent', { email: me.email }));
    },
  });
  const signedOut = () => {
    forgetSignedIn();
    toast(t('account.signedOut'), 'info');
    navigate('/sign-in', { replace: true });
  };
  const signOut = useMutation({ mutationFn: () => call('signOut'), onSuccess: signedOut });
  const signOutButton = (
    <Button
      variant="primary"
      onPress={() => {
        signOut.mutate();
      }}
      isPending={signOut.isPending}
    >
      {t('account.signOut')}
    </Button>
  );

  // NET-WEB-2: in a network the person acts as their member row there; the account itself is the district's.
  if (inNetwork)
    return (
      <Page title={t('account.title')} width="narrow">
        <p>{t('account.inNetwork', { network: me.districtName, name: me.name })}</p>
        <dl className="facts facts--first">
          <div className="facts__row">
            <dt>{t('account.networkEmail')}</dt>
            <dd>
              <span className="facts__value">{me.email}</span>
            </dd>
          </div>
        </dl>
        {signOut.error ? <FormAlert messages={[describe(signOut.error)]} /> : null}
        <div className="actions">
          <Button
            onPress={() => {
              leaveNetwork('/account');
            }}
          >
            {t('account.backToDistrict')}
          </Button>
          {signOutButton}
        </div>
      </Page>
    );

  return (
    <Page title={t('account.title')} width="narrow">
      <section className="section" aria-labelledby="account-profile">
        <h2 id="account-profile" className="section__title">
          {t('account.profile')}
        </h2>

        <dl className="facts facts--first">
          <div className="facts__row">
            <dt>{t('account.email')}</dt>
            <dd>
              <span className="facts__value">{me.email}</span>{' '}
              {me.emailVerified ? (
                <StatusBadge tone="positive">{t('account.verified')}</StatusBadge>
              ) : (
                <StatusBadge tone="attention">{t('account.notVerified')}</StatusBadge>
              )}
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('account.district')}</dt>
            <dd>{me.districtName}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('account.districtRole')}</dt>
            <dd>{t(`districtRole.${me.districtRole}`)}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('account.schools')}</dt>
            <dd>
              {me.schools.length === 0 ? (
                t('account.noSchools')
              ) : (
                <ul className="plain-list">
                  {me.schools.map((school) => (
                    <li key={school.schoolId}>
                      {school.schoolName}: {t(`schoolRole.${school.role}`)}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        </dl>
        {me.emailVerified ? null : (
          <div className="stack">
            <p className="muted">{t('account.verifyHint')}</p>
            {sendVerification.error ? <FormAlert messages={[describe(sendVerification.error)]} /> : null}
            <div>
              <Button
                onPress={() => {
                  sendVerification.mutate();
                }}
                isPending={sendVerification.isPending}
              >
                {t('account.sendVerification')}
              </Button>
            </div>
          </div>
        )}
        <ApiForm
          className="account__name-form"
          fieldNames={nameFields}
          error={changeName.error}
          onValues={(values) => {
            changeName.mutate(values);
          }}
        >
          <TextField
            name="name"
            label={t('fields.name')}
            description={t('fields.nameHint')}
            defaultValue={me.name}
            isRequired
            autoComplete="name"
          />
          <div className="form__actions">
            <Button type="submit" variant="primary" isPending={changeName.isPending}>
              {t('common.save')}
            </Button>
          </div>
        </ApiForm>
      </section>

      <LanguageSection />

      <section className="section" aria-labelledby="account-sessions">
        <h2 id="account-sessions" className="section__title">
          {t('account.sessions')}
        </h2>
        <p>{t('account.sessionsIntro')}</p>
        {signOut.error ? <FormAlert messages={[describe(signOut.error)]} /> : null}
        <div className="actions">
          {signOutButton}
          <ConfirmDialog
            trigger={t('account.signOutEverywhere')}
            triggerVariant="secondary"
            title={t('account.signOutEverywhereTitle')}
            body={<p>{t('account.signOutEverywhereBody')}</p>}
            confirmLabel={t('account.signOutEverywhere')}
            onConfirm={async () => {
              await call('signOutEverywhere');
              signedOut();
            }}
          />
        </div>
      </section>

      <ApiTokensSection />
      <YourDataSection />
    </Page>
  );
}
