import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { SearchKind, type SearchHit, type SearchResults, type SearchSegment } from '#contracts/search';
import { useSearchParams } from '../shell/navigation';
import { useCurrentNetwork } from '../shell/space';
import { Button } from '../ui/Button';
import { Page } from '../ui/Page';
import { SelectField } from '../ui/SelectField';
import { ErrorState } from '../ui/States';
import { TextField } from '../ui/TextField';
import { dateTimeFormat } from '../ui/dates';
import { useSearchT, type SearchT } from './i18n';
import { useSearchResults, type SearchParams } from './queries';
import './search.css';

const ANY = '';
const KINDS = SearchKind.options;
const isKind = (value: string | null): value is SearchKind =>
  value !== null && (KINDS as readonly string[]).includes(value);
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (value: string | null) => (value && ISO_DAY.test(value) ? value : undefined);

/** The search as the address says it (so a search can be bookmarked, shared with oneself, and gone back to). */
function paramsOf(search: URLSearchParams): SearchParams {
  const type = search.get('type');
  return {
    q: search.get('q') ?? '',
    type: isKind(type) ? type : undefined,
    tag: search.get('tag') || undefined,
    groupId: search.get('team') || undefined,
    from: day(search.get('from')),
    to: day(search.get('to')),
    page: Math.max(1, Number(search.get('page') ?? '1') || 1),
  };
}

function toSearch(p: SearchParams): URLSearchParams {
  const out = new URLSearchParams();
  if (p.q) out.set('q', p.q);
  if (p.type) out.set('type', p.type);
  if (p.tag) out.set('tag', p.tag);
  if (p.groupId) out.set('team', p.groupId);
  if (p.from) out.set('from', p.from);
  if (p.to) out.set('to', p.to);
  if (p.page > 1) out.set('page', String(p.page));
  return out;
}

