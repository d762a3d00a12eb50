import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { useNavigate } from '../shell/navigation';
import { NewPasswordField, SignedInAction, YourNameField } from '../forms/AccountFields';
import { JoinCode } from '#contracts/org';
import { ApiRequestError, call } from '../api/client';
import { useDescribeError } from '../api/describeError';
import { queryKeys, useMe } from '../api/queries';
import { ApiForm, type FormValues } from '../forms/ApiForm';
import { useToast } from '../shell/Toaster';
import { formatJoinCode } from '../teams/labels';
import { useLandOnGroup } from '../teams/useLandOnGroup';
import { Button, ButtonLink } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { LoadingState } from '../ui/States';
import { TextField } from '../ui/TextField';
import './i18n';

const codeFields = ['code'] as const;
const newAccountFields = ['name', 'email', 'password'] as const;

/** /join and /join/:code — enter a code, see what it is for, then join (creating an account if needed). */
export function JoinPage() {
  const { code } = useParams();
  if (!code) return <EnterCode />;
  // Links and people write codes loosely ("abcd-2345"); the server wants the canonical form.
  const normalized = JoinCode.safeParse(code);
  return <JoinWithCode code={normalized.success ? normalized.data : code} />;
}

function EnterCode() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [error, setError] = useState<ApiRequestError | null>(null);

  const submit = (values: FormValues) => {
    // Checked here with the contract's own rule, so a typo is caught before any request.
    const parsed = JoinCode.safeParse(values.code ?? '');
    if (!parsed.success) {
      setError(
        new ApiRequestError('previewJoinCode', 400, 'validation', '', [
          { path: 'code', message: parsed.error.issues[0]?.message ?? '' },
        ]),
      );
      return;
    }
    setError(null);
    navigate(`/join/${parsed.data}`);
  };

  return (
    <Page title={t('join.title')} intro={<p>{t('join.intro')}</p>} width="narrow">
      <ApiForm fieldNames={codeFields} error={error} onValues={submit}>
        <TextField
          name="code"
          label={t('join.code')}
          description={t('join.codeHint')}
          isRequired
          autoComplete="off"
          inputClassName="field__input field__input--code"
        />
        <div className="form__actions">
          <Button type="submit" variant="primary">
            {t('join.lookUp')}
          </Button>
        </div>
      </ApiForm>
    </Page>
  );
}

function JoinWithCode({ code }: { code: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const toast = useToast();
  const describe = useDescribeError();
  const queryClient = useQueryClient();
  const landOnGroup = useLandOnGroup();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const preview = useQuery({
    queryKey: queryKeys.joinPreview(code),
    queryFn: ({ signal }) => call('previewJoinCode', { params: { code }, signal }),
    retry: false,
  });

  const joined = async (groupId: string, groupName: string, schoolName: string | null) => {
    toast(t('join.joined', { name: groupName }));
    await landOnGroup({ groupId, groupName, schoolName });
  };
  const joinAsMe = useMutation({
    mutationFn: () => call('joinByCode', { body: { code } }),
    onSuccess: async (result) => {
      // Joining may add a school role: read the person again.
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
      if (!preview.data) return;
      if (result.outcome === 'requested') {
        // TRUST-LEAD-2: a leader's join by code is a request the team decides on.
        toast(t('join.requested', { name: preview.data.groupName }));
        await landOnGroup({ groupId: preview.data.groupId, groupName: preview.data.groupName });
        return;
      }
      await joined(preview.data.groupId, preview.data.groupName, preview.data.schoolName);
    },
  });
  const joinNew = useMutation({
    mutationFn: (values: FormValues) =>
      call('joinByCode', {
        body: { code, name: values.name ?? '', email: values.email ?? '', password: values.password ?? '' },
      }),
    // TRUST-ID-1: nothing is created until the emailed link is opened; the answer is the same for every address.
    onSuccess: (_result, values) => {
      setSentTo(values.email ?? '');
    },
  });

  if (preview.isPending || me.isPending) {
    return (
      <Page title={t('join.title')} width="narrow">
        <LoadingState />
      </Page>
    );
  }
  if (preview.isError) {
    return (
      <Page title={t('join.title')} width="narrow">
        <Notice tone="info" role="alert">
          <p>{t('join.invalid')}</p>
        </Notice>
        <p className="muted">
          {t('join.code')}: <span className="code-inline">{formatJoinCode(code)}</span>
        </p>
        <ButtonLink to="/join" variant="primary">
          {t('join.otherCode')}
        </ButtonLink>
      </Page>
    );
  }

  const { groupName, schoolName, districtName } = preview.data;
  const where = schoolName
    ? t('join.preview', { group: groupName, school: schoolName, district: districtName })
    : t('join.previewNoSchool', { group: groupName, district: districtName });
  const signedIn = me.data ?? null;

  if (sentTo !== null) {
    return (
      <Page title={t('join.checkEmailTitle')} width="narrow">
        <Notice tone="success" role="status">
          <p>{t('join.checkEmail', { email: sentTo, name: groupName })}</p>
        </Notice>
      </Page>
    );
  }

  return (
    <Page title={t('join.previewTitle', { group: groupName })} intro={<p>{where}</p>} width="narrow">
      {signedIn ? (
        <SignedInAction
          message={t('join.signedInAs', { name: signedIn.name, email: signedIn.email })}
          label={t('join.joinAsMe', { group: groupName })}
          error={joinAsMe.error ? describe(joinAsMe.error) : null}
          isPending={joinAsMe.isPending}
          onPress={() => {
            joinAsMe.mutate();
          }}
        />
      ) : (
        <section className="section" aria-labelledby="join-new-heading">
          <h2 id="join-new-heading" className="section__title">
            {t('join.newAccount')}
          </h2>
          <p>
            {t('join.haveAccount')}{' '}
            <Link to={`/sign-in?next=${encodeURIComponent(`/join/${code}`)}`}>{t('join.signInFirst')}</Link>
          </p>
          {preview.data.emailSignUp ? null : (
            <Notice tone="info">
              <p>{t('join.emailOff')}</p>
            </Notice>
          )}
          {preview.data.emailSignUp ? (
            <ApiForm
              fieldNames={newAccountFields}
              error={joinNew.error}
              onValues={(values) => {
                joinNew.mutate(values);
              }}
            >
              <YourNameField />
              <TextField
                name="email"
                type="email"
                label={t('fields.email')}
                isRequired
                autoComplete="email"
              />
              <NewPasswordField />
              <div className="form__actions">
                <Button type="submit" variant="primary" isPending={joinNew.isPending}>
                  {t('join.submitNew')}
                </Button>
              </div>
            </ApiForm>
          ) : null}
        </section>
      )}
      <p className="page__aside">
        <Link to="/join">{t('join.otherCode')}</Link>
      </p>
    </Page>
  );
}
