/**
 * Professional organizations (issue 14, NET-ORG-*): the shipped list (`directory/*.yaml`) as each district or
 * network keeps it. Everyone there reads it; its admins (a network's conveners) add, change and hide entries.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { api } from '#contracts/api';
import type { DirectoryEntry, OrganizationFields } from '#contracts/organizations';
import { mergeDirectory, type MergedOrganization } from '#core/directory/organizations';
import { recordAudit } from '../audit/record';
import type { DbOrTx } from '../db/client';
import { professionalOrganizations } from '../db/schema';
import { notFound } from '../http/errors';
import { registerEndpoint } from '../http/route';
import type { Actor } from '../policy/actor';
import { authorize, can } from '../policy/policy';
import type { Services } from '../services';

const directoryOf = (actor: Actor) => ({ kind: 'directory' as const, districtId: actor.districtId });

function present(o: MergedOrganization): DirectoryEntry {
  return { ...o, updatedAt: o.updatedAt ? o.updatedAt.toISOString() : null };
}

async function ownRows(db: DbOrTx, districtId: string) {
  return db
    .select()
    .from(professionalOrganizations)
    .where(eq(professionalOrganizations.districtId, districtId));
}

const columns = (f: OrganizationFields, hidden: boolean, actor: Actor) => ({
  name: f.name,
  url: f.url,
  scope: f.scope,
  state: f.scope === 'state' ? (f.state ?? null) : null,
  audience: f.audience,
  offers: f.offers,
  hidden,
  updatedBy: actor.userId,
  updatedAt: new Date(),
});

/** NET-ORG-2: each change to the list, in the audit log of the district or network that keeps it. */
function recordChange(
  tx: DbOrTx,
  actor: Actor,
  req: FastifyRequest,
  id: string,
  change: 'added' | 'changed' | 'hidden' | 'removed' | 'restored',
) {
  return recordAudit(tx, {
    districtId: actor.districtId,
    actorId: actor.userId,
    action: 'directory.changed',
    subject: { type: 'organization', id },
    details: { change },
    from: req,
  });
}

/** An entry this district or network added itself (never a shipped one's edit). */
const ownEntry = (actor: Actor, id: string) =>
  and(
    eq(professionalOrganizations.districtId, actor.districtId),
    eq(professionalOrganizations.id, id),
    isNull(professionalOrganizations.shippedSlug),
  );

export function registerOrganizationRoutes(app: FastifyInstance, s: Services) {
  /** One merged entry by its key, as an editor sees it. */
  async function entry(db: DbOrTx, actor: Actor, key: string): Promise<DirectoryEntry> {
    const found = mergeDirectory(s.directory, await ownRows(db, actor.districtId), true).find(
      (o) => o.key === key,
    );
    if (!found) throw notFound('That organization');
    return present(found);
  }
  const shipped = (slug: string) => {
    if (!s.directory.some((o) => o.id === slug)) throw notFound('That organization');
    return slug;
  };

  registerEndpoint(app, api.listOrganizations, async ({ actor }) => {
    authorize(actor, 'read', directoryOf(actor));
    const canEdit = can(actor, 'update', directoryOf(actor));
    return {
      items: mergeDirectory(s.directory, await ownRows(s.db, actor.districtId), canEdit).map(present),
      canEdit,
    };
  });

  registerEndpoint(app, api.addOrganization, async ({ actor, body, req }) => {
    authorize(actor, 'update', directoryOf(actor));
    return s.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(professionalOrganizations)
        .values({ districtId: actor.districtId, ...columns(body, false, actor) })
        .returning({ id: professionalOrganizations.id });
      if (!row) throw new Error('insert returned no row');
      await recordChange(tx, actor, req, row.id, 'added');
      return entry(tx, actor, row.id);
    });
  });

  registerEndpoint(app, api.updateOrganization, async ({ actor, params, body, req }) => {
    authorize(actor, 'update', directoryOf(actor));
    return s.db.transaction(async (tx) => {
      const [row] = await tx
        .update(professionalOrganizations)
        .set(columns(body.fields, body.hidden, actor))
        .where(ownEntry(actor, params.organizationId))
        .returning({ id: professionalOrganizations.id });
      if (!row) throw notFound('That organization');
      await recordChange(tx, actor, req, row.id, body.hidden ? 'hidden' : 'changed');
      return entry(tx, actor, row.id);
    });
  });

  registerEndpoint(app, api.removeOrganization, async ({ actor, params, req }) => {
    authorize(actor, 'update', directoryOf(actor));
    return s.db.transaction(async (tx) => {
      const [row] = await tx
        .delete(professionalOrganizations)
        .where(ownEntry(actor, params.organizationId))
        .returning({ id: professionalOrganizations.id });
      if (!row) throw notFound('That organization');
      await recordChange(tx, actor, req, row.id, 'removed');
      return { ok: true as const };
    });
  });

  registerEndpoint(app, api.editShippedOrganization, async ({ actor, params, body, req }) => {
    authorize(actor, 'update', directoryOf(actor));
    const slug = shipped(params.slug);
    return s.db.transaction(async (tx) => {
      await tx
        .insert(professionalOrganizations)
        .values({
          districtId: actor.districtId,
          shippedSlug: slug,
          ...columns(body.fields, body.hidden, actor),
        })
        .onConflictDoUpdate({
          target: [professionalOrganizations.districtId, professionalOrganizations.shippedSlug],
          set: columns(body.fields, body.hidden, actor),
        });
      await recordChange(tx, actor, req, slug, body.hidden ? 'hidden' : 'changed');
      return entry(tx, actor, `shipped:${slug}`);
    });
  });

  registerEndpoint(app, api.restoreShippedOrganization, async ({ actor, params, req }) => {
    authorize(actor, 'update', directoryOf(actor));
    const slug = shipped(params.slug);
    return s.db.transaction(async (tx) => {
      await tx
        .delete(professionalOrganizations)
        .where(
          and(
            eq(professionalOrganizations.districtId, actor.districtId),
            eq(professionalOrganizations.shippedSlug, slug),
          ),
        );
      await recordChange(tx, actor, req, slug, 'restored');
      return entry(tx, actor, `shipped:${slug}`);
    });
  });
}
