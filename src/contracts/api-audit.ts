/** The catalogue's audit log; merged in `api.ts`, loaded by the web client on first use (ADR 0026). */
import { z } from './zod';
import { AuditPage, AuditQuery } from './audit';
import { e, type Endpoint } from './endpoint';

export const auditApi = {
  auditLog: e({
    method: 'GET',
    path: '/api/audit',
    auth: 'session',
    query: AuditQuery,
    response: AuditPage,
    summary: "The district's audit log, newest first, filtered (district admin)",
    tag: 'audit',
  }),
  auditLogCsv: e({
    method: 'GET',
    path: '/api/audit.csv',
    auth: 'session',
    query: z.omit(AuditQuery, { page: true }),
    response: z.string(),
    produces: 'text/csv',
    summary: 'The filtered audit log as CSV (RFC 4180, spreadsheet-safe); the export is itself logged',
    tag: 'audit',
  }),
} as const satisfies Record<string, Endpoint>;
