import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import type { MemoryKind, MemoryListItem, MemoryPage } from '#contracts/memory';
import { useGroup } from '../api/queries';
import { useSearchParams } from '../shell/navigation';
import { Button } from '../ui/Button';
import { Page } from '../ui/Page';
import { SelectField } from '../ui/SelectField';
import { ErrorState, LoadingState } from '../ui/States';
import { StatusBadge } from '../ui/StatusBadge';
import { TAG_KEYS, dayOf } from './format';
import { useMemoryT, type MemoryT } from './i18n';
import { LogSuccessDialog } from './LogSuccessDialog';
import { useMemoryList, type MemoryFilters } from './queries';
import { ResolveDialog } from './ResolveDialog';
import { TagList } from './TagList';
import { MemoryNav } from './MemoryNav';
import './memory.css';

const ANY = '';

/** /teams/:groupId/successes — the team's successes library (MEM-TAG-2, MEM-REC-6). */
export function SuccessesPage() {
  return <MemoryListPage kind="success" />;
}
/** /teams/:groupId/problems — problems of practice, open and resolved (MEM-DIL). */
export function ProblemsPage() {
  return <MemoryListPage kind="dilemma" />;
}
/** /teams/:groupId/observations — what the team watched together (MEM-OBS). */
export function ObservationsPage() {
  return <MemoryListPage kind="observation" />;
}

