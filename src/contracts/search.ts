/**
 * Search across what a person may read (issue 12, docs/SPEC.md SEARCH-*): team memory records, shared copies,
 * minutes, shared notes and next steps. Snippets are plain text segments, never HTML from the database.
 */
import { z } from './zod';
import { Id, IsoDateTime } from './common';

/** What a hit is (SEARCH-DOC-1): a record of a team, a meeting's minutes, a shared note, a next step. */
export const SearchKind = z.enum(['success', 'dilemma', 'observation', 'minutes', 'note', 'next-step']);
export type SearchKind = z.infer<typeof SearchKind>;

/** Who may find a document (SEARCH-PERM-1): the team's members, the school's people, or the whole district. */
export const SearchVisibility = z.enum(['team', 'school', 'district']);
export type SearchVisibility = z.infer<typeof SearchVisibility>;

export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_QUERY_MAX = 200;

/** SEARCH-Q-1: `q` is free text (quotes make a phrase, `or` an alternative, `-` excludes a word). */
export const SearchQuery = z.strictObject({
  q: z._default(z.string().check(z.trim(), z.maxLength(SEARCH_QUERY_MAX)), ''),
  type: z.optional(SearchKind),
  tag: z.optional(z.string().check(z.trim(), z.toLowerCase(), z.minLength(1), z.maxLength(80))),
  /** One of the caller's own teams (SEARCH-FILTER-1). */
  groupId: z.optional(Id),
  /** Inclusive days, UTC. */
  from: z.optional(z.iso.date()),
  to: z.optional(z.iso.date()),
  page: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(500)), 1),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/** SEARCH-SNIP-1: a piece of a title or snippet; `hit` marks the words that matched. */
export const SearchSegment = z.object({ text: z.string(), hit: z.boolean() });
export type SearchSegment = z.infer<typeof SearchSegment>;

export const SearchHit = z.object({
  id: Id,
  kind: SearchKind,
  visibility: SearchVisibility,
  title: z.array(SearchSegment),
  snippet: z.array(SearchSegment),
  /** The caller's team it belongs to (null for a copy shared by another team, and for district copies). */
  team: z.nullable(z.object({ id: Id, name: z.string() })),
  tags: z.array(z.string()),
  occurredAt: IsoDateTime,
  /** The page the hit opens (SEARCH-LINK-1). */
  href: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;

const Count = z.number().check(z.int(), z.gte(0));

/** SEARCH-FACET-1: counts over every hit of the words and dates (the type, tag and team filters left out). */
export const SearchFacets = z.object({
  types: z.array(z.object({ kind: SearchKind, count: Count })),
  tags: z.array(z.object({ tag: z.string(), count: Count })),
  teams: z.array(z.object({ id: Id, name: z.string(), count: Count })),
});
export type SearchFacets = z.infer<typeof SearchFacets>;

export const SearchResults = z.object({
  q: z.string(),
  items: z.array(SearchHit),
  total: Count,
  page: z.number().check(z.int()),
  pageSize: z.number().check(z.int()),
  facets: SearchFacets,
});
export type SearchResults = z.infer<typeof SearchResults>;
