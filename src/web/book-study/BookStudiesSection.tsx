/**
 * The team page's "Book studies" (BOOK-WEB-1), for a district team and a network cohort alike: the group's
 * studies (title, authors, next read-by day) and, for those who run the group (the list's `can.start`), "Start a
 * book study". The form's code loads when it is opened.
 */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { BookStudySummary } from '#contracts/book-study';
import { Button } from '../ui/Button';
import { ErrorState, LoadingState } from '../ui/States';
import { useBookStudyT } from './i18n';
import { useGroupBookStudies } from './queries';
import { readByDay } from './words';
import { useFocusAfterRender } from './focus';

const StartBookStudyForm = lazy(async () => ({
  default: (await import('./StartBookStudyForm')).StartBookStudyForm,
}));

export function BookStudiesSection({ groupId }: { groupId: string }) {
  const t = useBookStudyT();
  const studies = useGroupBookStudies(groupId);
  const [starting, setStarting] = useState(false);
  const mayStart = studies.data?.can.start ?? false;
  const focusLater = useFocusAfterRender();

  return (
    <section className="section" aria-labelledby="book-studies-heading">
      <h2 id="book-studies-heading" className="section__title">
        {t('section.heading')}
      </h2>
      {studies.isPending ? <LoadingState label={t('loading')} /> : null}
      {studies.isError ? <ErrorState error={studies.error} onRetry={() => void studies.refetch()} /> : null}
      {studies.data ? (
        <>
          <p>{t('section.intro')}</p>
          {studies.data.items.length === 0 ? (
            <p>{mayStart ? t('section.emptyStart') : t('section.empty')}</p>
          ) : (
            <ul className="row-list">
              {studies.data.items.map((study) => (
                <StudyRow key={study.id} study={study} />
              ))}
            </ul>
          )}
          {mayStart && !starting ? (
            <Button id="book-start-open" onPress={() => setStarting(true)}>
              {t('section.start')}
            </Button>
          ) : null}
          {mayStart && starting ? (
            <Suspense fallback={<LoadingState label={t('loading')} />}>
              <StartBookStudyForm
                groupId={groupId}
                onDone={() => {
                  setStarting(false);
                  focusLater('book-start-open');
                }}
              />
            </Suspense>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function StudyRow({ study }: { study: BookStudySummary }) {
  const t = useBookStudyT();
  const { i18n } = useTranslation();
  return (
    <li className="row">
      <div className="row__main">
        <Link to={`/book-studies/${study.id}`} className="row__title">
          {study.title}
        </Link>
        <span className="row__detail">{t('section.authors', { authors: study.authors.join(', ') })}</span>
        <span className="row__detail">
          {study.nextReadBy
            ? t('section.next', { date: readByDay(study.nextReadBy, i18n.language) })
            : study.lastReadBy
              ? t('section.finished', { date: readByDay(study.lastReadBy, i18n.language) })
              : t('section.sections', { count: study.sectionCount })}
        </span>
      </div>
    </li>
  );
}
