/**
 * Data rights (issue 15, ADR 0042): spread into the admin module (`api-admin.ts`), so the client loads them with it
 * (ADR 0026) and the first chunk's table of feature modules does not grow.
 */
import { z } from './zod';
import { DeleteAccountBody, DeleteAccountResult, RetentionView, UpdateRetentionSettings } from './rights';
import { e, type Endpoint } from './endpoint';

/** A zip archive's bytes (the handler streams or sends them; never JSON, so never validated here). */
const ZipBytes = z.unknown();

export const rightsApi = {
  myDataExport: e({
    method: 'GET',
    path: '/api/me/data-export',
    auth: 'session',
    produces: 'application/zip',
    response: ZipBytes,
    summary:
      'All of your data as a zip: my-data.json (machine-readable, versioned) and my-data.md (to read), networks included',
    tag: 'rights',
  }),
  deleteMyAccount: e({
    method: 'POST',
    path: '/api/me/delete-account',
    auth: 'session',
    body: DeleteAccountBody,
    response: DeleteAccountResult,
    summary:
      'Delete your account: private content deleted, shared contributions kept under "A former member" (password again)',
    examples: { body: { password: 'your current password', confirm: 'DELETE' } },
    tag: 'rights',
  }),
  districtDataExport: e({
    method: 'GET',
    path: '/api/district/data-export',
    auth: 'session',
    produces: 'application/zip',
    response: ZipBytes,
    summary:
      "The district's data as a streamed zip of JSON Lines, one file per table, without private reflections, private notes or survey answers (district admins)",
    tag: 'rights',
  }),
  retentionSettings: e({
    method: 'GET',
    path: '/api/district/retention',
    auth: 'session',
    response: RetentionView,
    summary: "The district's retention settings and when they were last applied (district admins)",
    tag: 'rights',
  }),
  updateRetentionSettings: e({
    method: 'PUT',
    path: '/api/district/retention',
    auth: 'session',
    body: UpdateRetentionSettings,
    response: RetentionView,
    summary: "Set the district's retention (years, each at least its minimum; null keeps) (district admins)",
    tag: 'rights',
  }),
} as const satisfies Record<string, Endpoint>;
