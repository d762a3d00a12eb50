/**
 * The service worker (PWA-SW, ADR 0043), bundled by scripts/build.mjs into `dist/web/sw.js` with the list of
 * the build's files injected as `__PRECACHE__`.
 *
 * - The app shell (index.html, every hashed asset, the icons and the manifest) is precached, so the app opens
 *   without a network. Hashed assets are served from that cache; a new release's worker replaces them.
 * - Pages are fetched from the network first, so an online person always gets the current release; without a
 *   network, the cached index.html opens the app.
 * - A personal device's own reads (PWA-OFFLINE-2: `OFFLINE_READ_PATHS`, only answers the server marked with
 *   `OFFLINE_HEADER`) are kept for offline use, network first. Any answer on those paths without the mark (a
 *   shared-device session) or any 401 forgets them all, and signing out deletes them (`shell/offline.ts`).
 * - Everything else (other API calls, Socket.IO, the docs) is not touched: it goes to the network as without a
 *   worker.
 */
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  matchPrecache,
  precacheAndRoute,
  type PrecacheEntry,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import {
  isOfflineReadPath,
  OFFLINE_ALLOWED,
  OFFLINE_HEADER,
  OFFLINE_SAVED_AT_HEADER,
  PERSONAL_CACHE,
} from '#contracts/offline';

declare const __PRECACHE__: PrecacheEntry[];

interface WorkerScope {
  skipWaiting(): Promise<void>;
  addEventListener(
    type: 'install',
    listener: (event: { waitUntil(p: Promise<unknown>): void }) => void,
  ): void;
}
const worker = globalThis as unknown as WorkerScope;

// A new release takes over at once: pages come from the network first, so no open tab is left with a shell
// whose files are gone.
worker.addEventListener('install', (event) => {
  event.waitUntil(worker.skipWaiting());
});
clientsClaim();
cleanupOutdatedCaches();

const NOT_PAGES = [/^\/api\//, /^\/socket\.io\//, /^\/dev\//, /^\/assets\//];

registerRoute(
  new NavigationRoute(
    async ({ request }) => {
      try {
        return await fetch(request);
      } catch {
        return (await matchPrecache('/index.html')) ?? Response.error();
      }
    },
    { denylist: NOT_PAGES },
  ),
);

// After the pages' route: the first route that matches answers, so `/` stays a page (network first, above)
// rather than the precached index.html.
precacheAndRoute(__PRECACHE__, { cleanURLs: false, ignoreURLParametersMatching: [] });

async function forgetPersonal(): Promise<void> {
  await caches.delete(PERSONAL_CACHE);
}

registerRoute(
  ({ url, request, sameOrigin }) =>
    sameOrigin &&
    request.method === 'GET' &&
    isOfflineReadPath(url.pathname) &&
    !request.headers.has('x-ensemble-network'),
  new NetworkFirst({
    cacheName: PERSONAL_CACHE,
    plugins: [
      {
        // My next steps are asked with the reader's `today`: offline tomorrow, yesterday's copy is the one.
        cacheKeyWillBeUsed: ({ request }) => {
          const url = new URL(request.url);
          url.searchParams.delete('today');
          url.searchParams.sort();
          return Promise.resolve(url.href);
        },
        fetchDidSucceed: async ({ response }) => {
          if (
            response.status === 401 ||
            (response.ok && response.headers.get(OFFLINE_HEADER) !== OFFLINE_ALLOWED)
          )
            await forgetPersonal();
          return response;
        },
        cacheWillUpdate: async ({ response }) => {
          if (response.status !== 200 || response.headers.get(OFFLINE_HEADER) !== OFFLINE_ALLOWED)
            return null;
          const headers = new Headers(response.headers);
          headers.set(OFFLINE_SAVED_AT_HEADER, new Date().toISOString());
          return new Response(await response.clone().blob(), { status: 200, headers });
        },
      },
    ],
  }),
);
