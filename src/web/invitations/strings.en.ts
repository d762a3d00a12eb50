/**
 * English strings of the invitation page (keys `invitation.*` of the default namespace).
 * They load with those pages, not with every page (DAY-PERF-5): `./i18n.ts` adds them to the running i18next
 * (`i18n/page-strings.ts`). The keys stay typed (`i18n/i18next.d.ts`).
 */
export const invitationStrings = {
  invitation: {
    title: 'You are invited',
    titleFor: 'Join {{group}}',
    summaryGroup: '{{inviter}} invited you to join {{group}} in {{district}}.',
    summaryDistrict: '{{inviter}} invited you to join {{district}} on Ensemble.',
    forEmail: 'This invitation is for {{email}}.',
    newAccount: 'Create your account',
    newAccountIntro: 'Choose the name your colleagues will see and a password.',
    accept: 'Accept invitation',
    acceptAndCreate: 'Create account and join',
    existingAccount: 'You already have an Ensemble account. Sign in to accept.',
    signInAndAccept: 'Sign in and accept',
    forgot: 'Forgot your password?',
    signedInAs: 'You are signed in as {{email}}.',
    wrongAccount:
      'You are signed in as {{signedIn}}, but this invitation is for {{invited}}. Sign out, then open the link again.',
    signOut: 'Sign out',
    accepted: 'Welcome! You joined {{name}}.',
    acceptedDistrict: 'Welcome to {{district}}.',
    invalid:
      'This invitation link does not work any more. It may have expired, been used, or been withdrawn. Ask the person who invited you to send a new one.',
  },
} as const;
