/**
 * The focus areas' words load with the pages that show them (networks, the colleague exchange: DAY-PERF-5), not
 * with every page's first chunk. Import this module where `t('focusArea.<id>')` is used.
 */
import { addPageStrings } from './page-strings';
import { focusAreaStrings } from './focus-areas.en';

addPageStrings(focusAreaStrings, { es: () => import('./focus-areas.es').then((m) => m.focusAreaStrings) });
