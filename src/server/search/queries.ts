/**
 * SEARCH-PERM-1: the one query path of search. The permission predicate is written out in the SQL (not left to
 * row-level security, which would keep the GIN index from being used): the caller's district, and a team
 * document of one of the caller's teams, a school copy of one of the caller's schools, or a district copy.
 * Counts, facets and snippets are computed from the same candidates, so nothing outside the predicate is ever
 * counted, ranked or headlined. Only the page's rows are headlined (SEARCH-SNIP-2).
 */
import { sql, type SQL } from 'drizzle-orm';
import { z } from '#contracts/zod';
import { SEARCH_PAGE_SIZE, SearchKind, SearchVisibility, type SearchQuery } from '#contracts/search';
import { HIT_END, HIT_START } from '#core/search/index';
import type { DbOrTx } from '../db/client';

/** Whose permissions a search runs with: the district, the teams the person belongs to, their schools. */
export interface SearchScope {
  districtId: string;
  teamIds: readonly string[];
  schoolIds: readonly string[];
}

/** The scope of a signed-in person: their memberships as the session resolved them for this request. */
export function scopeOf(actor: {
  districtId: string;
  groupRoles: ReadonlyMap<string, unknown>;
  schoolRoles: ReadonlyMap<string, unknown>;
}): SearchScope {
  return {
    districtId: actor.districtId,
    teamIds: [...actor.groupRoles.keys()],
    schoolIds: [...actor.schoolRoles.keys()],
  };
}

export type SearchFilter = Pick<SearchQuery, 'q' | 'type' | 'tag' | 'groupId' | 'from' | 'to' | 'page'>;

const HitRow = z.object({
  id: z.string(),
  kind: SearchKind,
  visibility: SearchVisibility,
  source_id: z.string(),
  meeting_id: z.nullable(z.string()),
  group_id: z.nullable(z.string()),
  team_name: z.nullable(z.string()),
  tags: z.array(z.string()),
  occurred_at: z.string(),
  title_hl: z.string(),
  body_hl: z.string(),
});
export type HitRow = z.infer<typeof HitRow>;

const Result = z.object({
  total: z.coerce.number(),
  types: z.array(z.object({ kind: SearchKind, count: z.number() })),
  tags: z.array(z.object({ tag: z.string(), count: z.number() })),
  teams: z.array(z.object({ id: z.string(), name: z.string(), count: z.number() })),
  items: z.array(HitRow),
});
export type SearchRows = z.infer<typeof Result>;

const EMPTY: SearchRows = { total: 0, types: [], tags: [], teams: [], items: [] };

const TITLE_OPTIONS = `HighlightAll=true, StartSel=${HIT_START}, StopSel=${HIT_END}`;
const BODY_OPTIONS = `MaxFragments=2, MaxWords=24, MinWords=10, ShortWord=2, FragmentDelimiter=" … ", StartSel=${HIT_START}, StopSel=${HIT_END}`;

/**
 * SEARCH-SNIP-2: the characters of a body that its snippet is made from. ts_headline parses the whole text it is
 * given (about 1 ms per 1.5 KB here); a match further on is still found and ranked, its snippet is the start.
 */
export const SNIPPET_SOURCE_MAX = 1_500;

const DAY_MS = 86_400_000;
const dayStart = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * SEARCH-PERF-1: how many documents the scope may read, above which the text index goes first. Below it, the
 * readable documents are found by their permission indexes and then matched (cost bounded by what the person may
 * read); above it, the planner ANDs the permission bitmaps with the GIN bitmap (cost bounded by global matches).
 * Measured on bench:search (100k documents, docs/decisions/0021-search.md).
 */
export const FILTER_FIRST_MAX = 3_000;

/** The permission predicate (SEARCH-PERM-1), the same text for every use in a statement. */
function permitted(scope: SearchScope): SQL {
  const teams = sql`${sql.param([...scope.teamIds])}::uuid[]`;
  const schools = sql`${sql.param([...scope.schoolIds])}::uuid[]`;
  return sql`d.district_id = ${scope.districtId}::uuid
        and ((d.visibility = 'team' and d.group_id = any(${teams}))
          or (d.visibility = 'school' and d.school_id = any(${schools}))
          or d.visibility = 'district')`;
}

export interface SearchPlan {
  /** The English and Spanish readings of the words, OR-ed (SEARCH-LANG-2), as tsquery text. */
  query: string;
  /** Documents the scope may read (any words). */
  readable: number;
}

/**
 * SEARCH-Q-1: the query of the words, and how much the scope may read (one round trip); null when nothing
 * searchable is left (empty, or stop words only).
 */
