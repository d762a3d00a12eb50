#!/usr/bin/env node
// Builds what `npm start` runs: the server and CLI bundles (esbuild) and the web app (Vite).
// Skips work that is already up to date, so `npm start` stays fast after the first build.
import { build as esbuild } from 'esbuild';
import { createHash } from 'node:crypto';
import {
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');
const serverOnly = process.argv.includes('--server-only');

function fingerprint(paths) {
  const hash = createHash('sha256');
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const entry of readdirSync(p).sort()) walk(join(p, entry));
    } else if (!/\.test\.tsx?$/.test(p)) {
      hash.update(p).update(String(st.size)).update(String(st.mtimeMs));
    }
  };
  for (const p of paths) walk(join(root, p));
  return hash.digest('hex');
}

function upToDate(name, paths) {
  const stamp = join(root, 'dist', `.${name}.stamp`);
  const fp = fingerprint(paths);
  const fresh = !force && existsSync(stamp) && readFileSync(stamp, 'utf8') === fp;
  return {
    fresh,
    save: () => {
      mkdirSync(dirname(stamp), { recursive: true });
      writeFileSync(stamp, fp);
    },
  };
}

/**
 * APP-START-1: packages are loaded from node_modules at run time, except these, bundled: @stdlib's quantiles are
 * about 420 tiny CommonJS modules, whose resolution and loading cost ~100 ms of CPU on every start (ADR 0034).
 */
const BUNDLED_PACKAGES = ['@stdlib/'];

/** Like `packages: 'external'`, except the given package prefixes, and whatever they import themselves. */
function externalPackagesExcept(prefixes) {
  return {
    name: 'external-packages-except',
    setup(build) {
      build.onResolve({ filter: /^[^./#]/ }, (args) => {
        if (prefixes.some((p) => args.path.startsWith(p))) return undefined;
        if (prefixes.some((p) => args.importer.includes(`/node_modules/${p}`))) return undefined;
        return { path: args.path, external: true };
      });
    },
  };
}

const serverInputs = ['src/server', 'src/core', 'src/contracts', 'src/cli', 'package.json'];
const server = upToDate('server', serverInputs);
if (!server.fresh) {
  const started = performance.now();
  await esbuild({
    entryPoints: { 'cli/main': 'src/cli/main.ts' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outdir: join(root, 'dist'),
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    plugins: [externalPackagesExcept(BUNDLED_PACKAGES)],
    sourcemap: true,
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __ensembleCreateRequire } from 'node:module'; const require = __ensembleCreateRequire(import.meta.url);",
    },
  });
  server.save();
  console.log(`built server in ${Math.round(performance.now() - started)} ms`);
}

if (serverOnly) process.exit(0);

const webInputs = ['src/web', 'src/contracts', 'src/core', 'vite.config.ts', 'package.json'];
const web = upToDate('web', webInputs);
if (!web.fresh) {
  const started = performance.now();
  // Vitest sets NODE_ENV=test; a build started from the suite must still ship React's production build.
  process.env.NODE_ENV = 'production';
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  moveOutOfWebRoot();
  await precompressAssets();
  await buildServiceWorker();
  web.save();
  console.log(`built web app in ${Math.round(performance.now() - started)} ms`);
}

/**
 * DAY-PERF-3: what the browser must never fetch leaves dist/web (the served root): source maps go to
 * dist/web-sourcemaps (for our own debugging), Vite's manifest to dist/web-manifest.json (the page-weight
 * test reads it).
 */
function moveOutOfWebRoot() {
  const web = join(root, 'dist/web');
  const maps = join(root, 'dist/web-sourcemaps');
  rmSync(maps, { recursive: true, force: true });
  const walk = (dir) => {
    for (const entry of readdirSync(join(web, dir), { withFileTypes: true })) {
      const rel = join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.map')) {
        mkdirSync(join(maps, dir), { recursive: true });
        renameSync(join(web, rel), join(maps, rel));
      }
    }
  };
  walk('.');
  const manifest = join(web, '.vite/manifest.json');
  if (existsSync(manifest)) renameSync(manifest, join(root, 'dist/web-manifest.json'));
  rmSync(join(web, '.vite'), { recursive: true, force: true });
}

/**
 * DAY-PERF-3: brotli (quality 11) and gzip (level 9) copies of each hashed text asset, served by
 * @fastify/static's `preCompressed`, so no request pays for compression. Kept only when smaller.
 */
async function precompressAssets() {
  const assets = join(root, 'dist/web/assets');
  if (!existsSync(assets)) return;
  const brotli = promisify(brotliCompress);
  const gz = promisify(gzip);
  const files = readdirSync(assets).filter((f) => /\.(js|mjs|css|svg|json|txt|html|wasm)$/.test(f));
  await Promise.all(
    files.map(async (file) => {
      const raw = await readFile(join(assets, file));
      if (raw.length < 1024) return;
      const [br, gzipped] = await Promise.all([
        brotli(raw, {
          params: {
            [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
            [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        }),
        gz(raw, { level: 9 }),
      ]);
      if (br.length < raw.length) await writeFile(join(assets, `${file}.br`), br);
      if (gzipped.length < raw.length) await writeFile(join(assets, `${file}.gz`), gzipped);
    }),
  );
}

/**
 * PWA-SW (ADR 0043): the service worker, bundled with the list of files it precaches: every file of the web root
 * but the compressed copies and itself. Hashed assets need no revision (their name changes with their content);
 * the others (index.html, icons, manifest) carry a hash of their content.
 */
async function buildServiceWorker() {
  const web = join(root, 'dist/web');
  const entries = [];
  const walk = (dir) => {
    for (const entry of readdirSync(join(web, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (!/\.(br|gz)$/.test(entry.name) && rel !== 'sw.js') {
        const hashed = rel.startsWith('assets/');
        const revision = hashed
          ? null
          : createHash('sha256')
              .update(readFileSync(join(web, rel)))
              .digest('hex')
              .slice(0, 16);
        entries.push({ url: `/${rel}`, revision });
      }
    }
  };
  walk('');
  entries.sort((a, b) => a.url.localeCompare(b.url));
  await esbuild({
    entryPoints: [join(root, 'src/web/sw/sw.ts')],
    outfile: join(web, 'sw.js'),
    absWorkingDir: root,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    define: { __PRECACHE__: JSON.stringify(entries), 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
}
