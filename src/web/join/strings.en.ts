/**
 * English strings of the join-by-code pages (keys `join.*` of the default namespace).
 * They load with those pages, not with every page (DAY-PERF-5): `./i18n.ts` adds them to the running i18next
 * (`i18n/page-strings.ts`). The keys stay typed (`i18n/i18next.d.ts`).
 */
export const joinStrings = {
  join: {
    title: 'Join a team',
    intro: 'Enter the join code your team lead shared with you.',
    code: 'Join code',
    codeHint: '8 letters and digits, for example ABCD-2345. The dash and capital letters are optional.',
    lookUp: 'Continue',
    previewTitle: 'Join {{group}}',
    preview: '{{group}} at {{school}}, {{district}}',
    previewNoSchool: '{{group}}, {{district}}',
    joinAsMe: 'Join {{group}}',
    signedInAs: 'You will join as {{name}} ({{email}}).',
    newAccount: 'Create your account to join',
    haveAccount: 'Already have an account?',
    signInFirst: 'Sign in first',
    submitNew: 'Create account and join',
    otherCode: 'Use a different code',
    invalid:
      'This code does not work. It may have expired or been turned off. Check the code with your team lead.',
    joined: 'Welcome! You joined {{name}}.',
    requested:
      'Leaders and administrators do not join a team on their own. Your request to join {{name}} was sent to its facilitators.',
    checkEmailTitle: 'Check your email',
    checkEmail:
      'We sent a message to {{email}}. Open the link in it within 24 hours to create your account and join {{name}}. If you already have an account, the message says what to do.',
    emailOff:
      'Email is not set up on this server, so a new account cannot be created with a code. Ask your facilitator for an invitation link.',
    confirmTitle: 'Create your account',
    confirmIntro: 'Confirm that this email address is yours to create your account and join the team.',
    confirmSubmit: 'Confirm and join',
    confirmMissing: 'This page needs the link from your confirmation email. Open the link from the email.',
    confirmInvalid:
      'This confirmation link does not work. It may be incomplete, already used, or more than 24 hours old. Enter the join code again to get a new one.',
  },
} as const;
