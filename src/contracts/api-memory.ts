/** The catalogue's team memory records (issue 12, ADR 0019); merged in `api.ts`, loaded by the web client on first use (ADR 0026). */
import {
  EditMemoryRecordRequest,
  LinkObservationRequest,
  LogSuccessRequest,
  MemoryListQuery,
  MemoryPage,
  MemoryRecord,
  ResolveDilemmaRequest,
} from './memory';
import { e, type Endpoint, anySpace } from './endpoint';

export const memoryApi = {
  // Team memory: records (issue 12, H1, ADR 0019)
  teamMemory: e({
    method: 'GET',
    path: '/api/groups/:groupId/memory',
    auth: 'session',
    spaces: anySpace,
    query: MemoryListQuery,
    response: MemoryPage,
    summary: 'The team’s successes, problems of practice or observations (team members only)',
    tag: 'memory',
  }),
  memoryRecord: e({
    method: 'GET',
    path: '/api/groups/:groupId/memory/:recordId',
    auth: 'session',
    spaces: anySpace,
    response: MemoryRecord,
    summary: 'One record of the team’s memory with its links (team members only)',
    tag: 'memory',
  }),
  logSuccess: e({
    method: 'POST',
    path: '/api/groups/:groupId/memory/successes',
    auth: 'session',
    spaces: anySpace,
    body: LogSuccessRequest,
    response: MemoryRecord,
    summary: 'Log a success outside a meeting',
    tag: 'memory',
  }),
  editMemoryRecord: e({
    method: 'PATCH',
    path: '/api/groups/:groupId/memory/:recordId',
    auth: 'session',
    spaces: anySpace,
    body: EditMemoryRecordRequest,
    response: MemoryRecord,
    summary: 'Edit a record’s title, tags and texts (its author or a team facilitator)',
    tag: 'memory',
  }),
  resolveDilemma: e({
    method: 'POST',
    path: '/api/groups/:groupId/memory/:recordId/resolve',
    auth: 'session',
    spaces: anySpace,
    body: ResolveDilemmaRequest,
    response: MemoryRecord,
    summary: 'Mark a problem of practice resolved with evidence: it becomes a success linked to it',
    tag: 'memory',
  }),
  linkObservation: e({
    method: 'PUT',
    path: '/api/groups/:groupId/memory/:recordId/inspired-by',
    auth: 'session',
    spaces: anySpace,
    body: LinkObservationRequest,
    response: MemoryRecord,
    summary: 'Link a success to the observation that inspired it',
    tag: 'memory',
  }),
} as const satisfies Record<string, Endpoint>;
