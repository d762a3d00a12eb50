/**
 * CAP-API-2..5 (ADR 0045): the session cache is exactly as strict as reading every session from the database.
 * Two caches stand for two app nodes; changes are made by raw SQL on another connection (another node, a script),
 * which only the database's own notifications can tell the caches about.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../test/db';
import { connectDatabase, type Database } from '../db/client';
import { districts, groups } from '../db/schema';
import { AccessCache } from './access-cache';
import {
  createAccessFeed,
  createSession,
  resolveSession,
  sessionCacheOn,
  type SessionCache,
} from './sessions';

let testDb: TestDatabase;
let database: Database;
/** Another connection, as another node or a script would change things. */
let other: pg.Client;
let feedA: AccessCache;
let feedB: AccessCache;
let nodeA: SessionCache;
let nodeB: SessionCache;
let districtId = '';
let groupId = '';
const problems: string[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = connectDatabase(testDb.url, { max: 4 });
  other = new pg.Client({ connectionString: testDb.url });
  await other.connect();
  const [d] = await database.db.insert(districts).values({ name: 'Cache District' }).returning();
  districtId = d!.id;
  const [g] = await database.db
    .insert(groups)
    .values({ districtId, kind: 'teacher_team', focus: 'plc', name: 'Cache Team' })
    .returning();
  groupId = g!.id;
  feedA = createAccessFeed(database.pool, (what) => problems.push(what));
  feedB = createAccessFeed(database.pool, (what) => problems.push(what));
  nodeA = sessionCacheOn(feedA);
  nodeB = sessionCacheOn(feedB);
  await Promise.all([feedA.start(), feedB.start()]);
});

afterAll(async () => {
  await feedA.close();
  await feedB.close();
  await other.end();
  await database.close();
  await testDb.drop();
});

async function person(key: string) {
  const rows = await other.query<{ id: string }>(
    `INSERT INTO users (district_id, email, name) VALUES ($1, $2, $3) RETURNING id`,
    [districtId, `${key}-${randomUUID().slice(0, 8)}@cache.test`, key],
  );
  const id = rows.rows[0]!.id;
  const session = await createSession(database.db, { id, districtId }, 'test');
  return { id, secret: session.secret };
}

/** What a request would be allowed: null, or the person's district role and group roles. */
async function seen(secret: string, cache?: SessionCache) {
  const actor = await resolveSession(database.db, secret, cache);
  return actor
    ? { districtRole: actor.districtRole, groups: [...actor.groupRoles], schools: [...actor.schoolRoles] }
    : null;
}

describe('CAP-API-3: resolved sessions are served from memory behind a fence', () => {
  it('CAP-API-2: one statement resolves a session with both kinds of roles; the next request is a cache hit', async () => {
    const p = await person('hit');
    await other.query(
      `INSERT INTO group_members (district_id, group_id, user_id, role) VALUES ($1, $2, $3, 'member')`,
      [districtId, groupId, p.id],
    );
    const hits = feedA.stats.hits;
    expect(await seen(p.secret, nodeA)).toEqual({
      districtRole: 'member',
      groups: [[groupId, 'member']],
      schools: [],
    });
    expect(feedA.stats.hits).toBe(hits);
    expect(await seen(p.secret, nodeA)).toEqual(await seen(p.secret));
    expect(feedA.stats.hits).toBe(hits + 1);
  });

  it('CAP-API-3: a change committed on another connection is seen by the very next request on both nodes (no wait)', async () => {
    const p = await person('revoke');
    await other.query(
      `INSERT INTO group_members (district_id, group_id, user_id, role) VALUES ($1, $2, $3, 'facilitator')`,
      [districtId, groupId, p.id],
    );
    expect((await seen(p.secret, nodeA))?.groups).toEqual([[groupId, 'facilitator']]);
    expect((await seen(p.secret, nodeB))?.groups).toEqual([[groupId, 'facilitator']]);
    await other.query(`DELETE FROM group_members WHERE district_id = $1 AND user_id = $2`, [
      districtId,
      p.id,
    ]);
    expect((await seen(p.secret, nodeA))?.groups).toEqual([]);
    expect((await seen(p.secret, nodeB))?.groups).toEqual([]);
    await other.query(`UPDATE users SET deactivated_at = now() WHERE district_id = $1 AND id = $2`, [
      districtId,
      p.id,
    ]);
    expect(await seen(p.secret, nodeA)).toBeNull();
    expect(await seen(p.secret, nodeB)).toBeNull();
  });

  it('CAP-API-3: a session deleted elsewhere (sign-out on another node) is over at once; a TRUNCATE empties every cache', async () => {
    const p = await person('signout');
    expect(await seen(p.secret, nodeA)).not.toBeNull();
    expect(await seen(p.secret, nodeB)).not.toBeNull();
    await other.query(`DELETE FROM sessions WHERE district_id = $1 AND user_id = $2`, [districtId, p.id]);
    expect(await seen(p.secret, nodeA)).toBeNull();
    expect(await seen(p.secret, nodeB)).toBeNull();
    const q = await person('truncate');
    expect(await seen(q.secret, nodeA)).not.toBeNull();
    expect(nodeA.shelf.size).toBeGreaterThan(0);
    // This file's own database: emptying the sessions table ends every session, on every node.
    await other.query(`TRUNCATE sessions`);
    await feedA.fence();
    expect(nodeA.shelf.size).toBe(0);
    expect(await seen(q.secret, nodeA)).toBeNull();
  });

  it('CAP-API-4: a read that raced a change is not kept (generation), and entries are only trusted while listening', async () => {
    const cache = new AccessCache({ connectionString: testDb.url });
    const shelf = cache.shelf<string>();
    await cache.start();
    const generation = await cache.fence();
    expect(generation).not.toBeNull();
    cache.applyNotification('u:d:someone-else');
    shelf.put('k', ['u:d:p'], 'stale', generation ?? -1);
    expect(shelf.get('k')).toBeUndefined();
    const g2 = await cache.fence();
    shelf.put('k', ['u:d:p', 'g:d:g'], 'fresh', g2 ?? -1);
    expect(shelf.get('k')).toBe('fresh');
    cache.applyNotification('g:d:g');
    expect(shelf.get('k')).toBeUndefined();
    await cache.close();
    expect(cache.live).toBe(false);
    expect(await cache.fence()).toBeNull();
  });

  it('CAP-API-10: fences take turns on the listening connection (one statement at a time), and every one is answered', async () => {
    const cache = new AccessCache({ connectionString: testDb.url });
    await cache.start();
    // A request in each of 200 turns of the event loop: more than one turn passes while a fence is in flight.
    const answers: Promise<number | null>[] = [];
    for (let i = 0; i < 200; i++) {
      answers.push(cache.fence());
      await new Promise((resolve) => setImmediate(resolve));
    }
    const generations = await Promise.all(answers);
    expect(generations.every((g) => g !== null)).toBe(true);
    expect(cache.stats.fencesAtOnce).toBe(1);
    // The turns that waited shared the next statement.
    expect(cache.stats.fences).toBeLessThan(200);
    expect(cache.stats.fences).toBeGreaterThan(0);
    await cache.close();
  });

  it('CAP-API-5: when its connection is killed the cache reads the database (nothing served from memory), then listens again', async () => {
    const p = await person('deaf');
    expect(await seen(p.secret, nodeA)).not.toBeNull();
    await other.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ensemble-access' AND datname = current_database()`,
    );
    const bypassed = feedA.stats.bypassed;
    // Meanwhile a change: with no channel, it must still be seen.
    await other.query(
      `INSERT INTO group_members (district_id, group_id, user_id, role) VALUES ($1, $2, $3, 'member')`,
      [districtId, groupId, p.id],
    );
    expect((await seen(p.secret, nodeA))?.groups).toEqual([[groupId, 'member']]);
    expect(feedA.stats.bypassed).toBeGreaterThan(bypassed);
    // Back within a few seconds (reconnect back-off 100 ms, 500 ms, ...).
    const began = Date.now();
    while (!feedA.live && Date.now() - began < 10_000) await new Promise((r) => setTimeout(r, 50));
    expect(feedA.live).toBe(true);
    expect(problems.length).toBeGreaterThan(0);
    expect((await seen(p.secret, nodeA))?.groups).toEqual([[groupId, 'member']]);
  });
});

