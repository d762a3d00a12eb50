/**
 * English strings of the account page (keys `account.*` of the default namespace).
 * They load with those pages, not with every page (DAY-PERF-5): `./i18n.ts` adds them to the running i18next
 * (`i18n/page-strings.ts`). The keys stay typed (`i18n/i18next.d.ts`).
 */
export const accountStrings = {
  account: {
    title: 'Account',
    profile: 'Profile',
    /** I18N-PICK-1: the person's language. */
    language: {
      title: 'Language',
      label: 'Language of Ensemble',
      hint: 'For these pages, the mail Ensemble sends you, and Ensemble’s own routines and surveys. What your teams write stays as they wrote it.',
      followBrowser: 'Same as this browser ({{language}})',
      save: 'Save language',
      saved: 'Language saved.',
    },
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
    /** API-TOKEN-WEB-1: personal API tokens for scripts (ADR 0041). */
    apiTokens: {
      title: 'API tokens',
      intro:
        'A personal API token lets a script use Ensemble as you, with your permissions, through the API described at /api/docs. Send it as "Authorization: Bearer" followed by the token. Revoke a token you no longer use.',
      name: 'Token name',
      nameHint: 'What the script does, so you recognize it later.',
      scopeLabel: 'Access',
      scope: {
        read: 'Read only',
        write: 'Read and change',
      },
      lifetime: 'Expires after',
      days_one: '{{count}} day',
      days_other: '{{count}} days',
      untilRevoked: 'Never (until revoked)',
      create: 'Create token',
      createdTitle: 'Token "{{name}}" created',
      shownOnce: 'Copy it now: this is the only time it is shown. Keep it as secret as a password.',
      secretLabel: 'Your new token',
      copy: 'Copy token',
      copied: 'Token copied.',
      copyFailed: 'Could not copy. Select the token and copy it by hand.',
      done: 'Done',
      yours: 'Your tokens',
      none: 'You have no API tokens.',
      created: 'created {{date}}',
      lastUsed: 'last used {{date}}',
      neverUsed: 'never used',
      expires: 'expires {{date}}',
      noExpiry: 'no expiry',
      expired: 'Expired',
      revoke: 'Revoke',
      revokeFor: 'Revoke {{name}}',
      revokeTitle: 'Revoke "{{name}}"?',
      revokeBody: 'Scripts that use this token stop working at once. This cannot be undone.',
      revoked: 'Token "{{name}}" revoked.',
    },
    /** RIGHTS-WEB-1: "Your data": download everything, delete the account. */
    data: {
      title: 'Your data',
      intro:
        'Download everything you wrote in Ensemble or that is about you: your profile, teams, what you wrote in meetings, your private reflections, notes, visit notes, book study reflections, shared copies and cards, settings, and the audit entries about your account, in your district and in your networks.',
      formats:
        'One zip file with my-data.json (for other programs) and my-data.md (to read). Survey answers are not in it: they are anonymous and linked to nobody, not even to you.',
      download: 'Download my data',
      deleteTitle: 'Delete your account',
      deleteIntro: 'Deleting your account cannot be undone. This is what happens:',
      deleteShared:
        'What you shared with others stays for them, shown as written by “A former member”: notes, questions and shared reflections in meetings, team memory, shared copies, shared book study and colleague notes.',
      deletePrivate:
        'What is private to you is deleted: your private reflections, visit notes, private book study and colleague notes, and your public share cards.',
      deleteAccess:
        'You leave every team, school role and network; you are signed out everywhere; calendar links, digests, invitations and pending requests stop.',
      deleteName: 'Your name and email address are removed from Ensemble.',
      deleteDownloadFirst: 'You may want to download your data first.',
      password: 'Your password',
      passwordHint: 'To make sure it is you.',
      confirm: 'Type DELETE to confirm',
      confirmHint: 'In capital letters.',
      deleteButton: 'Delete my account',
      deleted: 'Your account is deleted.',
    },
  },
} as const;