function MemoryListPage({ kind }: { kind: MemoryKind }) {
  const t = useMemoryT();
  const { groupId = '' } = useParams();
  const group = useGroup(groupId);
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const filters: MemoryFilters = { kind, ...(page > 1 ? { page } : {}) };
  for (const key of TAG_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const status = params.get('status');
  if (kind === 'dilemma' && (status === 'open' || status === 'resolved')) filters.status = status;
  const list = useMemoryList(groupId, filters);
  const [logging, setLogging] = useState(false);

  const title = t(`lists.${kind}.title`);
  return (
    <Page
      title={group.data ? `${title} · ${group.data.name}` : title}
      intro={
        <>
          <p>{t(`lists.${kind}.intro`)}</p>
          <MemoryNav groupId={groupId} current={kind} />
        </>
      }
    >
      {list.isPending ? (
        <LoadingState label={t('loading')} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          {kind === 'success' ? (
            <p>
              <Button variant="primary" onPress={() => setLogging(true)}>
                {t('log.open')}
              </Button>
            </p>
          ) : null}
          <Filters
            key={params.toString()}
            kind={kind}
            data={list.data}
            params={params}
            onApply={(next) => setParams(next)}
          />
          <p className="muted" role="status">
            {t('count', { count: list.data.total })}
          </p>
          {list.data.items.length === 0 ? (
            <p className="muted">{t(`lists.${kind}.empty`)}</p>
          ) : (
            <ul className="memory-list" aria-label={title}>
              {list.data.items.map((item) => (
                <MemoryCard key={item.id} groupId={groupId} item={item} />
              ))}
            </ul>
          )}
          <Pager
            data={list.data}
            onPage={(p) => {
              const next = new URLSearchParams(params);
              if (p > 1) next.set('page', String(p));
              else next.delete('page');
              setParams(next);
            }}
          />
        </>
      )}
      {kind === 'success' ? (
        <LogSuccessDialog groupId={groupId} isOpen={logging} onClose={() => setLogging(false)} />
      ) : null}
    </Page>
  );
}

function Filters({
  kind,
  data,
  params,
  onApply,
}: {
  kind: MemoryKind;
  data: MemoryPage;
  params: URLSearchParams;
  onApply: (next: URLSearchParams) => void;
}) {
  const t = useMemoryT();
  const usable = TAG_KEYS.filter((key) => data.tagValues[key].length > 0 || params.get(key));
  if (usable.length === 0 && kind !== 'dilemma') return null;
  return (
    <section className="panel memory-filters" aria-labelledby="memory-filters-title">
      <h2 id="memory-filters-title" className="section__title">
        {t('filters.title')}
      </h2>
      <form
        className="memory-filters__form"
        onSubmit={(event) => {
          event.preventDefault();
          const next = new URLSearchParams();
          for (const [name, value] of new FormData(event.currentTarget))
            if (typeof value === 'string' && value !== ANY) next.set(name, value);
          onApply(next);
        }}
      >
        {kind === 'dilemma' ? (
          <SelectField
            name="status"
            label={t('filters.status')}
            defaultValue={params.get('status') ?? ANY}
            options={[
              { id: ANY, label: t('filters.statusAny') },
              { id: 'open', label: t('status.open') },
              { id: 'resolved', label: t('status.resolved') },
            ]}
          />
        ) : null}
        {usable.map((key) => {
          const chosen = params.get(key);
          const values =
            chosen && !data.tagValues[key].includes(chosen)
              ? [chosen, ...data.tagValues[key]]
              : data.tagValues[key];
          return (
            <SelectField
              key={key}
              name={key}
              label={t(`tags.${key}`)}
              defaultValue={chosen ?? ANY}
              options={[{ id: ANY, label: t('filters.any') }, ...values.map((v) => ({ id: v, label: v }))]}
            />
          );
        })}
        <div className="form__actions">
          <Button type="submit">{t('filters.apply')}</Button>
          <Button variant="quiet" onPress={() => onApply(new URLSearchParams())}>
            {t('filters.clear')}
          </Button>
        </div>
      </form>
    </section>
  );
}

export function MemoryCard({
  groupId,
  item,
  headingLevel = 2,
}: {
  groupId: string;
  item: MemoryListItem;
  headingLevel?: 2 | 3;
}) {
  const t = useMemoryT();
  const { i18n } = useTranslation();
  const [resolving, setResolving] = useState(false);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const date = dayOf(item.occurredAt, i18n.language);
  return (
    <li className="panel memory-card">
      <Heading className="memory-card__title">
        <Link to={`/teams/${groupId}/memory/${item.id}`}>{item.title}</Link>
      </Heading>
      <p className="muted memory-card__meta">
        {item.authorName
          ? t('item.meta', { date, author: item.authorName })
          : t('item.metaNoAuthor', { date })}
        {item.meeting ? ` · ${t('item.fromMeeting', { title: item.meeting.title })}` : ''}
      </p>
      {item.status ? <StatusLine t={t} status={item.status} /> : null}
      {item.fromDilemma ? <p className="memory-card__link">{t('item.fromDilemma')}</p> : null}
      {item.excerpt ? <p className="memory-card__excerpt">{item.excerpt}</p> : null}
      <TagList tags={item.tags} compact />
      {item.canResolve ? (
        <>
          <p>
            <Button
              onPress={() => setResolving(true)}
              aria-label={t('resolve.openLabel', { title: item.title })}
            >
              {t('resolve.open')}
            </Button>
          </p>
          <ResolveDialog
            groupId={groupId}
            recordId={item.id}
            isOpen={resolving}
            onClose={() => setResolving(false)}
          />
        </>
      ) : null}
    </li>
  );
}

export function StatusLine({ t, status }: { t: MemoryT; status: 'open' | 'resolved' }) {
  return (
    <p>
      <StatusBadge tone={status === 'open' ? 'attention' : 'positive'}>{t(`status.${status}`)}</StatusBadge>
    </p>
  );
}

function Pager({ data, onPage }: { data: MemoryPage; onPage: (page: number) => void }) {
  const t = useMemoryT();
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('pages.label')} className="actions">
      <Button isDisabled={data.page <= 1} onPress={() => onPage(data.page - 1)}>
        {t('pages.previous')}
      </Button>
      <span>{t('pages.status', { page: data.page, pages })}</span>
      <Button isDisabled={data.page >= pages} onPress={() => onPage(data.page + 1)}>
        {t('pages.next')}
      </Button>
    </nav>
  );
}