/** SEARCH-SNIP-1: matched words in <mark> (bold as well as coloured), everything as text. */
function Segments({ segments }: { segments: readonly SearchSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.hit ? (
          <mark key={i} className="search-hit__mark">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

/**
 * /search — search across what the person may read (SEARCH-WEB-1): words and filters in the address, results
 * with highlighted snippets, the count announced to screen readers, pages of 20.
 */
export function SearchPage() {
  const t = useSearchT();
  const [search, setSearch] = useSearchParams();
  const current = paramsOf(search);
  const results = useSearchResults(current);
  const data = results.data;
  const announce =
    !current.q.trim() || !data
      ? ''
      : data.total === 0
        ? t('results.none', { q: current.q })
        : t('results.count', { count: data.total, q: current.q });

  return (
    <Page title={t('title')} intro={<p>{t('intro')}</p>}>
      {/* A new address (the header's box, Back, a page link) starts the form afresh from it. */}
      <SearchForm
        key={search.toString()}
        initial={current}
        data={data}
        onSearch={(p) => setSearch(toSearch({ ...p, q: p.q.trim(), page: 1 }))}
        t={t}
      />
      <section className="section search-results" aria-labelledby="search-results-heading">
        <h2 id="search-results-heading" className="section__title">
          {t('results.heading')}
        </h2>
        {/* SEARCH-WEB-1: the count is said when it changes. */}
        <p role="status" className="search-results__count">
          {results.isFetching && current.q.trim() ? t('results.loading') : announce}
        </p>
        {!current.q.trim() ? (
          <p className="muted">{t('results.start')}</p>
        ) : results.isError ? (
          <ErrorState error={results.error} onRetry={() => void results.refetch()} />
        ) : data ? (
          <>
            <ol className="search-results__list">
              {data.items.map((hit) => (
                <Hit key={hit.id} hit={hit} t={t} />
              ))}
            </ol>
            <Pager data={data} onPage={(page) => setSearch(toSearch({ ...current, page }))} t={t} />
          </>
        ) : null}
      </section>
    </Page>
  );
}

function SearchForm({
  initial,
  data,
  onSearch,
  t,
}: {
  initial: SearchParams;
  data: SearchResults | undefined;
  onSearch: (p: SearchParams) => void;
  t: SearchT;
}) {
  const [draft, setDraft] = useState<SearchParams>(initial);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    onSearch(draft);
  };
  return (
    <form role="search" aria-label={t('form.label')} className="section panel search-form" onSubmit={submit}>
      <div className="search-form__words">
        <TextField
          name="q"
          type="search"
          label={t('form.q')}
          description={t('form.qHint')}
          value={draft.q}
          maxLength={200}
          onChange={(q) => setDraft({ ...draft, q })}
        />
        <Button type="submit" variant="primary" className="search-form__submit">
          {t('form.submit')}
        </Button>
      </div>
      <Filters draft={draft} data={data} onChange={setDraft} t={t} />
    </form>
  );
}

function Filters({
  draft,
  data,
  onChange,
  t,
}: {
  draft: SearchParams;
  data: SearchResults | undefined;
  onChange: (next: SearchParams) => void;
  t: SearchT;
}) {
  const counted = (label: string, count: number | undefined) =>
    count === undefined ? label : t('form.optionCount', { label, count });
  const typeCount = (kind: SearchKind) => data?.facets.types.find((x) => x.kind === kind)?.count;
  const teams = data?.facets.teams ?? [];
  const tags = data?.facets.tags ?? [];
  return (
    <div className="search-form__filters">
      <SelectField
        name="type"
        label={t('form.type')}
        options={[
          { id: ANY, label: t('form.anyType') },
          ...KINDS.map((kind) => ({ id: kind, label: counted(t(`kinds.${kind}`), typeCount(kind)) })),
        ]}
        value={draft.type ?? ANY}
        onChange={(value) => onChange({ ...draft, type: isKind(value) ? value : undefined })}
      />
      <SelectField
        name="team"
        label={t('form.team')}
        options={[
          { id: ANY, label: t('form.anyTeam') },
          ...teams.map((team) => ({ id: team.id, label: counted(team.name, team.count) })),
          // Keep a chosen team listed even when the current words find nothing of it.
          ...(draft.groupId && !teams.some((x) => x.id === draft.groupId)
            ? [{ id: draft.groupId, label: t('form.team') }]
            : []),
        ]}
        value={draft.groupId ?? ANY}
        onChange={(value) => onChange({ ...draft, groupId: value || undefined })}
      />
      <SelectField
        name="tag"
        label={t('form.tag')}
        options={[
          { id: ANY, label: t('form.anyTag') },
          ...tags.map((x) => ({ id: x.tag, label: counted(x.tag, x.count) })),
          ...(draft.tag && !tags.some((x) => x.tag === draft.tag)
            ? [{ id: draft.tag, label: draft.tag }]
            : []),
        ]}
        value={draft.tag ?? ANY}
        onChange={(value) => onChange({ ...draft, tag: value || undefined })}
      />
      <TextField
        name="from"
        type="date"
        label={t('form.from')}
        value={draft.from ?? ''}
        onChange={(from) => onChange({ ...draft, from: from || undefined })}
      />
      <TextField
        name="to"
        type="date"
        label={t('form.to')}
        value={draft.to ?? ''}
        onChange={(to) => onChange({ ...draft, to: to || undefined })}
      />
    </div>
  );
}

function Hit({ hit, t }: { hit: SearchHit; t: SearchT }) {
  const { i18n } = useTranslation();
  const inNetwork = useCurrentNetwork() !== null;
  const date = dateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(hit.occurredAt));
  const where =
    hit.visibility === 'team'
      ? (hit.team?.name ?? '')
      : inNetwork && hit.visibility === 'district'
        ? t('scope.network')
        : t(`scope.${hit.visibility}`);
  return (
    <li className="search-hit">
      <article>
        <h3 className="search-hit__title">
          <Link to={hit.href}>
            <Segments segments={hit.title} />
          </Link>
        </h3>
        <p className="search-hit__meta">
          <span className="search-hit__kind">{t(`kind.${hit.kind}`)}</span>
          {where ? <span> · {where}</span> : null}
          <span> · {date}</span>
        </p>
        {hit.snippet.length ? (
          <p className="search-hit__snippet">
            <Segments segments={hit.snippet} />
          </p>
        ) : null}
        {hit.tags.length ? (
          <p className="search-hit__tags">
            <span className="visually-hidden">{t('results.tags')}: </span>
            {hit.tags.map((tag) => (
              <span key={tag} className="search-hit__tag">
                {tag}
              </span>
            ))}
          </p>
        ) : null}
      </article>
    </li>
  );
}

function Pager({ data, onPage, t }: { data: SearchResults; onPage: (page: number) => void; t: SearchT }) {
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('results.pagination')} className="search-results__pager">
      <Button isDisabled={data.page <= 1} onPress={() => onPage(data.page - 1)}>
        {t('results.previous')}
      </Button>
      <span>{t('results.page', { page: data.page, pages })}</span>
      <Button isDisabled={data.page >= pages} onPress={() => onPage(data.page + 1)}>
        {t('results.next')}
      </Button>
    </nav>
  );
}
