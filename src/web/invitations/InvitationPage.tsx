import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from '#contracts/zod';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { NewPasswordField, SignedInAction, YourNameField } from '../forms/AccountFields';
import type { InvitationPreview } from '#contracts/org';
import { call } from '../api/client';
import { useDescribeError } from '../api/describeError';
import { queryKeys, useMe } from '../api/queries';
import { useForgetSignedIn, useRememberSignedIn } from '../auth/useSignedIn';
import { ApiForm, type FormValues } from '../forms/ApiForm';
import { useToast } from '../shell/Toaster';
import { useLandOnGroup } from '../teams/useLandOnGroup';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { LoadingState } from '../ui/States';
import { PasswordField, TextField } from '../ui/TextField';
import './i18n';

type Preview = z.infer<typeof InvitationPreview>;
const newAccountFields = ['name', 'password'] as const;
const signInFields = ['password'] as const;

/** /invite/:token — see who invited you to what, then accept (creating an account or signing in first). */
export function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const preview = useQuery({
    queryKey: queryKeys.invitationPreview(token),
    queryFn: ({ signal }) => call('previewInvitation', { params: { token }, signal }),
    retry: false,
  });

  if (preview.isPending) {
    return (
      <Page title={t('invitation.title')} width="narrow">
        <LoadingState />
      </Page>
    );
  }
  if (preview.isError) {
    return (
      <Page title={t('invitation.title')} width="narrow">
        <Notice tone="info" role="alert">
          <p>{t('invitation.invalid')}</p>
        </Notice>
        <p className="page__aside">
          <Link to="/sign-in">{t('common.signIn')}</Link>
        </p>
      </Page>
    );
  }
  return <InvitationDetails token={token} preview={preview.data} />;
}

function InvitationDetails({ token, preview }: { token: string; preview: Preview }) {
  const { t } = useTranslation();
  const me = useMe();
  const toast = useToast();
  const describe = useDescribeError();
  const landOnGroup = useLandOnGroup();
  const rememberSignedIn = useRememberSignedIn();
  const forgetSignedIn = useForgetSignedIn();

  const accepted = async () => {
    toast(
      preview.groupName
        ? t('invitation.accepted', { name: preview.groupName })
        : t('invitation.acceptedDistrict', { district: preview.districtName }),
    );
    await landOnGroup({ groupId: preview.groupId, groupName: preview.groupName });
  };

  // However it was accepted, the answer signs the person in.
  const signedInAndAccepted = async (signedIn: Parameters<typeof rememberSignedIn>[0]) => {
    rememberSignedIn(signedIn);
    await accepted();
  };
  const acceptNew = useMutation({
    mutationFn: (values: FormValues) =>
      call('acceptInvitation', {
        params: { token },
        body: { name: values.name ?? '', password: values.password ?? '' },
      }),
    onSuccess: signedInAndAccepted,
  });
  // An existing account proves itself with its password; the server signs it in as it accepts.
  const signInAndAccept = useMutation({
    mutationFn: (values: FormValues) =>
      call('acceptInvitation', { params: { token }, body: { password: values.password ?? '' } }),
    onSuccess: signedInAndAccepted,
  });
  const acceptAsMe = useMutation({
    mutationFn: () => call('acceptInvitation', { params: { token }, body: {} }),
    onSuccess: signedInAndAccepted,
  });
  const signOut = useMutation({ mutationFn: () => call('signOut'), onSuccess: forgetSignedIn });

  const title = preview.groupName
    ? t('invitation.titleFor', { group: preview.groupName })
    : t('invitation.title');
  const summary = preview.groupName
    ? t('invitation.summaryGroup', {
        inviter: preview.invitedBy,
        group: preview.groupName,
        district: preview.districtName,
      })
    : t('invitation.summaryDistrict', { inviter: preview.invitedBy, district: preview.districtName });

  const signedIn = me.data ?? null;
  let body;
  if (me.isPending) {
    body = <LoadingState />;
  } else if (signedIn && signedIn.email.toLowerCase() === preview.email.toLowerCase()) {
    body = (
      <SignedInAction
        message={t('invitation.signedInAs', { email: signedIn.email })}
        label={t('invitation.accept')}
        error={acceptAsMe.error ? describe(acceptAsMe.error) : null}
        isPending={acceptAsMe.isPending}
        onPress={() => {
          acceptAsMe.mutate();
        }}
      />
    );
  } else if (signedIn) {
    body = (
      <div className="stack">
        <Notice tone="info">
          <p>{t('invitation.wrongAccount', { signedIn: signedIn.email, invited: preview.email })}</p>
        </Notice>
        <div>
          <Button
            onPress={() => {
              signOut.mutate();
            }}
            isPending={signOut.isPending}
          >
            {t('invitation.signOut')}
          </Button>
        </div>
      </div>
    );
  } else if (preview.existingAccount) {
    body = (
      <>
        <p>{t('invitation.existingAccount')}</p>
        <ApiForm
          fieldNames={signInFields}
          error={signInAndAccept.error}
          onValues={(values) => {
            signInAndAccept.mutate(values);
          }}
        >
          <TextField
            name="email"
            type="email"
            label={t('fields.email')}
            value={preview.email}
            isReadOnly
            autoComplete="username"
          />
          <PasswordField
            name="password"
            label={t('fields.password')}
            isRequired
            autoComplete="current-password"
          />
          <div className="form__actions">
            <Button type="submit" variant="primary" isPending={signInAndAccept.isPending}>
              {t('invitation.signInAndAccept')}
            </Button>
            <Link to="/forgot-password">{t('invitation.forgot')}</Link>
          </div>
        </ApiForm>
      </>
    );
  } else {
    body = (
      <section className="section" aria-labelledby="new-account-heading">
        <h2 id="new-account-heading" className="section__title">
          {t('invitation.newAccount')}
        </h2>
        <p>{t('invitation.newAccountIntro')}</p>
        <ApiForm
          fieldNames={newAccountFields}
          error={acceptNew.error}
          onValues={(values) => {
            acceptNew.mutate(values);
          }}
        >
          <TextField
            name="email"
            type="email"
            label={t('fields.email')}
            value={preview.email}
            isReadOnly
            autoComplete="username"
          />
          <YourNameField />
          <NewPasswordField />
          <div className="form__actions">
            <Button type="submit" variant="primary" isPending={acceptNew.isPending}>
              {t('invitation.acceptAndCreate')}
            </Button>
          </div>
        </ApiForm>
      </section>
    );
  }

  return (
    <Page title={title} intro={<p>{summary}</p>} width="narrow">
      <p className="muted">{t('invitation.forEmail', { email: preview.email })}</p>
      {body}
    </Page>
  );
}
