/**
 * A book study's reading schedule (BOOK-SCHED): read-by days are calendar dates (`YYYY-MM-DD`) and sessions local
 * date-times (`YYYY-MM-DDTHH:MM`) in the group's time zone. The arithmetic is on day numbers, never on instants,
 * so "every two weeks" is fourteen calendar days whatever daylight-saving time does in between.
 */
import { addDays, dayNumber } from '../schedule/dates';

export const READING_CADENCE_MAX_WEEKS = 8;

/**
 * BOOK-SCHED-1: read-by days for `sections` sections, the first on `firstReadBy` and each next one `cadenceWeeks`
 * weeks (7 x cadence calendar days) later, so every section falls on the same weekday.
 */
export function proposeReadingSchedule(input: {
  sections: number;
  firstReadBy: string;
  cadenceWeeks: number;
}): string[] {
  const { sections, firstReadBy, cadenceWeeks } = input;
  if (!Number.isInteger(sections) || sections < 0) throw new Error('sections: a whole number, 0 or more');
  if (!Number.isInteger(cadenceWeeks) || cadenceWeeks < 1 || cadenceWeeks > READING_CADENCE_MAX_WEEKS)
    throw new Error(`cadenceWeeks: 1 to ${READING_CADENCE_MAX_WEEKS}`);
  return Array.from({ length: sections }, (_, i) => addDays(firstReadBy, i * 7 * cadenceWeeks));
}

export interface ScheduledSection {
  readBy: string;
  /** `YYYY-MM-DDTHH:MM`, local to the group's zone, or null. */
  sessionAt: string | null;
  routineId: string | null;
}

export interface ScheduleIssue {
  path: string;
  message: string;
}

/**
 * BOOK-SCHED-2: the problems of a study's sections as a whole: read-by days never go back (a later section is not
 * due before an earlier one), and a routine is only named for a section that has a session.
 */
export function scheduleIssues(sections: readonly ScheduledSection[]): ScheduleIssue[] {
  const issues: ScheduleIssue[] = [];
  sections.forEach((s, i) => {
    const previous = sections[i - 1];
    if (previous && dayNumber(s.readBy) < dayNumber(previous.readBy))
      issues.push({
        path: `sections.${i}.readBy`,
        message: `Read-by day is before the previous section's (${previous.readBy})`,
      });
    if (s.routineId !== null && s.sessionAt === null)
      issues.push({
        path: `sections.${i}.routineId`,
        message: 'Give the section a session time for its routine',
      });
  });
  return issues;
}
