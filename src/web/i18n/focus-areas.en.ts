/** Issue 14: the focus areas of cohorts and of colleague profiles (src/contracts/focus.ts), in words. */
export const focusAreaStrings = {
  focusArea: {
    teacher_coaching: 'Effective teacher coaching',
    writing_across_content: 'Writing across content areas',
    student_engagement: 'Student engagement',
    collective_efficacy: 'Collective teacher efficacy',
    leadership_teams: 'Instructional leadership teams',
    attendance: 'Attendance and belonging',
    data_use: 'Using data to improve teaching',
    family_engagement: 'Family engagement',
  },
} as const;
