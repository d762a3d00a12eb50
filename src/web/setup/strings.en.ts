/**
 * English strings of the setup and first-steps pages (keys `setup.*` and `firstSteps.*` of the default namespace).
 * They load with those pages, not with every page (DAY-PERF-5): `./i18n.ts` adds them to the running i18next
 * (`i18n/page-strings.ts`). The keys stay typed (`i18n/i18next.d.ts`).
 */
export const setupStrings = {
  setup: {
    title: 'Set up your district',
    intro:
      'Welcome to Ensemble. Create your district and your own administrator account. You can add schools, teams and colleagues next.',
    districtName: 'District name',
    districtHint: 'For example, Riverside Unified School District.',
    aboutYou: 'Your administrator account',
    submit: 'Create district',
    done: 'Your district is ready. Next, your first team and meeting.',
  },
  /** DAY-FIRST-1: after setup, one school, one team and a first meeting in one step. */
  firstSteps: {
    title: 'Your first meeting',
    intro:
      'Name your school and your team, and start a Share Successes meeting now (16 minutes). Colleagues join from their phones with the code on the next screen; invitations can follow later.',
    schoolName: 'School name',
    schoolHint: 'For example, Lincoln Elementary.',
    teamName: 'Team name',
    teamHint: 'For example, Grade 3 team. You facilitate it.',
    submit: 'Run Share Successes now',
    skip: 'Not now: go to Admin',
  },
} as const;
