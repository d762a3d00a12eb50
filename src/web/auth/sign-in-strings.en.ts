/**
 * English strings of the sign-in page (keys `signIn.*` of the default namespace). They load with the pages that
 * show them (the sign-in page), not with every page (DAY-PERF-5; `./sign-in-i18n.ts`): room made
 * in the first chunk for the network shell (issue 14). The keys stay typed (`i18n/i18next.d.ts`).
 */
export const signInStrings = {
  signIn: {
    title: 'Sign in to Ensemble',
    intro:
      'Welcome. Ensemble is where teacher teams run short, structured meetings about what works in class. Sign in with your Ensemble email and password.',
    submit: 'Sign in',
    forgot: 'Forgot your password?',
    haveCode: 'Have a join code from your team?',
    joinLink: 'Join a team',
    schoolAccount: 'Sign in with your school account',
    device: 'On this device',
    sharedDevice: 'This is a shared device',
    sharedDeviceHint: 'You are signed out when the browser closes, or after a while without use.',
    keepSignedIn: 'Keep me signed in',
    keepSignedInHint: 'Only on a device that is yours alone. You stay signed in for 30 days.',
  },
} as const;
