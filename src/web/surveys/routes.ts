/**
 * The surveys pages (issue 13): /surveys, /surveys/new, /surveys/:waveId/answer, /surveys/:waveId/results,
 * /surveys/compare, and the anonymous link /s/:token. The first chunk carries every route and the names of the files each needs, for every
 * page (DAY-PERF-1), so these share one lazy entry, `SurveyRoutes`, which picks the page.
 */
import { lazyPage, type PageRoute } from '../shell/lazyPage';

const SurveyRoutes = lazyPage(() => import('./SurveyRoutes'), 'SurveyRoutes');

/** Signed in. */
export const surveyRoutes: readonly PageRoute[] = [{ path: '/surveys/*?', Page: SurveyRoutes }];

/** Open to everyone: a survey's anonymous link is answered without an account (MEASURE-WAVE-6). */
export const surveyPublicRoutes: readonly PageRoute[] = [{ path: '/s/:token', Page: SurveyRoutes }];
