#!/usr/bin/env node
// Runs a benchmark: `node bench/run.mjs live|api|web|search|report|matching [flags]`. Builds the app's server bundle (scripts/build.mjs
// --server-only; the web app too for `web`) and the benchmark's TypeScript (esbuild) into bench/.out, raises the open-files limit to the
// hard limit (3,000 sockets on each side), and runs it. Flags after the name go to the benchmark. The build
// output is removed afterwards (pass --keep-build to keep it), so linters and editors never see it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benches = {
  live: ['bench/live.ts', 'bench/baseline-server.ts', 'bench/app-probe.ts', 'bench/server-flags.ts'],
  api: ['bench/api.ts', 'bench/hello-server.ts'],
  web: ['bench/web.ts'],
  search: ['bench/search.ts'],
  report: ['bench/report.ts'],
  matching: ['bench/matching.ts'],
};
/**
 * Benchmarks whose own process is the load generator of a server it measures: it runs with `npm start`'s Node
 * flags too (bench/server-flags.ts), so that its own collector pauses, which every receiver of the moment sees as
 * latency, are as short as the servers' (ADR 0053).
 */
const loadGenerators = new Set(['live']);
/** Benchmarks that load the web app in a browser need it built too, not only the server. */
const needsWeb = new Set(['web']);
/** Benchmarks of pure core code need no app build at all. */
const coreOnly = new Set(['matching']);
const keepBuild = process.argv.includes('--keep-build');
const [name, ...args] = process.argv.slice(2).filter((a) => a !== '--keep-build');
if (!name || !(name in benches)) {
  console.error(`usage: node bench/run.mjs <${Object.keys(benches).join('|')}> [flags]`);
  process.exit(2);
}

if (!coreOnly.has(name)) {
  const app = spawnSync(
    process.execPath,
    [join(root, 'scripts/build.mjs'), ...(needsWeb.has(name) ? [] : ['--server-only'])],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (app.status !== 0) process.exit(app.status ?? 1);
}

const entryPoints = Object.fromEntries(
  benches[name].map((p) => [p.replace(/^bench\//, '').replace(/\.ts$/, ''), join(root, p)]),
);
await build({
  entryPoints,
  outdir: join(root, 'bench/.out'),
  outExtension: { '.js': '.mjs' },
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(import.meta.url);",
  },
});

// `ulimit -n` can only be raised by the shell that starts the process: exec the benchmark from one.
const script = join(root, `bench/.out/${name}.mjs`);
const nodeFlags = loadGenerators.has(name)
  ? (await import(pathToFileURL(join(root, 'bench/.out/server-flags.mjs')).href)).serverNodeFlags(root)
  : [];
const quoted = [process.execPath, ...nodeFlags, script, ...args]
  .map((a) => `'${a.replaceAll("'", "'\\''")}'`)
  .join(' ');
const run = spawnSync('/bin/sh', ['-c', `ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec ${quoted}`], {
  cwd: root,
  stdio: 'inherit',
});
if (!keepBuild) rmSync(join(root, 'bench/.out'), { recursive: true, force: true });
process.exit(run.status ?? 1);
