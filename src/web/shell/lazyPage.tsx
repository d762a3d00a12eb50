import type { ComponentType } from 'react';
import type { LazyRouteFunction, RouteObject } from 'react-router';
import { LoadingState } from '../ui/States';

/**
 * A page whose code loads on first visit (DAY-PERF-1), for a route object:
 *
 *     { path: 'sign-in', lazy: lazyPage(() => import('./auth/SignInPage'), 'SignInPage') }
 *
 * Write the `import()` out at the call site: the bundler makes one chunk per page from it. The page module
 * names its component export; a typo or a component that needs props is a type error.
 */
export function lazyPage<K extends string, M extends Record<K, ComponentType>>(
  load: () => Promise<M>,
  name: K,
): LazyRouteFunction<RouteObject> {
  return async () => ({ Component: (await load())[name] });
}

/**
 * What a route shows while the first page's code loads (React Router's `HydrateFallback`): the same
 * status line, at the same place and height, as the guards' own loading state that follows it, so the
 * handover shifts nothing.
 */
export function PageLoading() {
  return <LoadingState />;
}
