import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';
import { stringsReady } from '../i18n/kits';
import { LoadingState } from '../ui/States';

/** A page whose code loads on first visit (DAY-PERF-1); `preload()` starts loading it early. */
export interface LazyPage {
  (): ReactElement;
  preload: () => Promise<unknown>;
}

/** A route of the route tables (`router.tsx`, `meetings/routes.tsx`, `routines/routes.tsx`). */
export interface PageRoute {
  /** wouter's pattern: `/teams/:groupId`. */
  readonly path: string;
  readonly Page: LazyPage;
}

/**
 * A page whose code loads on first visit (DAY-PERF-1), for a route table:
 *
 *     { path: '/sign-in', Page: lazyPage(() => import('./auth/SignInPage'), 'SignInPage') }
 *
 * Write the `import()` out at the call site: the bundler makes one chunk per page from it. The page module
 * names its component export; a typo or a component that needs props is a type error. Until the code is
 * there, the page shows `PageLoading`.
 */
export function lazyPage<K extends string, M extends Record<K, ComponentType>>(
  load: () => Promise<M>,
  name: K,
): LazyPage {
  let loading: Promise<{ default: ComponentType }> | undefined;
  // A failed import is not kept: the next render of the page (after "Go home" and back) tries again.
  const preload = (): Promise<{ default: ComponentType }> =>
    (loading ??= load().then(
      // I18N-WEB-1: the page shows once the strings its code registered are there in the reader's language.
      async (module) => {
        await stringsReady();
        return { default: module[name] };
      },
      (error: unknown) => {
        loading = undefined;
        current = { Lazy: lazy(preload) };
        throw error;
      },
    ));
  let current = { Lazy: lazy(preload) };
  const LoadedPage = () => {
    const { Lazy } = current;
    return (
      <Suspense fallback={<PageLoading />}>
        <Lazy />
      </Suspense>
    );
  };
  return Object.assign(LoadedPage, { preload });
}

/**
 * What a page shows while its code loads: the same status line, at the same place and height, as the
 * guards' own loading state before it, so the handover shifts nothing.
 */
export function PageLoading() {
  return <LoadingState />;
}

/**
 * Starts loading the page at `pathname` (the address the app was opened at), so its code comes while the
 * guards ask who is signed in rather than after. Only a head start: a pattern here is `/x/:param` segments,
 * matched the way wouter matches them, and a miss costs nothing but the wait.
 */
export function preloadPageAt(pathname: string, routes: readonly PageRoute[]): void {
  const route = routes.find(({ path }) =>
    new RegExp(`^${path.replace(/:[^/]+/g, '[^/]+')}/?$`, 'i').test(pathname),
  );
  route?.Page.preload().catch(() => {
    // The page itself shows the failure when it renders (RouteError, with a way to reload).
  });
}
