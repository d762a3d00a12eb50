/**
 * Personal API tokens (ADR 0041, API-TOKEN-*): a person makes, lists and revokes their own; a district admin
 * lists and revokes the district's. Session cookie only (`bearer: false` on every entry): a token never makes,
 * sees or revokes tokens.
 */
import type { FastifyInstance } from 'fastify';
import { api } from '#contracts/api';
import { recordAudit } from '../audit/record';
import { hashSecret } from '../auth/tokens';
import { notFound } from '../http/errors';
import { registerEndpoint } from '../http/route';
import type { Actor } from '../policy/actor';
import { authorize } from '../policy/policy';
import type { Services } from '../services';
import { presentApiToken, presentDistrictApiToken } from './presenter';
import {
  deleteToken,
  findToken,
  insertApiToken,
  listTokensOf,
  listTokensOfDistrict,
  type ApiTokenListed,
} from './queries';
import { newApiTokenSecret } from './resolve';

const DAY_MS = 86_400_000;

const subjectOf = (row: ApiTokenListed) =>
  ({ kind: 'api-token', id: row.id, districtId: row.districtId, ownerId: row.userId }) as const;

export function registerApiTokenRoutes(app: FastifyInstance, s: Services) {
  registerEndpoint(app, api.listMyApiTokens, async ({ actor }) => {
    const rows = await listTokensOf(s.db, actor.districtId, actor.userId);
    return { items: rows.map(presentApiToken) };
  });

  registerEndpoint(app, api.createApiToken, async ({ actor, body, req }) => {
    const secret = newApiTokenSecret();
    const expiresAt = body.expiresInDays === null ? null : new Date(Date.now() + body.expiresInDays * DAY_MS);
    const row = await s.db.transaction(async (tx) => {
      const created = await insertApiToken(tx, {
        districtId: actor.districtId,
        userId: actor.userId,
        name: body.name,
        scope: body.scope,
        secretHash: hashSecret(secret),
        expiresAt,
      });
      await recordAudit(tx, {
        districtId: actor.districtId,
        actorId: actor.userId,
        action: 'api_token.created',
        subject: { type: 'api_token', id: created.id },
        details: { scope: created.scope, expiresInDays: body.expiresInDays },
        from: req,
      });
      return created;
    });
    return { token: presentApiToken(row), secret };
  });

  async function revoke(
    actor: Actor,
    tokenId: string,
    req: Parameters<typeof recordAudit>[1]['from'],
    own: boolean,
  ) {
    await s.db.transaction(async (tx) => {
      const row = await findToken(tx, actor.districtId, tokenId);
      // Someone else's token on the personal route is not found, as in another district.
      if (!row || (own && row.userId !== actor.userId)) throw notFound('That API token');
      authorize(actor, 'revoke', subjectOf(row));
      await deleteToken(tx, actor.districtId, row.id);
      await recordAudit(tx, {
        districtId: actor.districtId,
        actorId: actor.userId,
        action: 'api_token.revoked',
        subject: { type: 'api_token', id: row.id },
        details: { ownerId: row.userId, byOwner: row.userId === actor.userId },
        from: req,
      });
    });
    return { ok: true } as const;
  }

  registerEndpoint(app, api.revokeApiToken, ({ actor, params, req }) =>
    revoke(actor, params.tokenId, req, true),
  );

  registerEndpoint(app, api.listDistrictApiTokens, async ({ actor }) => {
    authorize(actor, 'manage-api-tokens', {
      kind: 'district',
      id: actor.districtId,
      districtId: actor.districtId,
    });
    const rows = await listTokensOfDistrict(s.db, actor.districtId);
    return { items: rows.map(presentDistrictApiToken) };
  });

  registerEndpoint(app, api.revokeDistrictApiToken, async ({ actor, params, req }) => {
    authorize(actor, 'manage-api-tokens', {
      kind: 'district',
      id: actor.districtId,
      districtId: actor.districtId,
    });
    return revoke(actor, params.tokenId, req, false);
  });
}
