/**
 * `/book-studies/:studyId` (BOOK-WEB-2..5): the book, its reading schedule in the group's zone, each section's
 * prompts and reflections (my own private ones, the group's shared ones with their authors) and "My reflection",
 * which says plainly who reads each choice. Those who run the group schedule a section's session (BOOK-5) and
 * change the schedule (BOOK-4). The same page in a district and in a network (its calls name the tab's network).
 * Someone who runs the group without being in it is told kindly that studies are for members (the server's 403).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import type { BookReflection, BookSection, BookStudyDetail } from '#contracts/book-study';
import { isApiRequestError } from '../api/client';
import { ApiForm } from '../forms/ApiForm';
import { useRoutines } from '../meetings/queries';
import { useCurrentNetwork } from '../shell/space';
import { useToast } from '../shell/Toaster';
import { formatDateTime } from '../teams/labels';
import { Button, ButtonLink } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { RadioGroupField } from '../ui/RadioGroupField';
import { ErrorState, LoadingState } from '../ui/States';
import { TextAreaField } from '../ui/TextAreaField';
import { calendarFileName, calendarPath, saveCalendarInNetwork } from './calendar';
import { atEditorFields, draftsOf, sectionFieldNames, sectionsBody, type SectionDraft } from './draft';
import { useBookStudyT } from './i18n';
import { REFLECTION_MAX } from './limits';
import {
  useBookStudy,
  useReplaceSections,
  useScheduleSession,
  useShareReflection,
  useWriteReflection,
} from './queries';
import { SectionsEditor } from './SectionsEditor';
import { readByDay, sessionWords } from './words';
import './book-study.css';

export function BookStudyPage() {
  const t = useBookStudyT();
  const { t: appT } = useTranslation();
  const { studyId = '' } = useParams();
  const study = useBookStudy(studyId);
  if (study.isPending)
    return (
      <Page title={t('study.documentTitle')} width="narrow">
        <LoadingState label={t('loading')} />
      </Page>
    );
  if (study.isError) {
    // BOOK-WEB-5: a leader or admin who is not a member: the server's 403, said kindly, with no judgement.
    if (isApiRequestError(study.error) && study.error.status === 403)
      return (
        <Page title={t('study.notMemberTitle')} width="narrow">
          <Notice title={t('study.notMemberTitle')}>
            <p>{t('study.notMember')}</p>
          </Notice>
          <ButtonLink to="/">{appT('common.goHome')}</ButtonLink>
        </Page>
      );
    const missing = isApiRequestError(study.error) && study.error.status === 404;
    return (
      <Page title={missing ? appT('errors.pageNotFoundTitle') : appT('errors.crashTitle')} width="narrow">
        <ErrorState error={study.error} {...(missing ? {} : { onRetry: () => void study.refetch() })} />
        <ButtonLink to="/">{appT('common.goHome')}</ButtonLink>
      </Page>
    );
  }
  return <Study study={study.data} />;
}

function Study({ study }: { study: BookStudyDetail }) {
  const t = useBookStudyT();
  const routines = useRoutines(study.groupId);
  const routineName = (id: string) => routines.data?.find((r) => r.id === id)?.name ?? id;
  const [editing, setEditing] = useState(false);
  return (
    <Page
      title={study.title}
      documentTitle={`${study.title} · ${t('study.documentTitle')}`}
      intro={
        <>
          <p className="page__facts">{t('study.by', { authors: study.authors.join(', ') })}</p>
          {study.isbn ? <p>{t('study.isbn', { isbn: study.isbn })}</p> : null}
          <p>
            <Link to={`/teams/${study.groupId}`}>{t('study.back', { group: study.group.name })}</Link>
          </p>
        </>
      }
    >
      <section className="section" aria-labelledby="book-schedule-heading">
        <h2 id="book-schedule-heading" className="section__title">
          {t('study.schedule')}
        </h2>
        <p>{t('study.zone', { zone: study.timeZone })}</p>
        {study.can.manage && !editing ? (
          <p>
            <Button id="book-edit" onPress={() => setEditing(true)}>
              {t('study.edit')}
            </Button>
          </p>
        ) : null}
        {study.can.manage && editing ? (
          <EditSchedule
            study={study}
            routines={routines.data ?? []}
            onDone={() => {
              setEditing(false);
              // Back to the button that opened the form.
              requestAnimationFrame(() => document.getElementById('book-edit')?.focus());
            }}
          />
        ) : null}
        <ol className="book-schedule">
          {study.sections.map((section, i) => (
            <SectionItem
              key={section.id}
              study={study}
              section={section}
              n={i + 1}
              routineName={routineName}
            />
          ))}
        </ol>
      </section>
      <CalendarLink study={study} />
    </Page>
  );
}

function SectionItem({
  study,
  section,
  n,
  routineName,
}: {
  study: BookStudyDetail;
  section: BookSection;
  n: number;
  routineName: (id: string) => string;
}) {
  const t = useBookStudyT();
  const { i18n } = useTranslation();
  const toast = useToast();
  const schedule = useScheduleSession(study);
  const headingId = `book-section-${section.id}`;
  const session = section.sessionAt ? sessionWords(section.sessionAt, i18n.language) : null;
  const shared = section.reflections.filter((r) => r.visibility === 'shared');
  const minePrivate = section.reflections.filter((r) => r.visibility === 'private' && r.mine);
  return (
    <li className="book-section">
      <h3 id={headingId} className="book-section__title">
        {t('editor.sectionLegend', { n })}: {section.title}
      </h3>
      <ul className="book-section__facts">
        <li>
          <strong>{t('study.readBy', { date: readByDay(section.readBy, i18n.language) })}</strong>
        </li>
        {section.pages ? <li>{t('study.pages', { pages: section.pages })}</li> : null}
        <li>
          {session
            ? section.routineId
              ? t('study.sessionWith', { ...session, routine: routineName(section.routineId) })
              : t('study.session', session)
            : t('study.noSession')}
        </li>
      </ul>
      {section.meetingId ? (
        <p>
          <ButtonLink to={`/meetings/${section.meetingId}`}>{t('study.meeting')}</ButtonLink>
        </p>
      ) : study.can.manage ? (
        section.sessionAt && section.routineId ? (
          <div className="stack">
            {schedule.isError ? <ErrorState error={schedule.error} /> : null}
            <p>
              <Button
                isPending={schedule.isPending}
                onPress={() => schedule.mutate(section.id, { onSuccess: () => toast(t('study.scheduled')) })}
              >
                {t('study.scheduleSession')}
              </Button>
            </p>
          </div>
        ) : (
          <p className="field__hint">{t('study.needsSession')}</p>
        )
      ) : null}
      <h4 className="book-section__subtitle">{t('study.prompts')}</h4>
      {section.prompts.length === 0 ? (
        <p>{t('study.noPrompts')}</p>
      ) : (
        <ul className="book-prompts">
          {section.prompts.map((prompt, i) => (
            <li key={i}>{prompt}</li>
          ))}
        </ul>
      )}
      {study.can.reflect ? (
        <>
          <h4 className="book-section__subtitle">{t('reflect.group')}</h4>
          {shared.length === 0 ? (
            <p>{t('reflect.groupEmpty')}</p>
          ) : (
            <ul className="book-reflections">
              {shared.map((r) => (
                <ReflectionItem key={r.id} reflection={r} />
              ))}
            </ul>
          )}
          <h4 className="book-section__subtitle">{t('reflect.mine')}</h4>
          <p className="field__hint">{t('reflect.mineHint')}</p>
          {minePrivate.length === 0 ? (
            <p>{t('reflect.myEmpty')}</p>
          ) : (
            <ul className="book-reflections">
              {minePrivate.map((r) => (
                <ReflectionItem key={r.id} reflection={r} studyId={study.id} />
              ))}
            </ul>
          )}
          <ReflectionForm study={study} section={section} />
        </>
      ) : (
        <p>{t('reflect.notReflecting')}</p>
      )}
    </li>
  );
}

function ReflectionItem({ reflection, studyId }: { reflection: BookReflection; studyId?: string }) {
  const t = useBookStudyT();
  const { i18n } = useTranslation();
  const toast = useToast();
  const share = useShareReflection(studyId ?? '');
  const date = formatDateTime(reflection.writtenAt, i18n.language);
  return (
    <li className="book-reflection">
      <p className="book-reflection__meta">
        {t('reflect.meta', { author: reflection.author.name, date })}
        {' · '}
        <span className="book-reflection__badge">
          {reflection.visibility === 'private' ? t('reflect.privateBadge') : t('reflect.sharedBadge')}
        </span>
      </p>
      <p className="book-reflection__text">{reflection.text}</p>
      {studyId && reflection.mine && reflection.visibility === 'private' ? (
        <div className="stack">
          {share.isError ? <ErrorState error={share.error} /> : null}
          <p>
            <Button
              variant="quiet"
              isPending={share.isPending}
              aria-label={t('reflect.shareLabel', { date })}
              onPress={() => share.mutate(reflection.id, { onSuccess: () => toast(t('reflect.nowShared')) })}
            >
              {t('reflect.share')}
            </Button>
          </p>
        </div>
      ) : null}
    </li>
  );
}

function ReflectionForm({ study, section }: { study: BookStudyDetail; section: BookSection }) {
  const t = useBookStudyT();
  const toast = useToast();
  const write = useWriteReflection(study.id, section.id);
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<'private' | 'shared'>('private');
  return (
    <ApiForm
      className="book-reflect"
      aria-label={t('reflect.label', { section: section.title })}
      fieldNames={['text', 'visibility']}
      error={write.error}
      isPending={write.isPending}
      onValues={() =>
        write.mutate(
          { text, visibility },
          {
            onSuccess: () => {
              toast(visibility === 'private' ? t('reflect.savedPrivate') : t('reflect.savedShared'));
              setText('');
              setVisibility('private');
            },
          },
        )
      }
    >
      <TextAreaField
        name="text"
        label={t('reflect.label', { section: section.title })}
        maxLength={REFLECTION_MAX}
        rows={4}
        value={text}
        onChange={setText}
      />
      <RadioGroupField
        name="visibility"
        label={t('reflect.who')}
        value={visibility}
        onChange={(value) => setVisibility(value === 'shared' ? 'shared' : 'private')}
        options={[
          { value: 'private', label: t('reflect.private'), description: t('reflect.privateHint') },
          { value: 'shared', label: t('reflect.shared'), description: t('reflect.sharedHint') },
        ]}
      />
      <Button type="submit" variant="primary" isPending={write.isPending}>
        {t('reflect.submit')}
      </Button>
    </ApiForm>
  );
}

function EditSchedule({
  study,
  routines,
  onDone,
}: {
  study: BookStudyDetail;
  routines: Parameters<typeof SectionsEditor>[0]['routines'];
  onDone: () => void;
}) {
  const t = useBookStudyT();
  const toast = useToast();
  const replace = useReplaceSections(study.id);
  const [rows, setRows] = useState<SectionDraft[]>(() => draftsOf(study.sections));
  return (
    <section className="panel book-start" aria-labelledby="book-edit-heading">
      <h3 id="book-edit-heading" className="subsection__title">
        {t('study.editHeading')}
      </h3>
      <p>{t('study.editHint')}</p>
      <ApiForm
        fieldNames={sectionFieldNames(rows.length)}
        error={atEditorFields(replace.error)}
        isPending={replace.isPending}
        onValues={() =>
          replace.mutate(
            { sections: sectionsBody(rows) },
            {
              onSuccess: () => {
                toast(t('study.saved'));
                onDone();
              },
            },
          )
        }
      >
        <SectionsEditor
          idPrefix="book-edit"
          rows={rows}
          onRows={setRows}
          routines={routines}
          timeZone={study.timeZone}
        />
        <div className="actions">
          <Button type="submit" variant="primary" isPending={replace.isPending}>
            {t('study.save')}
          </Button>
          <Button variant="quiet" onPress={onDone}>
            {t('study.cancel')}
          </Button>
        </div>
      </ApiForm>
    </section>
  );
}

function CalendarLink({ study }: { study: BookStudyDetail }) {
  const t = useBookStudyT();
  const inNetwork = useCurrentNetwork() !== null;
  const [failed, setFailed] = useState(false);
  return (
    <section className="section" aria-labelledby="book-calendar-heading">
      <h2 id="book-calendar-heading" className="section__title">
        {t('study.calendar')}
      </h2>
      <p>{t('study.calendarHint')}</p>
      {failed ? (
        <Notice tone="error" role="alert">
          <p>{t('study.calendarFailed')}</p>
        </Notice>
      ) : null}
      <p>
        <a
          className="button button--secondary"
          href={calendarPath(study.id)}
          download={calendarFileName(study.title)}
          onClick={(event) => {
            if (!inNetwork) return;
            // A link cannot name the network: fetch it with the tab's headers instead (NET-WEB-1).
            event.preventDefault();
            setFailed(false);
            saveCalendarInNetwork(study.id, study.title).catch(() => setFailed(true));
          }}
        >
          {t('study.calendarLink')}
        </a>
      </p>
    </section>
  );
}
