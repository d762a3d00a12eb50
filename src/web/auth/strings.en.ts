/**
 * English strings of the forgot-password, reset-password and verify-email pages (keys `forgotPassword.*`,
 * `resetPassword.*` and `verifyEmail.*` of the default namespace).
 * They load with those pages, not with every page (DAY-PERF-5): `./i18n.ts` adds them to the running i18next
 * (`i18n/page-strings.ts`). The keys stay typed (`i18n/i18next.d.ts`).
 */
export const passwordStrings = {
  forgotPassword: {
    title: 'Reset your password',
    intro: 'Enter the email you use for Ensemble. We will send you a link to choose a new password.',
    submit: 'Send reset link',
    sentTitle: 'Check your email',
    sent: 'If an account uses {{email}}, a reset link is on its way. The link works once.',
    backToSignIn: 'Back to sign in',
  },
  resetPassword: {
    title: 'Choose a new password',
    intro: 'Choose a new password for your account. For your safety, this signs you out on every device.',
    submit: 'Save new password',
    done: 'Your password is saved. Sign in with your new password.',
    missingToken:
      'This page needs the link from your reset email. Open the link from the email, or ask for a new one.',
    askAgain: 'Ask for a new reset link',
    invalidLink:
      'This reset link does not work. It may be incomplete, already used, or expired. Ask for a new one below.',
  },
  verifyEmail: {
    title: 'Confirm your email',
    intro: 'Confirm that this email address belongs to you.',
    submit: 'Confirm my email',
    done: 'Thank you. Your email address is confirmed.',
    missingToken:
      'This page needs the link from your verification email. You can send a new one from your account page.',
    continue: 'Continue to Ensemble',
    invalidLink:
      'This verification link does not work. It may be incomplete, already used, or expired. You can send a new one from your account page.',
  },
} as const;
