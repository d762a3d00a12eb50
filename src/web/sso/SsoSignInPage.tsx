/**
 * SSO-SIGNIN-1, -2: school-account sign-in. `/sign-in/sso/:districtId` (the link a district admin hands out) shows
 * that district's buttons; `/sign-in/sso` asks for a school email address and finds the district by its domain.
 * `?problem=<reason>` (SSO-REFUSE-*): the callback's refusal, said plainly above the buttons.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { SsoRefusal, type SsoSignInOptions } from '#contracts/sso';
import { ApiRequestError, call } from '../api/client';
import { ApiForm, type FormValues } from '../forms/ApiForm';
import { useSearchParams } from '../shell/navigation';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { ErrorState, LoadingState } from '../ui/States';
import { TextField } from '../ui/TextField';
import './i18n';
import './sso.css';

const emailField = ['email'] as const;

function Problem() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const parsed = SsoRefusal.safeParse(search.get('problem'));
  if (!parsed.success) return null;
  return (
    <Notice tone="error" title={t('sso.problem.title')} role="alert">
      <p>{t(`sso.problem.reasons.${parsed.data}`)}</p>
      <p>{t('sso.problem.tryAgain')}</p>
    </Notice>
  );
}

function ProviderButtons({ options }: { options: SsoSignInOptions }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="sso-providers">
      <h2 id="sso-providers" className="section__title">
        {t('sso.signIn.districtTitle', { district: options.districtName })}
      </h2>
      <p>{t('sso.signIn.districtIntro')}</p>
      <ul className="sso-providers" aria-label={t('sso.signIn.providers')}>
        {options.providers.map((p) => (
          <li key={p.id}>
            {/* A full navigation: the server sends the browser on to the provider. */}
            <a className="button button--primary sso-providers__button" href={`/sso/start/${p.id}`}>
              {p.label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function DistrictOptions({ districtId }: { districtId: string }) {
  const { t } = useTranslation();
  const options = useQuery({
    queryKey: ['sso-options', districtId],
    queryFn: ({ signal }) => call('ssoDistrictOptions', { params: { districtId }, signal }),
    retry: false,
  });
  if (options.isPending) return <LoadingState />;
  if (options.isError) {
    if (
      options.error instanceof ApiRequestError &&
      (options.error.status === 404 || options.error.status === 400)
    )
      return (
        <Notice tone="info" role="status">
          <p>{t('sso.signIn.unknownDistrict')}</p>
        </Notice>
      );
    return <ErrorState error={options.error} onRetry={() => void options.refetch()} />;
  }
  return <ProviderButtons options={options.data} />;
}

function FindDistrict() {
  const { t } = useTranslation();
  const lookup = useMutation({
    mutationFn: (values: FormValues) => call('ssoLookup', { body: { email: values.email ?? '' } }),
  });
  const notFound = lookup.error instanceof ApiRequestError && lookup.error.status === 404;
  return (
    <>
      <section aria-labelledby="sso-find">
        <h2 id="sso-find" className="section__title">
          {t('sso.signIn.findTitle')}
        </h2>
        <p>{t('sso.signIn.findIntro')}</p>
        <ApiForm
          fieldNames={emailField}
          error={notFound ? null : lookup.error}
          onValues={(values) => {
            lookup.mutate(values);
          }}
        >
          <TextField
            name="email"
            type="email"
            label={t('sso.signIn.email')}
            isRequired
            autoComplete="email"
          />
          <div className="form__actions">
            <Button type="submit" variant="secondary" isPending={lookup.isPending}>
              {t('sso.signIn.find')}
            </Button>
          </div>
        </ApiForm>
        {notFound ? (
          <Notice tone="info" role="status">
            <p>{t('sso.signIn.notFound')}</p>
          </Notice>
        ) : null}
      </section>
      {lookup.data ? <ProviderButtons options={lookup.data} /> : null}
    </>
  );
}

export function SsoSignInPage() {
  const { t } = useTranslation();
  const { districtId } = useParams<{ districtId?: string }>();
  return (
    <Page title={t('sso.signIn.title')} intro={<p>{t('sso.signIn.intro')}</p>} width="narrow">
      <Problem />
      {districtId ? <DistrictOptions districtId={districtId} /> : <FindDistrict />}
      <p className="page__aside">
        <Link to="/sign-in">{t('sso.signIn.passwordInstead')}</Link>
      </p>
    </Page>
  );
}
