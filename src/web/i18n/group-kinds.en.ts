/** The kinds of group and of teacher team, in words (the team and admin pages). */
export const groupKindStrings = {
  groupKind: {
    teacher_team: 'Teacher team',
    whole_staff: 'Whole staff',
    district_leadership: 'District leadership team',
    cohort: 'Network cohort',
  },
  teamFocus: {
    plc: 'PLC',
    grade_level: 'Grade level',
    department: 'Department',
    other: 'Other',
  },
} as const;
