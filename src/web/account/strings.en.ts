/**
 * English strings of the account page (keys `account.*` of the default namespace).
 * They load with those pages, not with every page (DAY-PERF-5): `./i18n.ts` adds them to the running i18next
 * (`i18n/page-strings.ts`). The keys stay typed (`i18n/i18next.d.ts`).
 */
export const accountStrings = {
  account: {
    title: 'Account',
    profile: 'Profile',
    /** NET-WEB-2: the account page in a tab that is in a network. */
    inNetwork:
      'In this tab you take part in the network {{network}} as {{name}}. Your account, its name and its password are kept by your district: go back to your district to change them.',
    networkEmail: 'Signed in as',
    backToDistrict: 'Back to your district',
    nameSaved: 'Your name is saved.',
    email: 'Email address',
    verified: 'Verified',
    notVerified: 'Not verified yet',
    verifyHint: 'Confirming your email lets us send you sign-in help when you need it.',
    sendVerification: 'Send verification email',
    verificationSent: 'Verification email sent to {{email}}.',
    district: 'District',
    districtRole: 'District role',
    schools: 'Schools',
    noSchools: 'No school roles',
    sessions: 'Sign out',
    sessionsIntro:
      'Sign out here, or on every device where you are signed in (for example, a shared classroom computer).',
    signOut: 'Sign out',
    signOutEverywhere: 'Sign out everywhere',
    signOutEverywhereTitle: 'Sign out on every device?',
    signOutEverywhereBody: 'Every device signed in to your account will be signed out, including this one.',
    signedOut: 'You are signed out.',
  },
} as const;
