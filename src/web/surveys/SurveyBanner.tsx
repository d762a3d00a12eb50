import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { call } from '../api/client';
import { Notice } from '../ui/Notice';

/**
 * The query key of "my open surveys": the same as `surveyKeys.mine` (queries.ts, checked by banner.test.ts), so
 * answering a survey clears the banner. Written here, not imported: this module is the home page's only piece of
 * the surveys feature, and a module it shared with the surveys pages would be one more chunk, whose name every
 * page's first chunk lists (DAY-PERF-1).
 */
export const MY_SURVEYS_KEY = ['surveys', 'mine'] as const;

/**
 * MEASURE-WEB-4: on the home page, when an open survey waits for the person (invited, not answered yet); nothing
 * otherwise. Its words are the home page's (`myTeams.surveyBanner` in teams/strings.en.ts).
 */
export function SurveyBanner() {
  const { t } = useTranslation();
  const mine = useQuery({
    queryKey: MY_SURVEYS_KEY,
    queryFn: async ({ signal }) => (await call('mySurveys', { signal })).items,
    staleTime: 60_000,
  });
  const waiting = mine.data ?? [];
  const [first] = waiting;
  if (!first) return null;
  const one = waiting.length === 1;
  return (
    <div data-testid="survey-banner">
      <Notice tone="info">
        <p>
          {t('myTeams.surveyBanner.text', { count: waiting.length, title: first.title })}{' '}
          <Link to={one ? `/surveys/${first.id}/answer` : '/surveys'}>
            {one ? t('myTeams.surveyBanner.link') : t('myTeams.surveyBanner.linkMany')}
          </Link>
        </p>
      </Notice>
    </div>
  );
}
