/**
 * DAY-PERF-3: how the built web app and every response travel.
 *
 * - `/assets/*` are content-hashed: cached for a year and `immutable`, served from the `.br`/`.gz` files
 *   scripts/build.mjs writes beside them (`preCompressed`), so no request pays for compressing them.
 * - `index.html` (every page route falls back to it) and the other root files (`robots.txt`) are
 *   `no-cache`: revalidated on each load, so a new release is picked up at once.
 * - Source maps are never served (the build keeps them outside the web root; a `.map` path answers 404).
 * - A missing asset answers 404, not the page: a stale tab gets a clear error instead of HTML as script.
 * - Everything else (JSON, Markdown, CSV, iCalendar) is compressed on the fly above 1 KiB by
 *   `@fastify/compress` (brotli quality 4, or gzip). Socket.IO's requests never reach Fastify (engine.io
 *   answers them first and compresses its own long-polling), and request bodies are never decompressed.
 */
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { notFound } from './errors';
import { isApiRequest, pathOf } from './edges';

/** Below this many bytes, compressing costs more than it saves. */
export const COMPRESS_THRESHOLD = 1024;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** Compression of dynamic responses; register before any route (its hook attaches to routes as they register). */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    threshold: COMPRESS_THRESHOLD,
    encodings: ['br', 'gzip'],
  });
}

const isSourceMap = (path: string) => path.endsWith('.map');

/**
 * The web app's files, and the fallback to index.html for client routes (GET and HEAD). `pageAllowed`
 * lets the caller refuse some client paths (the dev outbox outside development mode); `pageHtml` may answer a
 * page's own index.html (a share card's, with its Open Graph tags: SHARE-CARD-10), null for the plain one.
 */
export async function registerWebApp(
  app: FastifyInstance,
  webRoot: string,
  pageAllowed: (path: string) => boolean,
  pageHtml?: (path: string, indexHtml: () => Promise<string>) => Promise<string | null>,
): Promise<void> {
  const assets = join(webRoot, 'assets');
  if (existsSync(assets)) {
    await app.register(fastifyStatic, {
      root: assets,
      prefix: '/assets/',
      index: false,
      decorateReply: false,
      preCompressed: true,
      cacheControl: false,
      allowedPath: (path) => !isSourceMap(path),
      setHeaders: (reply) => {
        void reply.header('Cache-Control', IMMUTABLE);
      },
    });
  }
  // Root files (robots.txt and whatever src/web/public holds), listed once at start; its `sendFile` (and
  // its no-cache header) also serves index.html below.
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    index: false,
    cacheControl: false,
    globIgnore: ['assets/**', '.vite/**', '**/*.map', 'index.html'],
    setHeaders: (reply) => {
      void reply.header('Cache-Control', REVALIDATE);
    },
  });

  const indexHtml = () => readFile(join(webRoot, 'index.html'), 'utf8');
  app.setNotFoundHandler(async (req, reply) => {
    const path = pathOf(req) ?? '';
    const page = req.method === 'GET' || req.method === 'HEAD';
    if (
      !page ||
      isApiRequest(req) ||
      path.startsWith('/assets/') ||
      isSourceMap(path) ||
      !pageAllowed(path)
    ) {
      throw notFound('That page');
    }
    const own = pageHtml ? await pageHtml(path, indexHtml) : null;
    if (own !== null)
      return reply.type('text/html; charset=utf-8').header('Cache-Control', REVALIDATE).send(own);
    // Client-side routes: the web app decides what to show.
    return reply
      .type('text/html; charset=utf-8')
      .header('Cache-Control', REVALIDATE)
      .sendFile('index.html', webRoot, { cacheControl: false });
  });
}

/** Without a built web app (API-only tests), every unknown path is a plain 404. */
export function registerNoWebApp(app: FastifyInstance): void {
  app.setNotFoundHandler(() => {
    throw notFound('That page');
  });
}
