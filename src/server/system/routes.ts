import { desc, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { api } from '#contracts/api';
import { outbox } from '../db/schema';
import { notFound } from '../http/errors';
import { registerEndpoint } from '../http/route';
import type { Services } from '../services';

export const VERSION = '0.1.0';

/** The dev outbox holds live reset links, so only someone on the server machine itself may read it. */
export function isLoopback(req: FastifyRequest): boolean {
  const ip = req.socket.remoteAddress ?? '';
  return ip.startsWith('127.') || ip === '::1' || ip.startsWith('::ffff:127.');
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

  registerEndpoint(app, api.devOutbox, async ({ req }) => {
    if (!s.mailer.capturing || !isLoopback(req)) throw notFound('The outbox');
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
