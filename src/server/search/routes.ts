/**
 * Search (SEARCH-*): one read over the search index with the caller's permissions, and the listener and
 * backfill that keep the index of meetings current. The index is written by indexer.ts only.
 */
import type { FastifyInstance } from 'fastify';
import { api } from '#contracts/api';
import { registerEndpoint } from '../http/route';
import { authorize } from '../policy/policy';
import type { Services } from '../services';
import { backfillSearch, searchListener } from './indexer';
import { presentResults } from './presenter';
import { scopeOf, searchFor } from './queries';

export function registerSearchRoutes(app: FastifyInstance, s: Services) {
  // SEARCH-DOC-5: ended meetings are re-indexed when their events commit.
  s.committed.on(searchListener(s.db));

  // SEARCH-DOC-6: what has no document yet is indexed in the background after the start.
  let stopping = false;
  let backfill: Promise<void> | null = null;
  app.addHook('onReady', (done) => {
    backfill = backfillSearch(s.db, () => stopping)
      .then((n) => {
        if (n.meetings + n.records + n.shares > 0) app.log.info(n, 'search index backfilled');
      })
      .catch((err: unknown) => {
        app.log.error({ err: err instanceof Error ? err.name : 'unknown' }, 'search backfill failed');
      });
    done();
  });
  app.addHook('preClose', async () => {
    stopping = true;
    await backfill;
  });

  registerEndpoint(app, api.search, async ({ actor, query }) => {
    // Search reads the caller's own district only; the predicate in searchFor does the rest (SEARCH-PERM-1).
    authorize(actor, 'read', { kind: 'district', id: actor.districtId, districtId: actor.districtId });
    const rows = await searchFor(s.db, scopeOf(actor), query);
    return presentResults(query.q, query.page, rows);
  });
}
