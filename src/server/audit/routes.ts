import type { FastifyInstance } from 'fastify';
import { api } from '#contracts/api';
import { AUDIT_PAGE_SIZE, type AuditEntry, type AuditQuery } from '#contracts/audit';
import { registerEndpoint } from '../http/route';
import type { Actor } from '../policy/actor';
import { authorize } from '../policy/policy';
import type { Services } from '../services';
import { presentAuditCsvRow, presentAuditEntry, CSV_HEADER } from './presenter';
import { countAuditEvents, listAuditEvents, type AuditFilter } from './queries';
import { recordAudit } from './record';

/** The most rows one CSV export carries (narrow the dates for more). */
export const CSV_MAX_ROWS = 100_000;
const CSV_BATCH = 2_000;
const DAY_MS = 86_400_000;

/** A calendar day is a UTC day; `to` as a day includes that whole day. */
function instant(value: string | undefined, end: boolean): Date | undefined {
  if (value === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = new Date(`${value}T00:00:00.000Z`);
    return end ? new Date(day.getTime() + DAY_MS) : day;
  }
  return new Date(value);
}

function filterOf(actor: Actor, q: Omit<AuditQuery, 'page'>): AuditFilter {
  return {
    districtId: actor.districtId,
    action: q.action,
    actorId: q.actorId,
    from: instant(q.from, false),
    to: instant(q.to, true),
  };
}

function authorizeAudit(actor: Actor) {
  authorize(actor, 'read-audit', { kind: 'district', id: actor.districtId, districtId: actor.districtId });
}

const present = (rows: Awaited<ReturnType<typeof listAuditEvents>>): AuditEntry[] =>
  rows.map(presentAuditEntry).filter((e): e is AuditEntry => e !== null);

export function registerAuditRoutes(app: FastifyInstance, s: Services) {
  registerEndpoint(app, api.auditLog, async ({ actor, query }) => {
    authorizeAudit(actor);
    const filter = filterOf(actor, query);
    const [rows, total] = await Promise.all([
      listAuditEvents(s.db, filter, { limit: AUDIT_PAGE_SIZE, offset: (query.page - 1) * AUDIT_PAGE_SIZE }),
      countAuditEvents(s.db, filter),
    ]);
    return { items: present(rows), page: query.page, pageSize: AUDIT_PAGE_SIZE, total };
  });

  registerEndpoint(app, api.auditLogCsv, async ({ actor, query, req, reply }) => {
    authorizeAudit(actor);
    const filter = filterOf(actor, query);
    const parts = [CSV_HEADER];
    let rows = 0;
    for (let offset = 0; offset < CSV_MAX_ROWS; offset += CSV_BATCH) {
      const batch = await listAuditEvents(s.db, filter, {
        limit: Math.min(CSV_BATCH, CSV_MAX_ROWS - offset),
        offset,
      });
      for (const entry of present(batch)) parts.push(presentAuditCsvRow(entry));
      rows += batch.length;
      if (batch.length < CSV_BATCH) break;
    }
    // The export is itself an event of the log (TRUST-AUDIT-5); the filters say what left.
    await recordAudit(s.db, {
      districtId: actor.districtId,
      actorId: actor.userId,
      action: 'export.audit_log',
      details: {
        rows,
        action: query.action ?? null,
        actorId: query.actorId ?? null,
        from: query.from ?? null,
        to: query.to ?? null,
      },
      from: req,
    });
    const day = new Date().toISOString().slice(0, 10);
    void reply.header('Content-Disposition', `attachment; filename="ensemble-audit-log-${day}.csv"`);
    // A byte-order mark, so spreadsheet programs read the names as UTF-8.
    return `\uFEFF${parts.join('')}`;
  });
}
