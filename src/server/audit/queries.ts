import { and, count, desc, eq, gte, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { AuditAction } from '#contracts/audit';
import type { DbOrTx } from '../db/client';
import { auditEvents, users } from '../db/schema';

/**
 * Events of the installation itself (district null) that every district's admins see, because they concern
 * every district's data: a backup holds it all. Other district-less entries (a failed sign-in for an address
 * nobody has) stay out of every district's log: they would tell one district about another's visitors.
 */
export const INSTALLATION_ACTIONS: AuditAction[] = ['backup.created', 'backup.restored'];

export interface AuditFilter {
  districtId: string;
  action?: AuditAction | undefined;
  actorId?: string | undefined;
  /** Inclusive. */
  from?: Date | undefined;
  /** Exclusive. */
  to?: Date | undefined;
}

function whereOf(f: AuditFilter): SQL | undefined {
  const scope = or(
    eq(auditEvents.districtId, f.districtId),
    and(isNull(auditEvents.districtId), inArray(auditEvents.action, INSTALLATION_ACTIONS)),
  );
  return and(
    scope,
    f.action ? eq(auditEvents.action, f.action) : undefined,
    f.actorId ? eq(auditEvents.actorId, f.actorId) : undefined,
    f.from ? gte(auditEvents.at, f.from) : undefined,
    f.to ? lt(auditEvents.at, f.to) : undefined,
  );
}

export interface AuditRow {
  id: string;
  at: Date;
  action: string;
  actorId: string | null;
  actorName: string | null;
  subjectType: string | null;
  subjectId: string | null;
  ip: string | null;
  userAgent: string | null;
  details: unknown;
}

/** Newest first; the actor's name only when the actor is a person of the same district. */
export async function listAuditEvents(
  db: DbOrTx,
  f: AuditFilter,
  page: { limit: number; offset: number },
): Promise<AuditRow[]> {
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      actorId: auditEvents.actorId,
      actorName: users.name,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      ip: auditEvents.ip,
      userAgent: auditEvents.userAgent,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(users, and(eq(users.id, auditEvents.actorId), eq(users.districtId, f.districtId)))
    .where(whereOf(f))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(page.limit)
    .offset(page.offset);
}

export async function countAuditEvents(db: DbOrTx, f: AuditFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditEvents).where(whereOf(f));
  return row?.n ?? 0;
}
