/** The words of a cohort's focus (NET-WEB-5): an area of the list by its name, the cohort's own focus as written. */
import type { CohortFocus } from '#contracts/cohorts';
import type { FocusArea } from '#contracts/focus';

export function focusWords(focus: CohortFocus, areaWords: (area: FocusArea) => string): string {
  return 'area' in focus ? areaWords(focus.area) : focus.custom;
}
