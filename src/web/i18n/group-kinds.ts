/**
 * The words for kinds of group load with the pages that show them (the team pages, the admin page: DAY-PERF-5),
 * not with every page's first chunk. Import this module where `t('groupKind.…')` or `t('teamFocus.…')` is used.
 */
import { addPageStrings } from './page-strings';
import { groupKindStrings } from './group-kinds.en';

addPageStrings(groupKindStrings, { es: () => import('./group-kinds.es').then((m) => m.groupKindStrings) });
