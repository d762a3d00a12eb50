/**
 * Where the web client finds an endpoint's entry (ADR 0026). The core catalogue (`#contracts/api-core`: the
 * shell, sign-in, the organization and the meeting pages) is at hand; each later feature's entries and
 * schemas are in their own module, loaded with a dynamic `import()` on the first call of one of its endpoints
 * and kept. So Vite puts each feature's catalogue in its own chunk, loaded with that feature's page, and the
 * sign-in and meeting pages do not download the others' schemas. The types come from the merged catalogue
 * (`#contracts/api`), imported for types only.
 */
import type { EndpointName, Feature, featureApis } from '#contracts/api';
import { coreApi } from '#contracts/api-core';
import type { Endpoint } from '#contracts/endpoint';

type FeatureEndpointName = Exclude<EndpointName, keyof typeof coreApi>;
type FeatureOf<N extends FeatureEndpointName> = {
  [F in Feature]: N extends keyof (typeof featureApis)[F] ? F : never;
}[Feature];

/** Each feature endpoint's module; the type checker holds it to the catalogue's modules, entry by entry. */
const featureOf: { readonly [N in FeatureEndpointName]: FeatureOf<N> } = {
  updateDistrict: 'admin',
  listSchools: 'admin',
  createSchool: 'admin',
  updateSchool: 'admin',
  listPeople: 'admin',
  updatePerson: 'admin',
  issueResetLink: 'admin',
  setSchoolRole: 'admin',
  createGroup: 'admin',
  listInvitations: 'admin',
  revokeInvitation: 'admin',
  setup: 'setup',
  firstTeam: 'setup',
  auditLog: 'audit',
  auditLogCsv: 'audit',
  teamMemory: 'memory',
  memoryRecord: 'memory',
  logSuccess: 'memory',
  editMemoryRecord: 'memory',
  resolveDilemma: 'memory',
  linkObservation: 'memory',
  listInstruments: 'surveys',
  uploadInstrument: 'surveys',
  meetingPulse: 'surveys',
  submitPulse: 'surveys',
  teamPulse: 'surveys',
  listWaves: 'surveys',
  createWave: 'surveys',
  getWave: 'surveys',
  closeWave: 'surveys',
  remindWave: 'surveys',
  resetWaveLink: 'surveys',
  waveReport: 'surveys',
  waveReportCsv: 'surveys',
  compareWaves: 'surveys',
  mySurveys: 'surveys',
  surveyToAnswer: 'surveys',
  submitResponse: 'surveys',
  linkSurvey: 'surveys',
  submitLinkResponse: 'surveys',
  myNextSteps: 'next-steps',
  myNextStepsReminder: 'next-steps',
  teamNextSteps: 'next-steps',
  teamNextStepsCsv: 'next-steps',
  completeNextStep: 'next-steps',
  myDigest: 'next-steps',
  updateMyDigest: 'next-steps',
  digestUnsubscribePage: 'next-steps',
  digestUnsubscribe: 'next-steps',
  getMeetingPlan: 'peer-modeling',
  saveMeetingPlan: 'peer-modeling',
  teamSuccesses: 'peer-modeling',
  inviteCandidates: 'peer-modeling',
  inviteToMeeting: 'peer-modeling',
  uninviteFromMeeting: 'peer-modeling',
  invitedMeetings: 'peer-modeling',
  myVisitNote: 'peer-modeling',
  saveMyVisitNote: 'peer-modeling',
  shareMyVisitNote: 'peer-modeling',
  myReflections: 'reflections',
  myReflectionsMarkdown: 'reflections',
  myReflectionsCsv: 'reflections',
  shareMyReflection: 'reflections',
  getRoutine: 'routines',
  customizeRoutine: 'routines',
  createRoutine: 'routines',
  importRoutines: 'routines',
  exportRoutine: 'routines',
  shareRoutine: 'routines',
  withdrawRoutine: 'routines',
  listSeries: 'schedule',
  createSeries: 'schedule',
  updateSeries: 'schedule',
  cancelSeries: 'schedule',
  updateMeeting: 'schedule',
  cancelMeeting: 'schedule',
  groupCalendar: 'schedule',
  groupCalendarFeed: 'schedule',
  resetGroupCalendarFeed: 'schedule',
  myCalendarFeed: 'schedule',
  resetMyCalendarFeed: 'schedule',
  calendarFeed: 'schedule',
  search: 'search',
  shareReview: 'sharing',
  checkShareDraft: 'sharing',
  proposeShare: 'sharing',
  consentShare: 'sharing',
  withdrawShare: 'sharing',
  pendingShares: 'sharing',
  sharedLibrary: 'sharing',
  sharedCopy: 'sharing',
  teamHome: 'team-home',
  teamMemoryMarkdown: 'team-home',
  teamMemoryCsv: 'team-home',
};

type Entries = Readonly<Record<string, Endpoint>>;

/** One `import()` per module, written out so the bundler makes each its own chunk. */
const loaders: { readonly [F in Feature]: () => Promise<Entries> } = {
  admin: async () => (await import('#contracts/api-admin')).adminApi,
  audit: async () => (await import('#contracts/api-audit')).auditApi,
  memory: async () => (await import('#contracts/api-memory')).memoryApi,
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
/** Modules asked for (a failed load is dropped, so the next call tries again) and those loaded. */
const loading = new Map<Feature, Promise<Entries>>();
const loaded = new Map<Feature, Entries>();

function unknownEndpoint(name: string): Error {
  return new Error(`[api] unknown endpoint ${JSON.stringify(name)}: it is not in the catalogue`);
}

/** The feature module an endpoint is in, or undefined for the core's (and for a name that is neither). */
export function featureOfEndpoint(name: string): Feature | undefined {
  return Object.hasOwn(featureOf, name) ? featureOf[name as FeatureEndpointName] : undefined;
}

/** The entry if it is at hand now: a core endpoint, or one of a feature already loaded. */
export function endpointAtHand(name: string): Endpoint | undefined {
  if (Object.hasOwn(core, name)) return core[name];
  const feature = featureOfEndpoint(name);
  const entries = feature && loaded.get(feature);
  return entries && Object.hasOwn(entries, name) ? entries[name] : undefined;
}

function loadFeature(feature: Feature): Promise<Entries> {
  let promise = loading.get(feature);
  if (!promise) {
    promise = loaders[feature]().then(
      (entries) => {
        loaded.set(feature, entries);
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

/**
 * The entry of an endpoint, loading its feature's module on first use. An unknown name is a programming
 * error: it rejects.
 */
export async function loadEndpoint(name: string): Promise<Endpoint> {
  const atHand = endpointAtHand(name);
  if (atHand) return atHand;
  const feature = featureOfEndpoint(name);
  if (!feature) throw unknownEndpoint(name);
  const entries = await loadFeature(feature);
  if (!Object.hasOwn(entries, name)) throw unknownEndpoint(name);
  return entries[name] as Endpoint;
}
