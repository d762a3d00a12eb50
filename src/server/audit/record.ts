import type { FastifyRequest } from 'fastify';
import type { AuditAction } from '#contracts/audit';
import type { DbOrTx } from '../db/client';
import { auditEvents } from '../db/schema';

export interface AuditRecord {
  /** Null only for the installation itself, or a failed sign-in for an address nobody has. */
  districtId: string | null;
  actorId: string | null;
  action: AuditAction;
  subject?: { type: string; id: string };
  /** Ids, roles and counts only: never a secret, a token or private text. */
  details?: Record<string, string | number | boolean | null>;
  /** Where the request came from; `from: 'cli'` for the command line. */
  from?: FastifyRequest | 'cli';
}

/**
 * Appends one audit entry, in the caller's transaction when given one, so an action and its entry commit
 * together. Client address: `req.ip`, which honours only the configured trusted proxies (TRUST_PROXY).
 */
export async function recordAudit(db: DbOrTx, entry: AuditRecord): Promise<void> {
  const from = entry.from;
  await db.insert(auditEvents).values({
    districtId: entry.districtId,
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subject?.type ?? null,
    subjectId: entry.subject?.id ?? null,
    ip: from === 'cli' ? 'cli' : (from?.ip ?? null),
    userAgent: from && from !== 'cli' ? (from.headers['user-agent']?.slice(0, 300) ?? null) : null,
    details: entry.details ?? {},
  });
}
