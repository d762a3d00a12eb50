import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../ui/Page';
import { Button, ButtonLink } from '../ui/Button';
import { useCurrentLocation } from './navigation';

interface BoundaryProps {
  standalone: boolean;
  /** The path shown: another page is a fresh start. */
  pathname: string;
  children: ReactNode;
}

class Boundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error(error);
  }

  override componentDidUpdate(previous: BoundaryProps) {
    if (this.state.failed && previous.pathname !== this.props.pathname) this.setState({ failed: false });
  }

  override render() {
    return this.state.failed ? <RouteError standalone={this.props.standalone} /> : this.props.children;
  }
}

/**
 * Shows RouteError instead of its children when they throw while rendering (or a page's code fails to load),
 * until the person goes to another page. `standalone`: there is no shell around it to give the <main>.
 */
export function RouteErrorBoundary({
  standalone = false,
  children,
}: {
  standalone?: boolean;
  children: ReactNode;
}) {
  const { pathname } = useCurrentLocation();
  return (
    <Boundary standalone={standalone} pathname={pathname}>
      {children}
    </Boundary>
  );
}

/** Shown when a page throws while rendering: calm words, a way out, details only in the console. */
export function RouteError({ standalone = false }: { standalone?: boolean }) {
  const { t } = useTranslation();
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
