import { useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useSearchParams } from '../shell/navigation';
import { reflectionsApi } from '#contracts/api-reflections';
import { pathFor } from '#contracts/endpoint';
import type { MyReflectionItem, MyReflectionsPage } from '#contracts/reflections';
import { withQuery } from '../api/client';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Icon } from '../ui/Icon';
import { Page } from '../ui/Page';
import { SelectField } from '../ui/SelectField';
import { EmptyState, ErrorState, LoadingState } from '../ui/States';
import { useReflectionsT, type ReflectionsT } from './i18n';
import { useMyReflections, useShareReflection } from './queries';
import './reflections.css';
import { dateTimeFormat } from '../ui/dates';

const ALL = 'all';

const dayOf = (iso: string, language: string) =>
  dateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(iso));
const momentOf = (iso: string, language: string) =>
  dateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

interface MeetingGroup {
  meeting: MyReflectionItem['meeting'];
  team: MyReflectionItem['team'];
  items: MyReflectionItem[];
}

/** Consecutive items of one meeting (the server sends them newest meeting first, then in the order written). */
function byMeeting(items: readonly MyReflectionItem[]): MeetingGroup[] {
  const groups: MeetingGroup[] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last?.meeting.id === item.meeting.id) last.items.push(item);
    else groups.push({ meeting: item.meeting, team: item.team, items: [item] });
  }
  return groups;
}

/**
 * /reflections — My reflections (DAY-REFL-5): a person rereads their own private reflections, grouped by
 * meeting, downloads them, and may share one with the team after the meeting (confirmed first).
 */
