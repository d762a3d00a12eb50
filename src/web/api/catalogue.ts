/**
 * Where the web client finds an endpoint's entry (ADR 0026). The core catalogue (`#contracts/api-core`: the
 * shell, sign-in, the organization and the meeting pages) is at hand; each later feature's entries and
 * schemas are in their own module, loaded with a dynamic `import()` on the first call of one of its endpoints
 * and kept. So Vite puts each feature's catalogue in its own chunk, loaded with that feature's page, and the
 * sign-in and meeting pages do not download the others' schemas. The types come from the merged catalogue
 * (`#contracts/api`), imported for types only.
 */
import type { Feature } from '#contracts/api';
import { coreApi } from '#contracts/api-core';
import type { Endpoint } from '#contracts/endpoint';

type Entries = Readonly<Record<string, Endpoint>>;

/** One `import()` per module, written out so the bundler makes each its own chunk. */
const loaders: { readonly [F in Feature]: () => Promise<Entries> } = {
  admin: async () => (await import('#contracts/api-admin')).adminApi,
  audit: async () => (await import('#contracts/api-audit')).auditApi,
  memory: async () => (await import('#contracts/api-memory')).memoryApi,
  networks: async () => (await import('#contracts/api-networks')).networksApi,
  'next-steps': async () => (await import('#contracts/api-next-steps')).nextStepsApi,
  'peer-modeling': async () => (await import('#contracts/api-peer-modeling')).peerModelingApi,
  reflections: async () => (await import('#contracts/api-reflections')).reflectionsApi,
  routines: async () => (await import('#contracts/api-routines')).routinesApi,
  schedule: async () => (await import('#contracts/api-schedule')).scheduleApi,
  search: async () => (await import('#contracts/api-search')).searchApi,
  setup: async () => (await import('#contracts/api-setup')).setupApi,
  sharing: async () => (await import('#contracts/api-sharing')).sharingApi,
  surveys: async () => (await import('#contracts/api-surveys')).surveysApi,
  'team-home': async () => (await import('#contracts/api-team-home')).teamHomeApi,
};

const core: Entries = coreApi;
/** Modules asked for (a failed load is dropped, so the next call tries again). */
const loading = new Map<Feature, Promise<Entries>>();
/** Every endpoint of the modules loaded so far, by name. */
const loaded = new Map<string, Endpoint>();

function unknownEndpoint(name: string): Error {
  return new Error(`[api] unknown endpoint ${JSON.stringify(name)}: it is not in the catalogue`);
}

/** The entry if it is at hand now: a core endpoint, or one of a feature already loaded. */
export function endpointAtHand(name: string): Endpoint | undefined {
  if (Object.hasOwn(core, name)) return core[name];
  return loaded.get(name);
}

function loadFeature(feature: Feature): Promise<Entries> {
  let promise = loading.get(feature);
  if (!promise) {
    promise = loaders[feature]().then(
      (entries) => {
        for (const [name, entry] of Object.entries(entries)) loaded.set(name, entry);
        return entries;
      },
      (error: unknown) => {
        loading.delete(feature);
        throw error;
      },
    );
    loading.set(feature, promise);
  }
  return promise;
}

/** The feature module an endpoint is in (loading the map on first use), or undefined for any other name. */
export async function featureOfEndpoint(name: string): Promise<Feature | undefined> {
  const { featureOf } = await import('./feature-of');
  return Object.hasOwn(featureOf, name) ? (featureOf as Readonly<Record<string, Feature>>)[name] : undefined;
}

/**
 * The entry of an endpoint, loading its feature's module on first use. An unknown name is a programming
 * error: it rejects.
 */
export async function loadEndpoint(name: string): Promise<Endpoint> {
  const atHand = endpointAtHand(name);
  if (atHand) return atHand;
  const feature = await featureOfEndpoint(name);
  if (!feature) throw unknownEndpoint(name);
  const entries = await loadFeature(feature);
  if (!Object.hasOwn(entries, name)) throw unknownEndpoint(name);
  return entries[name] as Endpoint;
}
