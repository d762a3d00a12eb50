/** The catalogue's routine library: one routine, the editor, import, export and sharing (ADR 0018); merged in `api.ts`, loaded by the web client on first use (ADR 0026). */
import { z } from './zod';
import { Ok } from './common';
import { CustomizeRoutineRequest, Routine } from './meetings-api';
import {
  CreateRoutineRequest,
  ImportRoutinesRequest,
  ImportRoutinesResult,
  RoutineQuery,
  ShareRoutineRequest,
  SharedRoutine,
} from './routine-library';
import { e, type Endpoint, anySpace } from './endpoint';

export const routinesApi = {
  getRoutine: e({
    method: 'GET',
    path: '/api/groups/:groupId/routines/:routine',
    auth: 'session',
    spaces: anySpace,
    query: RoutineQuery,
    response: Routine,
    summary: 'A routine with its steps (latest version)',
    tag: 'routines',
  }),
  customizeRoutine: e({
    method: 'POST',
    path: '/api/groups/:groupId/routines',
    auth: 'session',
    spaces: anySpace,
    body: CustomizeRoutineRequest,
    response: Routine,
    summary: "Save the group's own version of a routine",
    tag: 'routines',
  }),
  createRoutine: e({
    method: 'POST',
    path: '/api/groups/:groupId/routines/new',
    auth: 'session',
    spaces: anySpace,
    body: CreateRoutineRequest,
    response: Routine,
    summary: 'A new routine, from scratch or a copy',
    tag: 'routines',
  }),
  importRoutines: e({
    method: 'POST',
    path: '/api/groups/:groupId/routines/import',
    auth: 'session',
    spaces: anySpace,
    body: ImportRoutinesRequest,
    response: ImportRoutinesResult,
    summary: 'Import routine YAML files (all or none)',
    tag: 'routines',
  }),
  exportRoutine: e({
    method: 'GET',
    path: '/api/groups/:groupId/routines/:routine/yaml',
    auth: 'session',
    spaces: anySpace,
    query: RoutineQuery,
    response: z.string(),
    produces: 'application/yaml',
    summary: 'A routine as a YAML file',
    tag: 'routines',
  }),
  shareRoutine: e({
    method: 'POST',
    path: '/api/groups/:groupId/routines/:routine/share',
    auth: 'session',
    body: ShareRoutineRequest,
    response: SharedRoutine,
    summary: 'Share a routine with the school or district',
    tag: 'routines',
  }),
  withdrawRoutine: e({
    method: 'POST',
    path: '/api/library/:routine/withdraw',
    auth: 'session',
    response: Ok,
    summary: 'Withdraw a routine from the library',
    tag: 'routines',
  }),
} as const satisfies Record<string, Endpoint>;