export function ReflectionsPage() {
  const t = useReflectionsT();
  const [params, setParams] = useSearchParams();
  const groupId = params.get('team');
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const list = useMyReflections(groupId, page);
  const [done, setDone] = useState('');

  const go = (next: { team?: string | null; page?: number }) => {
    const search = new URLSearchParams();
    const team = next.team === undefined ? groupId : next.team;
    if (team) search.set('team', team);
    if ((next.page ?? 1) > 1) search.set('page', String(next.page));
    setParams(search);
  };

  return (
    <Page title={t('title')} intro={<p>{t('intro')}</p>}>
      {/* Filled after a share, so screen readers hear that it worked. */}
      <p role="status" className="visually-hidden">
        {done}
      </p>
      {list.isPending ? (
        <LoadingState label={t('loading')} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.total === 0 && !groupId ? (
        <EmptyState title={t('empty.title')}>
          <p>{t('empty.body')}</p>
        </EmptyState>
      ) : (
        <>
          <Toolbar data={list.data} groupId={groupId} onTeam={(team) => go({ team, page: 1 })} />
          {list.data.items.length === 0 ? (
            <p className="muted">{t('emptyTeam')}</p>
          ) : (
            byMeeting(list.data.items).map((group) => (
              <MeetingReflections key={group.meeting.id} group={group} onShared={setDone} />
            ))
          )}
          <Pager data={list.data} onPage={(p) => go({ page: p })} />
        </>
      )}
    </Page>
  );
}

function Toolbar({
  data,
  groupId,
  onTeam,
}: {
  data: MyReflectionsPage;
  groupId: string | null;
  onTeam: (team: string | null) => void;
}) {
  const t = useReflectionsT();
  const query = { groupId: groupId ?? undefined };
  const markdown = withQuery(pathFor(reflectionsApi.myReflectionsMarkdown.path), query);
  const csv = withQuery(pathFor(reflectionsApi.myReflectionsCsv.path), query);
  return (
    <section className="section panel my-reflections__toolbar" aria-labelledby="my-reflections-tools">
      <h2 id="my-reflections-tools" className="visually-hidden">
        {t('download.title')}
      </h2>
      {data.teams.length > 1 ? (
        <SelectField
          name="team"
          label={t('filter.label')}
          options={[
            { id: ALL, label: t('filter.all') },
            ...data.teams.map((team) => ({ id: team.id, label: team.name })),
          ]}
          value={groupId ?? ALL}
          onChange={(value) => onTeam(value === ALL ? null : value)}
        />
      ) : null}
      <div className="my-reflections__downloads">
        <p className="muted my-reflections__count">{t('count', { count: data.total })}</p>
        <div className="actions">
          <a className="button button--secondary" href={markdown} download>
            {t('download.markdown')}
          </a>
          <a className="button button--secondary" href={csv} download>
            {t('download.csv')}
          </a>
        </div>
        <p className="field__hint">{t('download.hint')}</p>
      </div>
    </section>
  );
}

function MeetingReflections({
  group,
  onShared,
}: {
  group: MeetingGroup;
  onShared: (message: string) => void;
}) {
  const t = useReflectionsT();
  const { i18n } = useTranslation();
  const { meeting, team } = group;
  const headingId = `my-reflections-meeting-${meeting.id}`;
  return (
    <section className="section my-reflections__meeting" aria-labelledby={headingId}>
      <div className="my-reflections__meeting-head">
        <div>
          <h2 id={headingId} className="section__title">
            {meeting.title}
          </h2>
          <p className="muted">
            {meeting.date
              ? t('meeting.meta', { team: team.name, date: dayOf(meeting.date, i18n.language) })
              : t('meeting.metaNoDate', { team: team.name })}
          </p>
          {meeting.status === 'live' ? <p className="muted">{t('meeting.live')}</p> : null}
        </div>
        {meeting.status !== 'scheduled' ? (
          <Link
            className="my-reflections__minutes-link"
            to={`/meetings/${meeting.id}/minutes`}
            aria-label={t('meeting.minutesLabel', { title: meeting.title })}
          >
            {t('meeting.minutes')}
          </Link>
        ) : null}
      </div>
      <ul className="my-reflections__list">
        {group.items.map((item) => (
          <ReflectionCard key={item.reflectionId} item={item} onShared={onShared} />
        ))}
      </ul>
    </section>
  );
}

function Status({
  item,
  t,
  language,
  statusRef,
}: {
  item: MyReflectionItem;
  t: ReflectionsT;
  language: string;
  statusRef: RefObject<HTMLParagraphElement | null>;
}) {
  const { shared } = item;
  return (
    <p
      ref={statusRef}
      tabIndex={-1}
      className={shared ? 'my-reflection__status my-reflection__status--shared' : 'my-reflection__status'}
    >
      <Icon name={shared ? 'share' : 'lock'} />
      <span>
        {shared
          ? t(shared.afterMeeting ? 'item.sharedAfter' : 'item.shared', { date: dayOf(shared.at, language) })
          : t('item.private')}
      </span>
    </p>
  );
}

function ReflectionCard({ item, onShared }: { item: MyReflectionItem; onShared: (message: string) => void }) {
  const t = useReflectionsT();
  const { i18n } = useTranslation();
  const share = useShareReflection();
  const statusRef = useRef<HTMLParagraphElement>(null);
  const language = i18n.language;
  const step = item.routineName
    ? t('item.step', { step: item.step.title, routine: item.routineName })
    : item.step.title;
  return (
    <li className="my-reflection">
      <h3 className="my-reflection__step">{step}</h3>
      <p className="my-reflection__text">{item.text}</p>
      <p className="my-reflection__meta muted">
        {t('item.written', { when: momentOf(item.writtenAt, language) })}
      </p>
      <Status item={item} t={t} language={language} statusRef={statusRef} />
      {item.shared && !item.shared.upToDate ? (
        <p className="field__hint">{t('item.changedSinceShared')}</p>
      ) : null}
      {item.canShare ? (
        <div className="actions">
          <ConfirmDialog
            trigger={
              <>
                <Icon name="share" />
                {t('item.share')}
              </>
            }
            triggerLabel={t('item.shareLabel', { step: item.step.title })}
            triggerVariant="secondary"
            title={t('item.shareTitle')}
            body={
              <>
                <p>{t('item.shareBody', { team: item.team.name, meeting: item.meeting.title })}</p>
                <blockquote className="my-reflection__quote">{item.text}</blockquote>
              </>
            }
            confirmLabel={t('item.shareConfirm')}
            confirmVariant="primary"
            onConfirm={async () => {
              await share.mutateAsync(item.reflectionId);
              onShared(t('item.sharedDone'));
              // The Share button is gone now: focus moves to the reflection's new status, not to the page's top.
              setTimeout(() => statusRef.current?.focus(), 0);
            }}
          />
        </div>
      ) : null}
    </li>
  );
}

function Pager({ data, onPage }: { data: MyReflectionsPage; onPage: (page: number) => void }) {
  const t = useReflectionsT();
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="my-reflections__pager actions" aria-label={t('pages.label')}>
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
