/** The catalogue's team home and memory exports (issue 12, ADR 0022); merged in `api.ts`, loaded by the web client on first use (ADR 0026). */
import { z } from './zod';
import { TeamHome } from './team-home';
import { e, type Endpoint, anySpace } from './endpoint';

export const teamHomeApi = {
  teamHome: e({
    method: 'GET',
    path: '/api/groups/:groupId/home',
    auth: 'session',
    spaces: anySpace,
    response: TeamHome,
    summary:
      "The team's home (its active members only): the next meeting, the routine journey, the sources of efficacy over time and what changed since the caller's last visit (which this read records)",
    tag: 'team-home',
  }),
  teamMemoryMarkdown: e({
    method: 'GET',
    path: '/api/groups/:groupId/memory.md',
    auth: 'session',
    spaces: anySpace,
    response: z.string(),
    produces: 'text/markdown',
    summary: "The team's memory (successes, dilemmas, observations) as Markdown (its active members; logged)",
    tag: 'team-home',
  }),
  teamMemoryCsv: e({
    method: 'GET',
    path: '/api/groups/:groupId/memory.csv',
    auth: 'session',
    spaces: anySpace,
    response: z.string(),
    produces: 'text/csv',
    summary: "The team's memory as CSV (RFC 4180, spreadsheet-safe; its active members; logged)",
    tag: 'team-home',
  }),
} as const satisfies Record<string, Endpoint>;
