/**
 * The catalogue's single sign-on (issue 15, ADR 0038): the admin's provider settings and the public options
 * the sign-in pages show. The redirects themselves (`/sso/start/:providerId`, `/sso/callback`) are browser
 * navigations outside `/api`, registered by `src/server/sso/routes.ts`.
 */
import { Ok } from './common';
import { e } from './endpoint';
import {
  CreateSsoProvider,
  SsoLookup,
  SsoProvider,
  SsoProviderList,
  SsoSignInOptions,
  UpdateSsoProvider,
} from './sso';

export const ssoApi = {
  listSsoProviders: e({
    method: 'GET',
    path: '/api/sso/providers',
    auth: 'session',
    response: SsoProviderList,
    summary: "The district's single sign-on providers (district admin; secrets never included)",
    tag: 'sso',
  }),
  createSsoProvider: e({
    method: 'POST',
    path: '/api/sso/providers',
    auth: 'session',
    body: CreateSsoProvider,
    response: SsoProvider,
    summary: 'Add a Google, Microsoft or OpenID Connect provider (district admin)',
    examples: {
      body: {
        kind: 'google',
        googleDomain: 'lincoln.k12.example.org',
        label: 'Sign in with Google',
        clientId: '123456789012-abc.apps.googleusercontent.com',
        clientSecret: 'the-client-secret-from-google',
        allowedDomains: ['lincoln.k12.example.org'],
        enabled: true,
      },
    },
    tag: 'sso',
  }),
  updateSsoProvider: e({
    method: 'PATCH',
    path: '/api/sso/providers/:providerId',
    auth: 'session',
    body: UpdateSsoProvider,
    response: SsoProvider,
    summary: 'Change a provider; a new client secret replaces the stored one (district admin)',
    examples: { body: { label: 'Sign in with your school Google account', enabled: true } },
    tag: 'sso',
  }),
  deleteSsoProvider: e({
    method: 'DELETE',
    path: '/api/sso/providers/:providerId',
    auth: 'session',
    response: Ok,
    summary: 'Remove a provider and the sign-ins linked through it (district admin)',
    tag: 'sso',
  }),
  ssoDistrictOptions: e({
    method: 'GET',
    path: '/api/sso/districts/:districtId',
    auth: 'public',
    response: SsoSignInOptions,
    summary: "A district's sign-in buttons, for its own sign-in link",
    tag: 'sso',
  }),
  ssoLookup: e({
    method: 'POST',
    path: '/api/sso/lookup',
    auth: 'public',
    body: SsoLookup,
    response: SsoSignInOptions,
    summary: "The sign-in buttons of the district an email's domain belongs to",
    tag: 'sso',
  }),
};
