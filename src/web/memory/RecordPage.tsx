import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ShareRecordButton } from '../sharing/ShareRecordButton';
import { Link, useParams } from 'wouter';
import type { MemoryContent, MemoryLink, MemoryRecord } from '#contracts/memory';
import { isApiRequestError } from '../api/client';
import { ApiForm } from '../forms/ApiForm';
import { announce } from '../ui/announcer';
import { Button, ButtonLink } from '../ui/Button';
import { Page } from '../ui/Page';
import { SelectField } from '../ui/SelectField';
import { ErrorState, LoadingState } from '../ui/States';
import { TextField } from '../ui/TextField';
import { formatDay } from '../ui/dates';
import { LIST_PATH, TAG_KEYS, dayOf, tagOf } from './format';
import { useMemoryT, type MemoryT } from './i18n';
import { StatusLine } from './MemoryListPage';
import { MemoryNav } from './MemoryNav';
import { useEditRecord, useLinkObservation, useMemoryList, useMemoryRecord } from './queries';
import { ResolveDialog } from './ResolveDialog';
import { TagList } from './TagList';
import './memory.css';

/** /teams/:groupId/memory/:recordId — one record: its texts, tags (editable by who may) and links both ways. */
export function RecordPage() {
  const t = useMemoryT();
  const { i18n, t: appT } = useTranslation();
  const { groupId = '', recordId = '' } = useParams();
  const record = useMemoryRecord(groupId, recordId);
  const [resolving, setResolving] = useState(false);

  if (record.isPending)
    return (
      <Page title={t('loading')}>
        <LoadingState label={t('loading')} />
      </Page>
    );
  if (record.isError) {
    const missing = isApiRequestError(record.error) && [400, 403, 404].includes(record.error.status);
    return (
      <Page title={missing ? appT('errors.pageNotFoundTitle') : appT('errors.crashTitle')} width="narrow">
        <ErrorState error={record.error} {...(missing ? {} : { onRetry: () => void record.refetch() })} />
        <ButtonLink to="/">{appT('common.goHome')}</ButtonLink>
      </Page>
    );
  }
  const r = record.data;
  const list = t(`lists.${r.kind}.title`);
  const date = dayOf(r.occurredAt, i18n.language);
  return (
    <Page
      title={r.title}
      intro={
        <>
          <p className="page__facts">
            {[
              t(`kinds.${r.kind}`),
              r.authorName ? t('item.meta', { date, author: r.authorName }) : date,
            ].join(' · ')}
          </p>
          {r.meeting ? (
            <p>
              <Link to={`/meetings/${r.meeting.id}/minutes`}>
                {t('item.fromMeeting', { title: r.meeting.title })}
              </Link>
            </p>
          ) : null}
          <p>
            <Link to={`/teams/${groupId}/${LIST_PATH[r.kind]}`}>{t('record.back', { list })}</Link>
          </p>
          <MemoryNav groupId={groupId} current={r.kind} />
        </>
      }
    >
      {r.status ? <StatusLine t={t} status={r.status} /> : null}
      {r.abilities.resolve ? (
        <p>
          <Button variant="primary" onPress={() => setResolving(true)}>
            {t('resolve.open')}
          </Button>
        </p>
      ) : null}
      {r.resolution !== null ? (
        <section className="panel section" aria-labelledby="memory-resolution">
          <h2 id="memory-resolution" className="section__title">
            {t('record.resolution', {
              date: r.resolvedAt ? dayOf(r.resolvedAt, i18n.language) : '',
              name: r.resolvedBy?.name ?? '',
            })}
          </h2>
          <p className="memory-text">{r.resolution}</p>
        </section>
      ) : null}
      <Texts t={t} content={r.content} />
      <Links t={t} groupId={groupId} record={r} />
      <TagsSection groupId={groupId} record={r} />
      <ShareRecordButton record={r} />
      <ResolveDialog
        groupId={groupId}
        recordId={r.id}
        isOpen={resolving}
        onClose={() => setResolving(false)}
      />
    </Page>
  );
}

