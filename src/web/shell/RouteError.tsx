import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { Page } from '../ui/Page';
import { Button, ButtonLink } from '../ui/Button';

/** Shown when a page throws while rendering: calm words, a way out, details only in the console. */
export function RouteError({ standalone = false }: { standalone?: boolean }) {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  const page = (
    <Page title={t('errors.crashTitle')} width="narrow">
      <p>{t('errors.crashBody')}</p>
      <div className="actions">
        <Button
          variant="primary"
          onPress={() => {
            window.location.reload();
          }}
        >
          {t('errors.reload')}
        </Button>
        <ButtonLink to="/">{t('common.goHome')}</ButtonLink>
      </div>
    </Page>
  );
  // Inside the shell the page sits in the shell's <main>; at the root there is no shell.
  return standalone ? (
    <main id="main" className="site-main">
      {page}
    </main>
  ) : (
    page
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('errors.pageNotFoundTitle')} width="narrow">
      <p>{t('errors.pageNotFoundBody')}</p>
      <ButtonLink to="/" variant="primary">
        {t('common.goHome')}
      </ButtonLink>
    </Page>
  );
}
