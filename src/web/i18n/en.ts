/**
 * English strings. The shape of this object is the shape every other language file must have
 * (see `Translation` in ./resources), so a missing key in `es.ts` is a type error, not a blank button.
 *
 * Voice: calm, plain, non-evaluative. Say what happened and what to do next; never blame the reader.
 */
export const en = {
  app: {
    name: 'Ensemble',
    documentTitle: '{{page}} · Ensemble',
    skipToContent: 'Skip to main content',
    mainNav: 'Main',
    nav: {
      myTeams: 'My teams',
      reflections: 'My reflections',
      shared: 'Shared',
      surveys: 'Surveys',
      admin: 'Admin',
      account: 'Account',
    },
    /** SEARCH-WEB-2: the search box in the header. */
    search: {
      label: 'Search your teams’ memory',
      submit: 'Search',
    },
    signedInAs: 'Signed in as {{name}}',
    loading: 'Loading…',
    notifications: 'Notifications',
  },
  common: {
    cancel: 'Cancel',
    close: 'Close',
    dismiss: 'Dismiss',
    tryAgain: 'Try again',
    save: 'Save',
    saving: 'Saving…',
    working: 'Working…',
    pendingButton: '{{label}}: working…',
    showPassword: 'Show password',
    optional: '(optional)',
    goHome: 'Go to My teams',
    signIn: 'Sign in',
    yes: 'Yes',
    no: 'No',
  },
  errors: {
    network: 'We could not reach Ensemble. Check your connection, then try again.',
    server: 'Something went wrong on our side. Your work was not lost; please try again in a moment.',
    forbidden: 'Your account does not have access to this.',
    notFound: 'We could not find that. It may have been removed, or the link may be incomplete.',
    conflict: 'That conflicts with something that already exists.',
    tooManyAttempts: 'Too many attempts in a short time. Please wait a minute, then try again.',
    validation: 'Some answers need a second look.',
    unexpected: 'Something unexpected happened. Please try again.',
    pageNotFoundTitle: 'Page not found',
    pageNotFoundBody: 'There is no page at this address. Check the link, or start again from My teams.',
    crashTitle: 'This page could not be shown',
    crashBody: 'Something unexpected happened while showing this page. Reloading usually helps.',
    reload: 'Reload the page',
    noAccessTitle: 'Not available',
    noAccessBody:
      'This area is for district administrators. If you need something here, ask your district administrator.',
  },
  fields: {
    email: 'Email',
    password: 'Password',
    newPassword: 'New password',
    yourName: 'Your name',
    name: 'Name',
    passwordHint: 'At least {{min}} characters. A short sentence you can remember works well.',
    nameHint: 'How your colleagues will see you.',
  },
  signIn: {
    title: 'Sign in to Ensemble',
    intro:
      'Welcome. Ensemble is where teacher teams run short, structured meetings about what works in class. Sign in with your Ensemble email and password.',
    submit: 'Sign in',
    forgot: 'Forgot your password?',
    haveCode: 'Have a join code from your team?',
    joinLink: 'Join a team',
    device: 'On this device',
    sharedDevice: 'This is a shared device',
    sharedDeviceHint: 'You are signed out when the browser closes, or after a while without use.',
    keepSignedIn: 'Keep me signed in',
    keepSignedInHint: 'Only on a device that is yours alone. You stay signed in for 30 days.',
  },
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
  groupKind: {
    teacher_team: 'Teacher team',
    whole_staff: 'Whole staff',
    district_leadership: 'District leadership team',
  },
  teamFocus: {
    plc: 'PLC',
    grade_level: 'Grade level',
    department: 'Department',
    other: 'Other',
  },
  groupRole: {
    facilitator: 'Facilitator',
    member: 'Member',
  },
  districtRole: {
    district_admin: 'District administrator',
    member: 'Member',
  },
  schoolRole: {
    school_leader: 'School leader',
    staff: 'Staff',
    none: 'No role',
  },
} as const;
