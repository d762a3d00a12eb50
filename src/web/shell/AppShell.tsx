import { lazy, Suspense, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { isApiRequestError } from '../api/client';
import { useMe } from '../api/queries';
import { useAccountLanguage } from '../i18n/useAccountLanguage';
import { NavLink, useCurrentLocation } from './navigation';
import { NetworkFrame, useCurrentNetwork } from './space';
import { noteNavigation } from './navigationFocus';
import { ToastProvider } from './Toaster';
import { SearchBox } from '../search/SearchBox';
import { LanguageSwitch } from '../ui/LanguageSwitch';

/** PWA-OFFLINE-4, and the service worker's registration (ADR 0043): a chunk of its own, after the first render. */
const OfflineNote = lazy(() => import('./offline'));

/**
 * The frame around every page: skip link, header with the product name and (when signed in) the
 * main navigation, one <main> landmark. Nav items come from `me`; permissions stay on the server.
 */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useCurrentLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previousPathname = useRef(location.pathname);

  // Only a new path is a new page: a changed ?query or #hash keeps focus where the reader is.
  useLayoutEffect(() => {
    if (previousPathname.current === location.pathname) return;
    previousPathname.current = location.pathname;
    noteNavigation(location.key);
  }, [location.pathname, location.key]);

  const signedIn = me.data ?? null;
  useAccountLanguage(signedIn?.language);
  // NET-WEB-2: a tab in a network says which one on every page, with the way back; its menu offers only what
  // works in a network (never the district's admin pages: a convener is the network's admin). Surveys are in both
  // (MEASURE-NET-WEB-1): a network's members answer its surveys there; Shared is the network library there.
  const network = useCurrentNetwork();
  const inNetwork = network !== null;
  // NET-WEB-3: a network this account is not in answers 404 to everything, `me` included.
  const networkMissing = inNetwork && isApiRequestError(me.error) && me.error.status === 404;
  const isLeader = signedIn?.schools.some((school) => school.role === 'school_leader') ?? false;
  const showNetworks = !inNetwork && (signedIn?.districtRole === 'district_admin' || isLeader);
  return (
    <ToastProvider>
      <a
        href="#main"
        className="skip-link"
        onClick={(event) => {
          // Focus <main> directly: a #hash navigation would go through the router as a new location.
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        {inNetwork && !networkMissing ? (
          <NetworkFrame part="band" name={signedIn?.districtName ?? null} />
        ) : null}
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__name">{t('app.name')}</span>
          </Link>
          {signedIn ? (
            <nav aria-label={t('app.mainNav')} className="site-nav">
              <ul className="site-nav__list">
                <li>
                  <NavLink to="/" end className="site-nav__link">
                    {inNetwork ? t('app.nav.networkHome') : t('app.nav.myTeams')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/reflections" className="site-nav__link">
                    {t('app.nav.reflections')}
                  </NavLink>
                </li>
                {/* Not on a phone: the menu would take a third line there (My teams, or the network's home, links
                    to it instead). In a network it is the network's own library (SHARE-NET-WEB-1). */}
                <li className="site-nav__item--wide">
                  <NavLink to="/shared" className="site-nav__link">
                    {t(inNetwork ? 'app.nav.networkLibrary' : 'app.nav.shared')}
                  </NavLink>
                </li>
                <li className="site-nav__item--wide">
                  <NavLink to="/surveys" className="site-nav__link">
                    {t('app.nav.surveys')}
                  </NavLink>
                </li>
                {showNetworks ? (
                  <li className="site-nav__item--wide">
                    <NavLink to="/networks" className="site-nav__link">
                      {t('app.nav.networks')}
                    </NavLink>
                  </li>
                ) : null}
                {!inNetwork && signedIn.districtRole === 'district_admin' ? (
                  <li>
                    <NavLink to="/admin" className="site-nav__link">
                      {t('app.nav.admin')}
                    </NavLink>
                  </li>
                ) : null}
                <li>
                  <NavLink to="/account" className="site-nav__link">
                    {t('app.nav.account')}
                  </NavLink>
                </li>
              </ul>
            </nav>
          ) : null}
          {signedIn ? <SearchBox /> : me.isPending ? null : <LanguageSwitch />}
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        {/* DAY-PERF-4: nothing in <main> until we know who is here: on a phone the menu takes a second line of
            the header, and a loading line drawn before it would be pushed down (a layout shift). */}
        {/* PWA-OFFLINE-4: a live meeting says it in its own words (LIVE-UI-10). */}
        <Suspense fallback={null}>
          {location.pathname.startsWith('/meetings/') ? null : <OfflineNote />}
        </Suspense>
        {me.isPending ? null : networkMissing ? <NetworkFrame part="not-found" /> : children}
      </main>
    </ToastProvider>
  );
}
