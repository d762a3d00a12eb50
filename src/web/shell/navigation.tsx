/**
 * What the app needs from its router beyond wouter's own `Route`, `Switch`, `Link`, `Redirect` and
 * `useParams`: the location hook given to wouter's `<Router>` (the app's history, `history.ts`, with a key
 * per navigation and the unsaved-changes guard), and small hooks in React Router's shapes (`useNavigate`,
 * `useSearchParams`, `useBlocker`, `NavLink`) so pages read as before.
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
  type AnchorHTMLAttributes,
  type Ref,
} from 'react';
import { Link, useLocation } from 'wouter';
import {
  createAppHistory,
  type AppLocation,
  type Blocker,
  type BlockerFunction,
  type NavigateOptions,
} from './history';

export type { Blocker, NavigateOptions } from './history';

const appHistory = createAppHistory(window);

/** The current location with its key (new for each navigation; see `navigationFocus.ts`). */
export function useCurrentLocation(): AppLocation {
  return useSyncExternalStore(appHistory.subscribe, appHistory.location);
}

/** wouter's location hook (`<Router hook>`): the path routes match against, and the guarded navigate. */
export function useRouterLocation(): [string, (to: string, options?: NavigateOptions) => void] {
  return [useCurrentLocation().pathname, appHistory.navigate];
}

/** wouter's search hook (`<Router searchHook>`), with the leading "?". */
export function useRouterSearch(): string {
  return useCurrentLocation().search;
}

export type Navigate = (to: string, options?: NavigateOptions) => void;

/** `navigate('/teams/1')`, `navigate('/sign-in', { replace: true })`. */
export function useNavigate(): Navigate {
  const [, navigate] = useLocation();
  return navigate;
}

/**
 * The query string as `URLSearchParams`, read as sent (wouter's own hook decodes it first, which turns a
 * `%25` into a bare `%`), and a setter that keeps the path: `setParams(params)` adds a history entry.
 */
export function useSearchParams(): [
  URLSearchParams,
  (next: URLSearchParams, options?: NavigateOptions) => void,
] {
  const { pathname, search } = useCurrentLocation();
  const navigate = useNavigate();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const setParams = useCallback(
    (next: URLSearchParams, options?: NavigateOptions) => {
      const query = next.toString();
      navigate(query ? `${pathname}?${query}` : pathname, options);
    },
    [navigate, pathname],
  );
  return [params, setParams];
}

/**
 * Holds navigations inside the app (links, `navigate`, Back and Forward) while `shouldBlock` says so, for a
 * page to ask first; it is asked at the moment of each navigation. The browser's own prompt for closing or
 * reloading the tab is the page's `beforeunload`. One guard at a time.
 */
export function useBlocker(shouldBlock: BlockerFunction): Blocker {
  const latest = useRef(shouldBlock);
  useLayoutEffect(() => {
    latest.current = shouldBlock;
  });
  useEffect(() => appHistory.block((args) => latest.current(args)), []);
  return useSyncExternalStore(appHistory.subscribe, appHistory.blocker);
}

export type AppLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & {
  /** A path in the app, with an optional ?search. */
  to: string;
  replace?: boolean;
  ref?: Ref<HTMLAnchorElement>;
};

/**
 * A link in the main navigation: `aria-current="page"` on its own page and the pages under it (`end`: on
 * its own page only).
 */
export function NavLink({ to, end = false, ...props }: AppLinkProps & { end?: boolean }) {
  const { pathname } = useCurrentLocation();
  const active = pathname === to || (!end && pathname.startsWith(to.endsWith('/') ? to : `${to}/`));
  return <Link {...props} to={to} aria-current={active ? 'page' : undefined} />;
}
