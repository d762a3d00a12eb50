/**
 * DAY-PERF-3, TRUST-LIMIT-1: how the web app and the API travel (compression, caching, source maps, HEAD,
 * robots.txt), and the app files outside the global limiter.
 * A small web root is built here with the layout scripts/build.mjs produces; robots.txt is the real file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { mkdtemp, mkdir, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { createTestDatabase, type TestDatabase } from '../../../test/db';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { connectDatabase, type Database } from '../db/client';

const script = `export const page = ${JSON.stringify('x'.repeat(4000))};\n`;
const host = { host: 'localhost' };

let testDb: TestDatabase;
let database: Database;
let app: FastifyInstance;
let webRoot: string;

beforeAll(async () => {
  webRoot = await mkdtemp(join(tmpdir(), 'ensemble-static-'));
  await mkdir(join(webRoot, 'assets'));
  await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Ensemble</title><div id="root"></div>');
  await writeFile(join(webRoot, 'assets/index-Ab12Cd34.js'), script);
  await writeFile(join(webRoot, 'assets/index-Ab12Cd34.js.br'), brotliCompressSync(script));
  await writeFile(join(webRoot, 'assets/index-Ab12Cd34.js.gz'), gzipSync(script));
  // A map left in the web root by mistake must still not be served.
  await writeFile(join(webRoot, 'assets/index-Ab12Cd34.js.map'), '{"version":3,"sources":["secret.ts"]}');
  await copyFile(new URL('../../web/public/robots.txt', import.meta.url), join(webRoot, 'robots.txt'));
  testDb = await createTestDatabase();
  database = connectDatabase(testDb.url, { max: 2 });
  app = await buildApp({ config: { ...loadConfig({}), dev: true }, database, webRoot });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await database.close();
  await testDb.drop();
  await rm(webRoot, { recursive: true, force: true });
});

describe('DAY-PERF-3 static assets', () => {
  it('DAY-PERF-3: a hashed asset is sent pre-compressed (br, else gzip), immutable for a year', async () => {
    const br = await app.inject({
      url: '/assets/index-Ab12Cd34.js',
      headers: { ...host, 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gz = await app.inject({
      url: '/assets/index-Ab12Cd34.js',
      headers: { ...host, 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await app.inject({ url: '/assets/index-Ab12Cd34.js', headers: host });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('DAY-PERF-3: source maps answer 404, even one left in the web root', async () => {
    for (const url of ['/assets/index-Ab12Cd34.js.map', '/index.js.map', '/teams/x.map']) {
      const res = await app.inject({ url, headers: host });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('secret.ts');
    }
  });

  it('DAY-PERF-3: a missing asset is a 404, not the page', async () => {
    const res = await app.inject({ url: '/assets/gone-Zz99Yy88.js', headers: host });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).not.toMatch(/html/);
  });
});

describe('DAY-PERF-3 pages', () => {
  it('DAY-PERF-3: index.html and page routes are revalidated on every load (no-cache), under the strict CSP', async () => {
    for (const url of ['/', '/sign-in', '/teams/123', '/meetings/abc?x=1']) {
      const res = await app.inject({ url, headers: host });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-security-policy'], url).toContain("script-src 'self'");
    }
  });

  it('DAY-PERF-3: HEAD is answered on page routes', async () => {
    for (const url of ['/', '/sign-in', '/teams/123']) {
      const res = await app.inject({ method: 'HEAD', url, headers: host });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body, url).toBe('');
    }
    const asset = await app.inject({ method: 'HEAD', url: '/assets/index-Ab12Cd34.js', headers: host });
    expect(asset.statusCode).toBe(200);
  });

  it('DAY-PERF-3: other methods on page routes stay 404', async () => {
    const res = await app.inject({ method: 'POST', url: '/sign-in', headers: host });
    expect(res.statusCode).toBe(404);
  });

  it('DAY-PERF-3: /robots.txt is a real file that keeps crawlers out', async () => {
    const res = await app.inject({ url: '/robots.txt', headers: host });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toBe(await readFile(new URL('../../web/public/robots.txt', import.meta.url), 'utf8'));
    expect(res.body).toMatch(/^User-agent: \*$/m);
    expect(res.body).toMatch(/^Disallow: \/$/m);
  });
});

describe('DAY-PERF-3 API responses', () => {
  it('DAY-PERF-3: JSON above 1 KiB is compressed and stays no-store; small JSON is sent as is', async () => {
    const big = await app.inject({
      url: '/api/docs/json',
      headers: { ...host, 'accept-encoding': 'br, gzip' },
    });
    expect(big.statusCode).toBe(200);
    expect(big.headers['content-encoding']).toBe('br');
    expect(big.headers['cache-control']).toBe('no-store');
    const doc = JSON.parse(brotliDecompressSync(big.rawPayload).toString()) as { openapi?: string };
    expect(doc.openapi).toMatch(/^3\./);

    const gz = await app.inject({ url: '/api/docs/json', headers: { ...host, 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');

    const small = await app.inject({
      url: '/api/health',
      headers: { ...host, 'accept-encoding': 'br, gzip' },
    });
    expect(small.statusCode).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toMatchObject({ status: expect.any(String) as unknown });
  });

  it('DAY-PERF-3: a compressed request body is refused, never inflated', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { ...host, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: gzipSync(JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(12) })),
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });
});

describe('TRUST-LIMIT-1 the global limiter counts API requests only', () => {
  it('TRUST-LIMIT-1: a whole school behind one address loads the app files without a 429; the API is still limited', async () => {
    const limited = await buildApp({
      config: { ...loadConfig({}), dev: true },
      database,
      webRoot,
      globalRateLimit: 5,
    });
    try {
      const get = (url: string) => limited.inject({ url, headers: host, remoteAddress: '198.51.100.9' });
      for (let i = 0; i < 10; i++) {
        expect((await get('/assets/index-Ab12Cd34.js')).statusCode).toBe(200);
        expect((await get('/teams')).statusCode).toBe(200);
      }
      for (let i = 0; i < 5; i++) expect((await get('/api/setup')).statusCode).toBe(200);
      const refused = await get('/api/setup');
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
