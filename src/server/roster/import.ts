/**
 * ROSTER-PREVIEW-1, ROSTER-COMMIT-*: a set's files to a preview, and the commit that recomputes the plan in one
 * transaction under a per-district lock, refuses (409) when it differs from the previewed one, applies it and
 * records one audit entry with counts only. Shared by the routes and `ensemble import-roster`.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { RosterCounts, RosterPreview, RosterProblem } from '#contracts/roster';
import { planRoster, readRosterSet, type PlanResult } from '#core/roster/index';
import type { FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/record';
import type { DbOrTx, Db } from '../db/client';
import type { RosterFiles } from './files';
import { applyRosterPlan, loadRosterCurrent } from './queries';

export interface Computed {
  result: PlanResult;
  version: RosterPreview['version'];
  mode: RosterPreview['mode'];
  planHash: string;
  ok: boolean;
  current: Awaited<ReturnType<typeof loadRosterCurrent>>;
}

export const formatProblem = (p: RosterProblem) =>
  `${p.file}${p.line !== null ? `:${p.line}` : ''}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;

async function compute(db: DbOrTx, districtId: string, files: RosterFiles): Promise<Computed> {
  const set = readRosterSet(files);
  const current = await loadRosterCurrent(
    db,
    districtId,
    set.staff.map((p) => p.email),
  );
  const result = planRoster(set, current);
  const planHash = createHash('sha256').update(JSON.stringify(result.plan)).digest('hex');
  const ok = !result.problems.some((p) => p.severity === 'error');
  return { result, version: set.version, mode: set.mode, planHash, ok, current };
}

export async function previewRoster(db: DbOrTx, districtId: string, files: RosterFiles): Promise<Computed> {
  return compute(db, districtId, files);
}

export type CommitOutcome =
  | { status: 'committed'; counts: RosterCounts; deactivated: string[]; changed: string[] }
  | { status: 'refused'; problems: RosterProblem[] }
  | { status: 'changed' };

export async function commitRoster(
  db: Db,
  opts: {
    districtId: string;
    actorId: string | null;
    files: RosterFiles;
    /** The previewed plan's hash; null for the command line, which previews and commits in one go. */
    planHash: string | null;
    from: FastifyRequest | 'cli';
    now?: Date;
  },
): Promise<CommitOutcome> {
  return db.transaction(async (tx) => {
    // ROSTER-COMMIT-2: one import of a district at a time; the plan is computed again inside the lock.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`ensemble.roster:${opts.districtId}`}))`);
    const c = await compute(tx, opts.districtId, opts.files);
    if (!c.ok)
      return { status: 'refused', problems: c.result.problems.filter((p) => p.severity === 'error') };
    if (opts.planHash !== null && opts.planHash !== c.planHash) return { status: 'changed' };
    const { plan } = c.result;
    await applyRosterPlan(tx, opts.districtId, c.current, plan, opts.now ?? new Date());
    await recordAudit(tx, {
      districtId: opts.districtId,
      actorId: opts.actorId,
      action: 'roster.imported',
      subject: { type: 'district', id: opts.districtId },
      details: { version: c.version, ...c.result.counts, warnings: c.result.problems.length },
      from: opts.from,
    });
    return {
      status: 'committed',
      counts: c.result.counts,
      deactivated: plan.people.deactivate.map((d) => d.userId),
      changed: plan.people.update.map((u) => u.userId),
    };
  });
}
