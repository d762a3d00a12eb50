/**
 * Where each catalogue endpoint may be called (ADR 0032): its entry's `spaces`, or for the core catalogue this
 * list, kept on the server so the web's first chunk (which carries `api-core.ts` to every page, the meeting page
 * included: DAY-PERF-1) does not carry it. Anything else is the district's only.
 */
import { anySpace, type Endpoint } from '#contracts/endpoint';
import { coreApi } from '#contracts/api-core';

type CoreName = keyof typeof coreApi;

/** Core endpoints a network's members call in it (their groups are its cohorts: NET-COHORT-3). */
const coreInAnySpace: readonly CoreName[] = [
  'me',
  'listGroups',
  'getGroup',
  'addMember',
  'updateMember',
  'removeMember',
  'getMeetingSettings',
  'updateMeetingSettings',
  'listRoutines',
  'listMeetings',
  'scheduleMeeting',
  'getMeeting',
  'openMeeting',
  'findMeetingByCode',
  'meetingMinutes',
  'meetingMinutesMarkdown',
];

const coreSpaces = new Map<Endpoint, readonly ('district' | 'network')[]>(
  coreInAnySpace.map((name) => [coreApi[name], anySpace]),
);

export function spacesOfEndpoint(endpoint: Endpoint): readonly ('district' | 'network')[] {
  return endpoint.spaces ?? coreSpaces.get(endpoint) ?? ['district'];
}
