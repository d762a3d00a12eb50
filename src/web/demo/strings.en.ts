/**
 * English strings of the demo sign-in panel and the practice meeting offer (keys `demo.*` of the default
 * namespace). They load with the sign-in and team pages that show them, not with every page (DAY-PERF-5):
 * `./i18n.ts` adds them to the running i18next (`i18n/page-strings.ts`); the keys stay typed
 * (`i18n/i18next.d.ts`). Moved out of `i18n/en.ts` to make room on the meeting page for issue 13's Surveys link.
 */
export const demoStrings = {
  demo: {
    title: 'This is a demo',
    banner: 'This is a demo: the people, teams and meetings are made up.',
    bannerLink: 'Sign in as a demo person with one click',
    intro:
      '{{district}} is made up: its people, teams and meetings are invented for trying Ensemble. Choose someone to be; one click signs you in.',
    people: 'Demo people',
    signInAs: 'Sign in as {{name}}',
    role: {
      district_admin: 'District administrator',
      school_leader: 'Principal',
      coach: 'Instructional coach',
      teacher: 'Teacher',
    },
    roleAt: '{{role}}, {{school}}',
    facilitates: 'Facilitates {{teams}}',
    memberOf: 'Member of {{teams}}',
    tryLabel: 'Try',
    try: {
      coach:
        'Open Grade 3 Team: today’s meeting is ready to start, or run a meeting with simulated colleagues.',
      teacher:
        'Join a meeting the coach has started (in a second window), ask questions and keep private reflections.',
      facilitator: 'Read last week’s Literacy PLC minutes and mark its next steps done.',
      principal: 'See your school’s teams, and ask to join one.',
      admin: 'Manage schools, people and roles, and read the audit log.',
    },
    others_one:
      '{{count}} more demo person signs in with their email ending in @demo.ensemble.test and the shared password shown where the demo was started.',
    others_other:
      '{{count}} more demo people sign in with their email ending in @demo.ensemble.test and the shared password shown where the demo was started.',
    practice: {
      title: 'Practice with simulated colleagues',
      body: 'Demo only: open a Share Successes meeting that you facilitate, where made-up colleagues come online, tell a story, ask questions and suggest notes a few seconds apart.',
      start: 'Run a meeting with simulated colleagues',
    },
  },
} as const;
