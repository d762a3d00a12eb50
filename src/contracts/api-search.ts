/** The catalogue's search (issue 12, ADR 0021); merged in `api.ts`, loaded by the web client on first use (ADR 0026). */
import { SearchQuery, SearchResults } from './search';
import { e, type Endpoint, anySpace } from './endpoint';

export const searchApi = {
  search: e({
    method: 'GET',
    path: '/api/search',
    auth: 'session',
    spaces: anySpace,
    query: SearchQuery,
    response: SearchResults,
    summary:
      'Search what the signed-in person may read: their teams’ memory, minutes, shared notes and next steps, and copies shared with their school or district',
    tag: 'search',
  }),
} as const satisfies Record<string, Endpoint>;
