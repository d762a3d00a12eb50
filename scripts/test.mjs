#!/usr/bin/env node
// `npm test`: the rails first (typecheck, lint, format check: each counts as one check), then builds the app,
// runs the unit/integration project, the load project (latency measured alone), then the browser (e2e)
// project, and ends with one line
// `N passed, N failed, N skipped` (also written to test-results/summary.txt for CI).
// Extra arguments go to both Vitest runs (e.g. `npm test -- src/server`) and skip the rails, for quick
// subsets while working; CI always runs the whole thing.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });
const extra = process.argv.slice(2);

const totals = { passed: 0, failed: 0, skipped: 0 };
if (extra.length === 0) {
  const bin = (pkg, file) => join(root, 'node_modules', pkg, file);
  const rails = [
    ['typecheck', [bin('typescript', 'bin/tsc'), '--noEmit', '-p', 'tsconfig.json']],
    ['lint', [bin('eslint', 'bin/eslint.js'), '.']],
    ['format check', [bin('prettier', 'bin/prettier.cjs'), '--check', ...formatGlobs()]],
  ];
  // The three run side by side (lint is the long one); each one's output is printed when it ends.
  const railsOk = await Promise.all(rails.map(([name, args]) => runCaptured(name, args)));
  for (const ok of railsOk) {
    if (ok) totals.passed += 1;
    else totals.failed += 1;
  }
}

/** Runs a rail with its output kept, then prints it with a one-line verdict. */
function runCaptured(name, args) {
  const started = Date.now();
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, args, { cwd: root });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      const ok = code === 0;
      if (!ok || output.trim()) process.stdout.write(output);
      console.log(`${ok ? '✓' : '✗'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      resolveRun(ok);
    });
  });
}

/** The same globs as `npm run format:check`, read from package.json so they cannot drift. */
function formatGlobs() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return [...pkg.scripts['format:check'].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}

const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
if (build.status !== 0) {
  console.log(`${totals.passed} passed, ${totals.failed + 1} failed`);
  process.exit(1);
}

const vitest = join(root, 'node_modules/vitest/vitest.mjs');
let exitCode = totals.failed > 0 ? 1 : 0;
for (const project of ['unit', 'load', 'e2e']) {
  const out = join(results, `${project}.json`);
  rmSync(out, { force: true });
  const run = spawnSync(
    process.execPath,
    [
      vitest,
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
      // A subset (`npm test -- src/server`) need not match files in every project.
      ...(extra.length ? ['--passWithNoTests'] : []),
      ...extra,
    ],
    { stdio: 'inherit', cwd: root, env: process.env },
  );
  if (run.status !== 0) exitCode = 1;
  if (!existsSync(out)) {
    // The runner died before reporting: count that as a failure, never as silence.
    totals.failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A file that fails to load has no tests to count: make it visible as a failure.
  for (const file of report.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) totals.failed += 1;
  }
}
if (totals.failed > 0) exitCode = 1;
const summary = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`;
writeFileSync(join(results, 'summary.txt'), `${summary}\n`);
console.log(summary);
process.exit(exitCode);