function Block({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="panel section" aria-labelledby={id}>
      <h2 id={id} className="section__title">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Text({ t, value }: { t: MemoryT; value: string }) {
  return value.trim() ? <p className="memory-text">{value}</p> : <p className="muted">{t('record.empty')}</p>;
}

function Texts({ t, content }: { t: MemoryT; content: MemoryContent }) {
  const { i18n } = useTranslation();
  switch (content.kind) {
    case 'success':
      return (
        <>
          <Block id="memory-story" title={t('record.story')}>
            <Text t={t} value={content.story} />
          </Block>
          <Block id="memory-evidence" title={t('record.evidence')}>
            <Text t={t} value={content.evidence} />
          </Block>
          <Block id="memory-worked" title={t('record.whatWorked')}>
            <Text t={t} value={content.whatWorked} />
          </Block>
          <Block id="memory-insight" title={t('record.insight')}>
            <Text t={t} value={content.insight} />
          </Block>
          {content.learned ? (
            <Block id="memory-learned" title={t('record.learned')}>
              <Text t={t} value={content.learned} />
            </Block>
          ) : null}
        </>
      );
    case 'dilemma':
      return (
        <>
          <Block id="memory-story" title={t('record.dilemma')}>
            <Text t={t} value={content.story} />
          </Block>
          <Block id="memory-suggested" title={t('record.suggestedActions')}>
            <Text t={t} value={content.suggestedActions} />
          </Block>
          <Block id="memory-next" title={t('record.nextSteps')}>
            {content.nextSteps.length ? (
              <ul>
                {content.nextSteps.map((s) => (
                  <li key={s.itemId}>
                    {s.due
                      ? t('record.nextStepDue', { text: s.text, due: formatDay(i18n.language, s.due) })
                      : s.text}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('record.empty')}</p>
            )}
          </Block>
          <Block id="memory-insight" title={t('record.insight')}>
            <Text t={t} value={content.insight} />
          </Block>
          {content.learned ? (
            <Block id="memory-learned" title={t('record.learned')}>
              <Text t={t} value={content.learned} />
            </Block>
          ) : null}
        </>
      );
    case 'observation':
      return (
        <>
          <Block id="memory-practice" title={t('record.practice')}>
            <Text t={t} value={content.practice} />
            {content.mode ? (
              <p className="muted">{`${t('record.mode')}: ${t(`modes.${content.mode}`)}`}</p>
            ) : null}
          </Block>
          <Block id="memory-curiosity" title={t('record.curiosity')}>
            <Text t={t} value={content.curiosity} />
          </Block>
          <Block id="memory-notes" title={t('record.notes')}>
            {content.notes.length ? (
              <ul>
                {content.notes.map((n, i) => (
                  <li key={i} className="memory-text">
                    {n.text}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('record.empty')}</p>
            )}
          </Block>
          <Block id="memory-questions" title={t('record.questions')}>
            {content.questions.length ? (
              <ul>
                {content.questions.map((q, i) => (
                  <li key={i}>{`${t(`questionKinds.${q.kind}`)}: ${q.text}`}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('record.empty')}</p>
            )}
          </Block>
          {content.learned ? (
            <Block id="memory-learned" title={t('record.learned')}>
              <Text t={t} value={content.learned} />
            </Block>
          ) : null}
        </>
      );
  }
}

function RecordLink({ groupId, link }: { groupId: string; link: MemoryLink }) {
  return <Link to={`/teams/${groupId}/memory/${link.id}`}>{link.title}</Link>;
}

/** MEM-DIL-3, MEM-OBS-2: the links both ways. */
function Links({ t, groupId, record }: { t: MemoryT; groupId: string; record: MemoryRecord }) {
  const { links } = record;
  const rows: { label: string; items: MemoryLink[] }[] = [
    { label: t('record.becameSuccess'), items: links.successFromIt ? [links.successFromIt] : [] },
    { label: t('record.cameFrom'), items: links.fromDilemma ? [links.fromDilemma] : [] },
    { label: t('record.inspiredBy'), items: links.inspiredBy ? [links.inspiredBy] : [] },
    { label: t('record.inspired'), items: links.inspired },
  ].filter((row) => row.items.length > 0);
  return (
    <Block id="memory-links" title={t('record.links')}>
      {rows.length ? (
        <dl className="memory-links">
          {rows.map((row) => (
            <div key={row.label}>
              <dt>{row.label}</dt>
              {row.items.map((item) => (
                <dd key={item.id}>
                  <RecordLink groupId={groupId} link={item} />
                </dd>
              ))}
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">{t('record.noLinks')}</p>
      )}
      {record.kind === 'success' ? <LinkObservationForm groupId={groupId} record={record} /> : null}
    </Block>
  );
}

const NONE = 'none';
function LinkObservationForm({ groupId, record }: { groupId: string; record: MemoryRecord }) {
  const t = useMemoryT();
  const observations = useMemoryList(groupId, { kind: 'observation' });
  const link = useLinkObservation(groupId, record.id);
  if (!observations.data?.items.length) return null;
  return (
    <ApiForm
      fieldNames={['observationId']}
      error={link.error}
      isPending={link.isPending}
      onValues={(values) => {
        const id = values.observationId && values.observationId !== NONE ? values.observationId : null;
        link.mutate({ observationId: id }, { onSuccess: () => announce(t('record.linkSaved')) });
      }}
    >
      <SelectField
        name="observationId"
        label={t('record.linkObservation')}
        defaultValue={record.links.inspiredBy?.id ?? NONE}
        options={[
          { id: NONE, label: t('log.inspiredByNone') },
          ...observations.data.items.map((o) => ({ id: o.id, label: o.title })),
        ]}
      />
      <div className="form__actions">
        <Button type="submit" isPending={link.isPending}>
          {t('record.linkSave')}
        </Button>
      </div>
    </ApiForm>
  );
}

/** MEM-TAG-1, MEM-REC-11: the tags, and a form for those who may edit. */
function TagsSection({ groupId, record }: { groupId: string; record: MemoryRecord }) {
  const t = useMemoryT();
  const [editing, setEditing] = useState(false);
  const edit = useEditRecord(groupId, record.id);
  return (
    <Block id="memory-tags" title={t('tags.title')}>
      {editing ? (
        <ApiForm
          fieldNames={TAG_KEYS.map((k) => `tags.${k}`)}
          error={edit.error}
          isPending={edit.isPending}
          onValues={(values) => {
            edit.mutate(
              {
                tags: {
                  grade: tagOf(values['tags.grade']),
                  subject: tagOf(values['tags.subject']),
                  strategy: tagOf(values['tags.strategy']),
                  studentGroup: tagOf(values['tags.studentGroup']),
                },
              },
              {
                onSuccess: () => {
                  announce(t('tags.saved'));
                  setEditing(false);
                },
              },
            );
          }}
        >
          {TAG_KEYS.map((key) => (
            <TextField
              key={key}
              name={`tags.${key}`}
              label={t(`tags.${key}`)}
              defaultValue={record.tags[key] ?? ''}
              maxLength={80}
            />
          ))}
          <div className="form__actions">
            <Button type="submit" variant="primary" isPending={edit.isPending}>
              {t('tags.save')}
            </Button>
            <Button onPress={() => setEditing(false)}>{t('tags.cancel')}</Button>
          </div>
        </ApiForm>
      ) : (
        <>
          <TagList tags={record.tags} />
          {record.abilities.edit ? <Button onPress={() => setEditing(true)}>{t('tags.edit')}</Button> : null}
        </>
      )}
    </Block>
  );
}
