/**
 * Personal API tokens for scripts (ADR 0041, API-TOKEN-*): a person's named, scoped tokens and the district
 * admin's list of the district's. The secret is shown once, in the answer that creates it; lists never carry it.
 * Merged in `api.ts`, loaded by the web client on first use (ADR 0026).
 */
import { z } from './zod';
import { Id, IsoDateTime, Ok } from './common';
import { e, items, type Endpoint } from './endpoint';

/** `read`: GET endpoints only; `write`: every endpoint a token may call (API-TOKEN-3). */
export const ApiTokenScope = z.enum(['read', 'write']);
export type ApiTokenScope = z.infer<typeof ApiTokenScope>;

/** How long a new token lasts; `null`: until revoked. */
export const API_TOKEN_LIFETIMES = [30, 90, 365] as const;

export const CreateApiToken = z.strictObject({
  name: z
    .string()
    .check(z.trim(), z.minLength(1, 'Enter a name'), z.maxLength(80, 'Use at most 80 characters')),
  scope: ApiTokenScope,
  expiresInDays: z.nullable(z.union(API_TOKEN_LIFETIMES.map((d) => z.literal(d)))),
});
export type CreateApiToken = z.infer<typeof CreateApiToken>;

export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  scope: ApiTokenScope,
  createdAt: IsoDateTime,
  lastUsedAt: z.nullable(IsoDateTime),
  expiresAt: z.nullable(IsoDateTime),
});
export type ApiToken = z.infer<typeof ApiToken>;

/** The one answer that carries the secret (API-TOKEN-1). */
export const CreatedApiToken = z.object({ token: ApiToken, secret: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;

export const DistrictApiToken = z.extend(ApiToken, { owner: z.object({ id: Id, name: z.string() }) });
export type DistrictApiToken = z.infer<typeof DistrictApiToken>;

const exampleToken = {
  id: '3f2c7e9a-5b1d-4c8e-9f6a-2d4b8c1e7a05',
  name: 'Weekly attendance export',
  scope: 'read',
  createdAt: '2026-09-14T15:30:00.000Z',
  lastUsedAt: '2026-09-21T07:00:12.000Z',
  expiresAt: '2026-12-13T15:30:00.000Z',
} as const;

export const apiTokensApi = {
  listMyApiTokens: e({
    method: 'GET',
    path: '/api/api-tokens',
    auth: 'session',
    response: items(ApiToken),
    summary: 'My personal API tokens (never their secrets)',
    description: 'The caller’s personal API tokens, newest first, with when each was last used (to the day).',
    examples: { response: { items: [exampleToken] } },
    bearer: false,
    tag: 'api-tokens',
  }),
  createApiToken: e({
    method: 'POST',
    path: '/api/api-tokens',
    auth: 'session',
    body: CreateApiToken,
    response: CreatedApiToken,
    summary: 'Make a personal API token; its secret is in this answer only',
    description:
      'Makes a named token for scripts. Send its secret as `Authorization: Bearer <secret>`: it acts exactly as its owner, `read` on GET endpoints only, `write` on every endpoint a token may call. The secret is shown in this answer only; the server keeps its hash.',
    examples: {
      body: { name: 'Weekly attendance export', scope: 'read', expiresInDays: 90 },
      response: { token: exampleToken, secret: 'ens_pat_4q0mN3bVx8cR2kTz7yLw1sHf6uJd9aEgPo5iXtYcB0Q' },
    },
    bearer: false,
    tag: 'api-tokens',
  }),
  revokeApiToken: e({
    method: 'DELETE',
    path: '/api/api-tokens/:tokenId',
    auth: 'session',
    response: Ok,
    summary: 'Revoke one of my API tokens (refused from the next request on)',
    bearer: false,
    tag: 'api-tokens',
  }),
  listDistrictApiTokens: e({
    method: 'GET',
    path: '/api/district/api-tokens',
    auth: 'session',
    response: items(DistrictApiToken),
    summary: "The district's personal API tokens with their owners (district admin)",
    examples: {
      response: {
        items: [
          { ...exampleToken, owner: { id: 'b6a1d2c3-4e5f-4a6b-8c7d-9e0f1a2b3c4d', name: 'Ada Lovelace' } },
        ],
      },
    },
    bearer: false,
    tag: 'api-tokens',
  }),
  revokeDistrictApiToken: e({
    method: 'DELETE',
    path: '/api/district/api-tokens/:tokenId',
    auth: 'session',
    response: Ok,
    summary: "Revoke any of the district's API tokens (district admin)",
    bearer: false,
    tag: 'api-tokens',
  }),
} as const satisfies Record<string, Endpoint>;