export async function planSearch(db: DbOrTx, scope: SearchScope, q: string): Promise<SearchPlan | null> {
  if (!q.trim()) return null;
  const res = await db.execute(
    sql`select (websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('spanish', ${q}))::text as query,
      numnode(websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('spanish', ${q})) as nodes,
      (select count(*) from search_documents d where ${permitted(scope)}) as readable`,
  );
  const row = z
    .object({ query: z.string(), nodes: z.coerce.number(), readable: z.coerce.number() })
    .safeParse(res.rows[0]);
  return row.success && row.data.nodes > 0 ? { query: row.data.query, readable: row.data.readable } : null;
}

/**
 * The hits of one page (ranked, then headlined), the total and the facets, for `scope`. A team filter outside
 * the caller's own teams finds nothing (SEARCH-FILTER-1).
 */
export async function searchFor(db: DbOrTx, scope: SearchScope, f: SearchFilter): Promise<SearchRows> {
  if (f.groupId && !scope.teamIds.includes(f.groupId)) return EMPTY;
  const plan = await planSearch(db, scope, f.q);
  if (plan === null || plan.readable === 0) return EMPTY;
  const res = await db.execute(searchStatement(scope, f, plan));
  const parsed = Result.safeParse(res.rows[0]);
  if (!parsed.success) throw new Error('search: unexpected row shape');
  return parsed.data;
}

/** The one statement of a search, for a plan made by `planSearch` (exported for EXPLAIN in the bench). */
export function searchStatement(scope: SearchScope, f: SearchFilter, plan: SearchPlan): SQL {
  const tsq = sql`${plan.query}::tsquery`;
  const teams = sql`${sql.param([...scope.teamIds])}::uuid[]`;
  const dates: SQL[] = [];
  if (f.from) dates.push(sql`and d.occurred_at >= ${dayStart(f.from).toISOString()}::timestamptz`);
  if (f.to)
    dates.push(
      sql`and d.occurred_at < ${new Date(dayStart(f.to).getTime() + DAY_MS).toISOString()}::timestamptz`,
    );
  const filters: SQL[] = [];
  if (f.type) filters.push(sql`and h.kind = ${f.type}`);
  if (f.tag) filters.push(sql`and ${f.tag} = any(h.tags)`);
  if (f.groupId) filters.push(sql`and h.group_id = ${f.groupId}::uuid`);
  const offset = (f.page - 1) * SEARCH_PAGE_SIZE;
  const readable = sql`select d.* from search_documents d where ${permitted(scope)} ${sql.join(dates, sql` `)}`;
  // SEARCH-PERF-1: `offset 0` keeps the planner from folding the text match into the scan of what is readable.
  const candidates = plan.readable <= FILTER_FIRST_MAX ? sql`(${readable} offset 0)` : sql`(${readable})`;

  return sql`
    with hits as materialized (
      select d.id, d.kind, d.visibility, d.source_id, d.meeting_id, d.group_id, d.tags, d.occurred_at,
             ts_rank(d.tsv, ${tsq}) as rank
      from ${candidates} d
      where d.tsv @@ ${tsq}
    ),
    filtered as materialized (
      select h.* from hits h where true ${sql.join(filters, sql` `)}
    ),
    page as (
      select * from filtered order by rank desc, occurred_at desc, id
      limit ${SEARCH_PAGE_SIZE} offset ${offset}
    )
    select
      (select count(*) from filtered) as total,
      (select coalesce(json_agg(json_build_object('kind', kind, 'count', n) order by kind), '[]'::json)
         from (select kind, count(*) as n from hits group by kind) k) as types,
      (select coalesce(json_agg(json_build_object('tag', tag, 'count', n) order by n desc, tag), '[]'::json)
         from (select tag, count(*) as n from hits, unnest(hits.tags) as tag
               group by tag order by count(*) desc, tag limit 20) t) as tags,
      (select coalesce(json_agg(json_build_object('id', g.id, 'name', g.name, 'count', n) order by g.name), '[]'::json)
         from (select group_id, count(*) as n from hits where group_id = any(${teams}) group by group_id) c
         join groups g on g.district_id = ${scope.districtId}::uuid and g.id = c.group_id) as teams,
      (select coalesce(json_agg(r order by r.rank desc, r.occurred_at desc, r.id), '[]'::json) from (
         select p.id, p.kind, p.visibility, p.source_id, p.meeting_id, p.group_id, p.tags, p.rank,
                p.occurred_at,
                case when p.group_id = any(${teams}) then g.name else null end as team_name,
                ts_headline(d.lang, d.title, ${tsq}, ${TITLE_OPTIONS}) as title_hl,
                ts_headline(d.lang, left(d.body, ${SNIPPET_SOURCE_MAX}), ${tsq}, ${BODY_OPTIONS}) as body_hl
         from page p
         join search_documents d on d.district_id = ${scope.districtId}::uuid and d.id = p.id
         left join groups g on g.district_id = ${scope.districtId}::uuid and g.id = p.group_id
      ) r) as items
  `;
}
