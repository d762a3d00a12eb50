/** Search results as the API sends them (SEARCH-SNIP-1, SEARCH-LINK-1). */
import { SEARCH_PAGE_SIZE, type SearchHit, type SearchResults } from '#contracts/search';
import { segmentsOf } from '#core/search/index';
import type { HitRow, SearchRows } from './queries';

/**
 * SEARCH-LINK-1: the page a hit opens: a team's record, a shared copy, or the minutes of the meeting that a
 * minutes document, a shared note or a next step belongs to.
 */
export function hrefOf(
  row: Pick<HitRow, 'kind' | 'visibility' | 'source_id' | 'meeting_id' | 'group_id'>,
): string {
  if (row.visibility !== 'team') return `/shared/${row.source_id}`;
  switch (row.kind) {
    case 'success':
    case 'dilemma':
    case 'observation':
      return `/teams/${row.group_id ?? ''}/memory/${row.source_id}`;
    case 'minutes':
      return `/meetings/${row.source_id}/minutes`;
    case 'note':
    case 'next-step':
      return `/meetings/${row.meeting_id ?? row.source_id.split(':')[0] ?? ''}/minutes`;
  }
}

export function presentHit(row: HitRow): SearchHit {
  const title = segmentsOf(row.title_hl);
  const snippet = segmentsOf(row.body_hl);
  return {
    id: row.id,
    kind: row.kind,
    visibility: row.visibility,
    title,
    snippet,
    team: row.team_name !== null && row.group_id !== null ? { id: row.group_id, name: row.team_name } : null,
    tags: row.tags,
    occurredAt: new Date(row.occurred_at).toISOString(),
    href: hrefOf(row),
  };
}

export function presentResults(q: string, page: number, rows: SearchRows): SearchResults {
  return {
    q,
    items: rows.items.map(presentHit),
    total: rows.total,
    page,
    pageSize: SEARCH_PAGE_SIZE,
    facets: { types: rows.types, tags: rows.tags, teams: rows.teams },
  };
}
