/** The catalogue's first run: the first district and the first team (the setup pages); merged in `api.ts`, loaded by the web client on first use (ADR 0026). */
import { Me, SetupRequest } from './auth';
import { FirstTeamRequest, FirstTeamResult } from './guests';
import { e, type Endpoint } from './endpoint';

export const setupApi = {
  setup: e({
    method: 'POST',
    path: '/api/setup',
    auth: 'public',
    body: SetupRequest,
    response: Me,
    summary: 'Create the first district and its admin (only on an empty database)',
    tag: 'setup',
  }),
  firstTeam: e({
    method: 'POST',
    path: '/api/setup/first-team',
    auth: 'session',
    body: FirstTeamRequest,
    response: FirstTeamResult,
    summary:
      'First steps (district admin): create a school, a team the caller facilitates, and a Share Successes meeting opened now',
    tag: 'setup',
  }),
} as const satisfies Record<string, Endpoint>;
