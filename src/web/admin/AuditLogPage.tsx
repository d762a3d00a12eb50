import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from '../shell/navigation';
import { AuditAction, type AuditEntry } from '#contracts/audit';
import { call, withQuery } from '../api/client';
import { usePeople } from '../api/admin-queries';
import { useSignedInUser } from '../shell/session';
import { Button, ButtonLink } from '../ui/Button';
import { Page } from '../ui/Page';
import { SelectField } from '../ui/SelectField';
import { ErrorState, LoadingState } from '../ui/States';
import { TextField } from '../ui/TextField';
import './audit.css';
import './i18n';
import { dateTimeFormat } from '../ui/dates';

const ANY = 'any';

interface Filters {
  action: string;
  actorId: string;
  /** Calendar days (YYYY-MM-DD) in the browser's time zone. */
  from: string;
  to: string;
}

function filtersOf(params: URLSearchParams): Filters {
  return {
    action: params.get('action') ?? '',
    actorId: params.get('actorId') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

/** Local calendar days become instants, so "today" means the admin's today, not UTC's. */
function localDayStart(day: string, plusDays = 0): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const date = new Date(`${day}T00:00:00`);
  if (Number.isNaN(date.getTime())) return undefined;
  date.setDate(date.getDate() + plusDays);
  return date.toISOString();
}

function apiQuery(f: Filters) {
  return {
    action: AuditAction.safeParse(f.action).success ? f.action : undefined,
    actorId: f.actorId || undefined,
    from: localDayStart(f.from),
    to: localDayStart(f.to, 1),
  };
}

/** The district's audit log for its admins (TRUST-AUDIT-7): filters, newest first, pages, CSV. */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const me = useSignedInUser();
  const [params, setParams] = useSearchParams();
  const applied = filtersOf(params);
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [draft, setDraft] = useState<Filters>(applied);
  const people = usePeople();
  const query = apiQuery(applied);
  const log = useQuery({
    queryKey: ['audit', query, page],
    queryFn: ({ signal }) =>
      call('auditLog', {
        query: {
          action: query.action,
          actorId: query.actorId,
          from: query.from,
          to: query.to,
          page: page > 1 ? page : undefined,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
    // A log is read for what just happened: always ask again (an export made a moment ago is an entry too).
    staleTime: 0,
    refetchOnMount: 'always',
  });

  const apply = (next: Filters, nextPage = 1) => {
    const search = new URLSearchParams();
    const entries: [keyof Filters, string][] = [
      ['action', next.action],
      ['actorId', next.actorId],
      ['from', next.from],
      ['to', next.to],
    ];
    for (const [key, value] of entries) if (value) search.set(key, value);
    if (nextPage > 1) search.set('page', String(nextPage));
    setParams(search);
  };

  const actionOptions = [
    { id: ANY, label: t('admin.audit.anyAction') },
    ...AuditAction.options.map((action) => ({ id: action, label: t(`admin.audit.actions.${action}`) })),
  ];
  const personOptions = [
    { id: ANY, label: t('admin.audit.anyone') },
    ...(people.data ?? []).map((p) => ({ id: p.id, label: p.name })),
  ];
  const nameOf = (id: string | null) => (id ? people.data?.find((p) => p.id === id)?.name : undefined);
  const csvHref = withQuery('/api/audit.csv', query);

  return (
    <Page
      title={t('admin.audit.title')}
      intro={<p>{t('admin.audit.intro', { district: me.districtName })}</p>}
    >
      <p>
        <ButtonLink to="/admin" variant="quiet">
          {t('admin.audit.backToAdmin')}
        </ButtonLink>
      </p>
      <section className="section panel" aria-labelledby="audit-filters">
        <h2 id="audit-filters" className="section__title">
          {t('admin.audit.filters')}
        </h2>
        <form
          className="audit-filters"
          onSubmit={(event) => {
            event.preventDefault();
            apply(draft);
          }}
        >
          <SelectField
            name="action"
            label={t('admin.audit.action')}
            options={actionOptions}
            value={draft.action || ANY}
            onChange={(value) => setDraft({ ...draft, action: value === ANY ? '' : value })}
          />
          <SelectField
            name="actorId"
            label={t('admin.audit.actor')}
            options={personOptions}
            value={draft.actorId || ANY}
            onChange={(value) => setDraft({ ...draft, actorId: value === ANY ? '' : value })}
          />
          <TextField
            name="from"
            type="date"
            label={t('admin.audit.from')}
            value={draft.from}
            onChange={(from) => setDraft({ ...draft, from })}
          />
          <TextField
            name="to"
            type="date"
            label={t('admin.audit.to')}
            value={draft.to}
            onChange={(to) => setDraft({ ...draft, to })}
          />
          <div className="form__actions audit-filters__actions">
            <Button type="submit" variant="primary">
              {t('admin.audit.apply')}
            </Button>
            <Button
              onPress={() => {
                const empty = { action: '', actorId: '', from: '', to: '' };
                setDraft(empty);
                apply(empty);
              }}
            >
              {t('admin.audit.clear')}
            </Button>
          </div>
        </form>
        <p className="audit-download">
          <a className="button button--secondary" href={csvHref} download>
            {t('admin.audit.download')}
          </a>{' '}
          <span className="muted">{t('admin.audit.downloadHint')}</span>
        </p>
      </section>

      {log.isPending ? (
        <LoadingState />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : log.data.items.length === 0 ? (
        <p role="status">{t('admin.audit.empty')}</p>
      ) : (
        <>
          <p role="status">
            {t('admin.audit.showing', {
              first: (log.data.page - 1) * log.data.pageSize + 1,
              last: (log.data.page - 1) * log.data.pageSize + log.data.items.length,
              total: log.data.total,
            })}
          </p>
          <div className="audit-table" role="region" aria-labelledby="audit-caption" tabIndex={0}>
            {/* Explicit roles: on phones the rows are laid out as cards (audit.css), which drops a table's
                implicit semantics in some browsers. */}
            <table role="table">
              <caption id="audit-caption">{t('admin.audit.caption')}</caption>
              <thead role="rowgroup">
                <tr role="row">
                  <th scope="col" role="columnheader">
                    {t('admin.audit.when')}
                  </th>
                  <th scope="col" role="columnheader">
                    {t('admin.audit.who')}
                  </th>
                  <th scope="col" role="columnheader">
                    {t('admin.audit.what')}
                  </th>
                  <th scope="col" role="columnheader">
                    {t('admin.audit.where')}
                  </th>
                  <th scope="col" role="columnheader">
                    {t('admin.audit.details')}
                  </th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                {log.data.items.map((entry) => (
                  <AuditRow key={entry.id} entry={entry} language={i18n.language} nameOf={nameOf} />
                ))}
              </tbody>
            </table>
          </div>
          <nav aria-label={t('admin.audit.pages')} className="audit-pages">
            <Button isDisabled={page <= 1} onPress={() => apply(applied, page - 1)}>
              {t('admin.audit.newer')}
            </Button>
            <Button
              isDisabled={page * log.data.pageSize >= log.data.total}
              onPress={() => apply(applied, page + 1)}
            >
              {t('admin.audit.older')}
            </Button>
          </nav>
        </>
      )}
    </Page>
  );
}

function AuditRow({
  entry,
  language,
  nameOf,
}: {
  entry: AuditEntry;
  language: string;
  nameOf: (id: string | null) => string | undefined;
}) {
  const { t } = useTranslation();
  const who =
    entry.actor?.name ?? (entry.ip === 'cli' ? t('admin.audit.commandLine') : t('admin.audit.nobody'));
  const subject = entry.subjectType === 'person' ? nameOf(entry.subjectId) : undefined;
  const details = Object.entries(entry.details);
  return (
    <tr role="row">
      <td role="cell" data-label={t('admin.audit.when')}>
        <time dateTime={entry.at}>
          {dateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(entry.at))}
        </time>
      </td>
      <td role="cell" data-label={t('admin.audit.who')}>
        {who}
      </td>
      <td role="cell" data-label={t('admin.audit.what')}>
        {t(`admin.audit.actions.${entry.action}`)}
        {subject ? <span className="audit-subject">: {subject}</span> : null}
      </td>
      <td role="cell" data-label={t('admin.audit.where')}>
        {entry.ip === 'cli' ? t('admin.audit.commandLine') : (entry.ip ?? '')}
        {entry.userAgent ? <span className="audit-agent muted">{entry.userAgent}</span> : null}
      </td>
      <td role="cell" data-label={t('admin.audit.details')}>
        {details.length ? (
          <ul className="audit-details">
            {details.map(([key, value]) => (
              <li key={key}>
                {key}: {String(value)}
              </li>
            ))}
          </ul>
        ) : null}
      </td>
    </tr>
  );
}
