import { desc, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { api } from '#contracts/api';
import { outbox } from '../db/schema';
import { notFound } from '../http/errors';
import { registerEndpoint } from '../http/route';
import type { Services } from '../services';
import { VERSION } from './version';

/**
 * TRUST-MAIL-1: the dev outbox holds live reset and invitation links, so it exists only in the explicit
 * development mode (`--dev`, ENSEMBLE_DEV=1), never because a request "looks local" (behind a proxy every
 * request does).
 */
export function outboxServed(s: Pick<Services, 'config' | 'mailer'>): boolean {
  return s.config.dev && s.mailer.mode === 'dev-outbox';
}

export function registerSystemRoutes(app: FastifyInstance, s: Services) {
  registerEndpoint(app, api.health, async ({ reply }) => {
    try {
      await s.db.execute(sql`select 1`);
      return { status: 'ok' as const, database: 'up' as const, version: VERSION };
    } catch {
      // 503 tells a load balancer to route elsewhere; the body says why.
      void reply.status(503);
      return { status: 'degraded' as const, database: 'down' as const, version: VERSION };
    }
  });

  registerEndpoint(app, api.devOutbox, async () => {
    if (!outboxServed(s)) throw notFound('The outbox');
    const rows = await s.db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(200);
    return {
      items: rows.map((m) => ({
        id: m.id,
        to: m.to,
        subject: m.subject,
        text: m.text,
        createdAt: m.createdAt.toISOString(),
      })),
    };
  });
}