describe('CAP-API-3: the cache answers what the database answers, whatever happens in between (fast-check)', () => {
  type Step =
    | { kind: 'resolve'; node: 0 | 1 }
    | { kind: 'join'; role: 'member' | 'facilitator' }
    | { kind: 'leave' }
    | { kind: 'promote' }
    | { kind: 'deactivate' }
    | { kind: 'reactivate' }
    | { kind: 'sign-out' };
  const step: fc.Arbitrary<Step> = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('resolve' as const),
        node: fc.constantFrom(0 as const, 1 as const),
      }),
    },
    fc.record({
      kind: fc.constant('join' as const),
      role: fc.constantFrom('member' as const, 'facilitator' as const),
    }),
    fc.constant({ kind: 'leave' as const }),
    fc.constant({ kind: 'promote' as const }),
    fc.constant({ kind: 'deactivate' as const }),
    fc.constant({ kind: 'reactivate' as const }),
    fc.constant({ kind: 'sign-out' as const }),
  );

  it('CAP-API-3: after any sequence of changes by another connection, both nodes resolve exactly what the database says', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const p = await person('prop');
        for (const s of steps) {
          switch (s.kind) {
            case 'resolve': {
              const cache = s.node === 0 ? nodeA : nodeB;
              expect(await seen(p.secret, cache)).toEqual(await seen(p.secret));
              break;
            }
            case 'join':
              await other.query(
                `INSERT INTO group_members (district_id, group_id, user_id, role) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (group_id, user_id) DO UPDATE SET role = excluded.role`,
                [districtId, groupId, p.id, s.role],
              );
              break;
            case 'leave':
              await other.query(`DELETE FROM group_members WHERE district_id = $1 AND user_id = $2`, [
                districtId,
                p.id,
              ]);
              break;
            case 'promote':
              await other.query(
                `UPDATE users SET district_role = CASE district_role WHEN 'member' THEN 'district_admin' ELSE 'member' END
                  WHERE district_id = $1 AND id = $2`,
                [districtId, p.id],
              );
              break;
            case 'deactivate':
              await other.query(
                `UPDATE users SET deactivated_at = now() WHERE district_id = $1 AND id = $2`,
                [districtId, p.id],
              );
              break;
            case 'reactivate':
              await other.query(`UPDATE users SET deactivated_at = NULL WHERE district_id = $1 AND id = $2`, [
                districtId,
                p.id,
              ]);
              break;
            case 'sign-out':
              await other.query(`DELETE FROM sessions WHERE district_id = $1 AND user_id = $2`, [
                districtId,
                p.id,
              ]);
              break;
          }
        }
        expect(await seen(p.secret, nodeA)).toEqual(await seen(p.secret));
        expect(await seen(p.secret, nodeB)).toEqual(await seen(p.secret));
      }),
      { numRuns: 25 },
    );
  });
});
