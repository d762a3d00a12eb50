#!/usr/bin/env node
// Builds what `npm start` runs: the server and CLI bundles (esbuild) and the web app (Vite).
// Skips work that is already up to date, so `npm start` stays fast after the first build.
import { build as esbuild } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

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
    packages: 'external',
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
  web.save();
  console.log(`built web app in ${Math.round(performance.now() - started)} ms`);
}
