/**
 * English strings of single sign-on (keys `sso.*` of the default namespace): the school-account sign-in pages and
 * the admin's "Sign-in with school accounts" section. They load with those pages (`./i18n.ts`, DAY-PERF-5).
 *
 * Voice: calm, plain. A refusal says what happened and what to do next; never blames the reader.
 */
export const ssoStrings = {
  signIn: {
    title: 'Sign in with your school account',
    intro:
      'Use the account your school or district gave you (Google, Microsoft or your district’s own sign-in).',
    districtTitle: 'Sign in to {{district}}',
    districtIntro: 'Choose how your district signs you in. You will come back here when you are done.',
    findTitle: 'Find your district',
    findIntro: 'Enter your school email address to see your district’s sign-in buttons.',
    email: 'School email address',
    find: 'Continue',
    notFound:
      'We could not find a district that signs in with that address. Ask your district for its Ensemble sign-in link, or sign in with your Ensemble password.',
    providers: 'Sign-in options',
    passwordInstead: 'Sign in with an Ensemble password instead',
    unknownDistrict:
      'This sign-in link does not lead to a district with school-account sign-in. Ask your district for the current link.',
  },
  problem: {
    title: 'You are not signed in',
    tryAgain: 'Try again below. If it keeps happening, ask your district’s Ensemble administrator.',
    reasons: {
      state:
        'This sign-in was already used, was started in another browser, or its page was opened twice. Start again from the sign-in button.',
      expired:
        'The sign-in took longer than 10 minutes, so it was stopped to keep your account safe. Start again.',
      code: 'Your school account’s sign-in could not be confirmed: its one-time code was already used or had expired. Start again.',
      nonce:
        'The answer from your school account did not belong to this sign-in, so it was refused. Start again.',
      domain:
        'That account is not in your district’s Google Workspace. Sign in with your school Google account, not a personal one.',
      tenant:
        'That Microsoft account is not in your district’s organization. Sign in with your school Microsoft account.',
      unknown_person:
        'There is no Ensemble account for that school account, and this district only lets invited or listed people in. Ask your district’s Ensemble administrator to invite you.',
      deactivated:
        'Your Ensemble account is turned off. Ask your district’s Ensemble administrator to turn it back on.',
      unverified_email:
        'Your school account did not confirm your email address, so it could not be matched to an Ensemble account. Ask your district’s Ensemble administrator.',
      other_district:
        'That address belongs to an account of another district. Sign in through that district, or ask your administrator.',
      provider:
        'Your district’s sign-in service could not be reached or is not set up yet. Try again later, or sign in with your Ensemble password.',
      cancelled: 'The sign-in was cancelled. You can start again whenever you are ready.',
    },
  },
  admin: {
    title: 'Sign-in with school accounts',
    intro:
      'Let people sign in with the accounts your district already manages. Their sign-in link shows your district’s buttons.',
    signInLink: 'Your district’s sign-in link',
    copyLink: 'Copy sign-in link',
    copied: 'The sign-in link was copied.',
    redirectUri: 'Redirect URI to register with the provider',
    empty: 'No sign-in providers yet.',
    add: 'Add a provider',
    kind: 'Provider',
    kinds: {
      google: 'Google Workspace',
      microsoft: 'Microsoft Entra ID',
      oidc: 'Other OpenID Connect provider',
    },
    label: 'Words on the button',
    labelDefault: {
      google: 'Sign in with Google',
      microsoft: 'Sign in with Microsoft',
      oidc: 'Sign in with your district',
    },
    googleDomain: 'Google Workspace domain',
    googleDomainHint:
      'Only accounts of this Workspace (their ID token’s “hd”) may sign in, for example school.org.',
    tenantId: 'Entra tenant ID',
    tenantIdHint: 'Only accounts of this tenant may sign in. A GUID, from the Entra admin center.',
    issuer: 'Issuer URL',
    issuerHint: 'The provider’s address, where its /.well-known/openid-configuration is.',
    clientId: 'Client ID',
    clientSecret: 'Client secret',
    clientSecretHint: 'Kept on the server and never shown again.',
    clientSecretSet: 'Set (hidden)',
    newSecret: 'New client secret',
    newSecretHint: 'Leave empty to keep the current secret.',
    allowedDomains: 'Email domains that get an account on first sign-in',
    allowedDomainsHint:
      'Separated by commas. Invited people and people already in Ensemble can always sign in; anyone else only with one of these domains.',
    enabled: 'Show this button on the sign-in page',
    submit: 'Add provider',
    added: '{{label}} was added.',
    edit: 'Change',
    editFor: 'Change {{label}}',
    editTitle: 'Change {{label}}',
    saved: '{{label}} was saved.',
    remove: 'Remove',
    removeFor: 'Remove {{label}}',
    removeTitle: 'Remove {{label}}?',
    removeBody: 'People who signed in with it keep their accounts, but can no longer sign in this way.',
    removed: '{{label}} was removed.',
    on: 'On',
    off: 'Off',
    secret: 'Client secret',
    domains: 'Allowed domains',
    none: 'None',
  },
} as const;
