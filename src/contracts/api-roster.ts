/**
 * The catalogue's OneRoster import (issue 15, ADR 0039, ROSTER-*): a district admin previews a set (a zip, base64)
 * and commits the previewed plan; loaded by the web client with the import page only (ADR 0026).
 */
import { e, type Endpoint } from './endpoint';
import { RosterCommit, RosterCommitted, RosterPreview, RosterUpload } from './roster';

export const rosterApi = {
  previewRoster: e({
    method: 'POST',
    path: '/api/roster/preview',
    auth: 'session',
    body: RosterUpload,
    response: RosterPreview,
    summary:
      'Preview a OneRoster 1.1 or 1.2 bulk CSV set (a zip): the schools and staff it adds, updates and deactivates, and every problem with its file and line (district admin; changes nothing)',
    tag: 'organization',
  }),
  commitRoster: e({
    method: 'POST',
    path: '/api/roster/commit',
    auth: 'session',
    body: RosterCommit,
    response: RosterCommitted,
    summary:
      'Commit a previewed OneRoster import in one transaction (district admin); 409 when the plan is no longer the previewed one, 400 with the problems when the set has errors',
    examples: {
      body: {
        zip: 'UEsDBBQAAAAIAA==',
        planHash: '9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a1c3e5b7d9f0a2c4e6b8d0f',
      },
    },
    tag: 'organization',
  }),
} as const satisfies Record<string, Endpoint>;
