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
      networks: 'Networks',
      networkHome: 'Network home',
      networkLibrary: 'Network library',
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
