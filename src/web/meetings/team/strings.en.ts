/**
 * English strings of the team page's meetings section (keys `team.*` of the `meetings` namespace). They load with
 * that section, not with the device page (DAY-PERF-5): it adds them with `addMeetingsStrings` (`../i18n.ts`).
 */
export const teamMeetingsStrings = {
  team: {
    title: 'Meetings',
    none: 'No meetings yet.',
    scheduleTitle: 'Schedule a meeting',
    meetingTitle: 'Title',
    meetingTitleHint: 'For example, “Grade 3 weekly meeting”.',
    when: 'Date and time',
    routine: 'Routine',
    routineOption: '{{name}} · {{minutes}} min',
    thenTitle: 'Then, in the same meeting (optional)',
    thenHint:
      'Run more routines back to back, each with its own presenter: for a longer session or a staff meeting.',
    thenRoutine: 'Routine {{n}}',
    removeRoutine: 'Remove routine {{n}}',
    remove: 'Remove',
    addRoutine: 'Add a routine',
    agendaTotal_one: '{{count}} routine, {{minutes}} minutes in all',
    agendaTotal_other: '{{count}} routines, {{minutes}} minutes in all',
    schedule: 'Schedule meeting',
    plan: 'Plan',
    planLabel: 'Plan {{title}}: Peer Modeling plan, invitations and visit notes',
    scheduled: 'Meeting scheduled.',
    noDate: 'No date set',
    join: 'Join',
    joinLabel: 'Join: {{title}}',
    projector: 'Projector',
    projectorLabel: 'Projector: {{title}} (opens in a new window)',
    minutes: 'Minutes',
    minutesLabel: 'Minutes: {{title}}',
    openLive: 'Open live',
    openLiveLabel: 'Open live: {{title}}',
    calendar: 'Calendar file (.ics)',
    calendarHint: 'Add this team’s meetings to your calendar.',
    joinWithCode: 'Join a live meeting by its code',
    joinWithCodeHint: 'the meeting code on the projector, not the team’s join code',
    routineMinutes: '{{name}} · {{minutes}} min',
  },
};
