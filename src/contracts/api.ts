/**
 * The REST API catalogue: every endpoint's method, path, body and response schema, merged from its modules.
 * The server registers its routes from these entries; the OpenAPI document lists them; the authorization
 * matrix test walks them all, so a route cannot exist without being checked.
 *
 * The entries live in `api-core.ts` (the shell, sign-in, the organization and the meeting pages) and in one
 * `api-<feature>.ts` per later feature. The web client never imports this merge: it has the core at hand and
 * loads a feature's module on the first call of one of its endpoints (`src/web/api/catalogue.ts`, ADR 0026),
 * so a page does not download every other feature's schemas.
 */
import type { z } from './zod';
import type { Endpoint } from './endpoint';
import { coreApi } from './api-core';
import { adminApi } from './api-admin';
import { auditApi } from './api-audit';
import { memoryApi } from './api-memory';
import { nextStepsApi } from './api-next-steps';
import { networksApi } from './api-networks';
import { peerModelingApi } from './api-peer-modeling';
import { reflectionsApi } from './api-reflections';
import { routinesApi } from './api-routines';
import { scheduleApi } from './api-schedule';
import { searchApi } from './api-search';
import { setupApi } from './api-setup';
import { sharingApi } from './api-sharing';
import { surveysApi } from './api-surveys';
import { teamHomeApi } from './api-team-home';

export { pathFor, type Endpoint, type Method } from './endpoint';

/** The catalogue's feature modules by the name the web client loads them under (`src/web/api/catalogue.ts`). */
export const featureApis = {
  admin: adminApi,
  audit: auditApi,
  memory: memoryApi,
  networks: networksApi,
  'next-steps': nextStepsApi,
  'peer-modeling': peerModelingApi,
  reflections: reflectionsApi,
  routines: routinesApi,
  schedule: scheduleApi,
  search: searchApi,
  setup: setupApi,
  sharing: sharingApi,
  surveys: surveysApi,
  'team-home': teamHomeApi,
} as const;
export type Feature = keyof typeof featureApis;

export const api = {
  ...coreApi,
  ...setupApi,
  ...adminApi,
  ...routinesApi,
  ...scheduleApi,
  ...peerModelingApi,
  ...reflectionsApi,
  ...auditApi,
  ...teamHomeApi,
  ...memoryApi,
  ...searchApi,
  ...sharingApi,
  ...nextStepsApi,
  ...surveysApi,
  ...networksApi,
} as const satisfies Record<string, Endpoint>;

export type Api = typeof api;
export type EndpointName = keyof Api;
export type CoreEndpointName = keyof typeof coreApi;
export type BodyOf<N extends EndpointName> = Api[N] extends { body: infer B extends z.ZodMiniType }
  ? z.input<B>
  : never;
export type ResponseOf<N extends EndpointName> = z.infer<Api[N]['response']>;
