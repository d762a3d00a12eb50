#!/usr/bin/env node
// `npm test`: the rails (typecheck, lint, format check: each counts as one check) side by side with the build
// and the unit/integration project, then the load project (latency measured alone), then the browser (e2e)
// project, and ends with one line
// `N passed, N failed, N skipped` (also written to test-results/summary.txt for CI).
// Extra arguments go to both Vitest runs (e.g. `npm test -- src/server`) and skip the rails, for quick
// subsets while working; CI always runs the whole thing.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });
const extra = process.argv.slice(2);

const totals = { passed: 0, failed: 0, skipped: 0 };
/** What failed, repeated just above the summary: CI logs are often read from the end only. */
const failures = [];
// The rails (typecheck, lint, format check) run side by side with the build and the unit project: measured on
// a clean clone, the whole run used under one of the two cores on average, the rails are CPU-bound and the
// unit project waits a lot (process restarts, a 60-s network cut). They must end before the load project,
// which is measured alone.
let railsDone = Promise.resolve([]);
if (extra.length === 0) {
  const bin = (pkg, file) => join(root, 'node_modules', pkg, file);
  // The type check and the type-aware rules run in one pass of oxlint + tsgolint (TypeScript 7's checker, in Go,
  // .oxlintrc.json); ESLint keeps the rules that need no types: layers, React hooks (ADR 0025).
  const rails = [
    ['typecheck and type-aware lint', [bin('oxlint', 'bin/oxlint')]],
    ['lint', [bin('eslint', 'bin/eslint.js'), '.']],
    ['format check', [bin('prettier', 'bin/prettier.cjs'), '--check', ...formatGlobs()]],
  ];
  railsDone = Promise.all(rails.map(([name, args]) => runCaptured(name, args)));
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
      if (!ok) failures.push(`rail: ${name}`);
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

const build = await run(process.execPath, [join(root, 'scripts/build.mjs')]);
if (build !== 0) {
  await countRails();
  console.log(`${totals.passed} passed, ${totals.failed + 1} failed`);
  process.exit(1);
}

/** The first line of a failure message, short enough for the summary. */
function firstLine(message) {
  const line =
    String(message ?? '')
      .split('\n')
      .find((l) => l.trim()) ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/** Runs a command with its output shown as it comes; resolves to its exit code. */
function run(command, args) {
  return new Promise((resolveRun) => {
    const child = spawn(command, args, { stdio: 'inherit', cwd: root, env: process.env });
    child.on('close', (code) => resolveRun(code ?? 1));
  });
}

let railsCounted = false;
async function countRails() {
  if (railsCounted) return;
  railsCounted = true;
  for (const ok of await railsDone) {
    if (ok) totals.passed += 1;
    else totals.failed += 1;
  }
}

const vitest = join(root, 'node_modules/vitest/vitest.mjs');
let exitCode = 0;
for (const project of ['unit', 'load', 'e2e']) {
  // The load project measures latency: nothing else may run beside it, so the rails end first.
  if (project === 'load') await countRails();
  const out = join(results, `${project}.json`);
  rmSync(out, { force: true });
  const status = await run(process.execPath, [
    vitest,
    'run',
    '--project',
    project,
    // Unit files wait more than they compute (process restarts, network cuts, rate limits): four workers fill the
    // gaps. Measured on two cores (ADR 0048): 163 s with three, 126 s with four, 134 s with five, every test passing.
    ...(project === 'unit' ? ['--maxWorkers=4'] : []),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
    // A subset (`npm test -- src/server`) need not match files in every project.
    ...(extra.length ? ['--passWithNoTests'] : []),
    ...extra,
  ]);
  if (status !== 0) exitCode = 1;
  if (!existsSync(out)) {
    // The runner died before reporting: count that as a failure, never as silence.
    totals.failed += 1;
    failures.push(`${project}: the runner ended without a report`);
    continue;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  for (const file of report.testResults ?? []) {
    const name = file.name?.startsWith(root) ? file.name.slice(root.length + 1) : file.name;
    // A file that fails outside its tests (it does not load, or a beforeAll throws and its tests are skipped)
    // counts as one failure, never as silence.
    const testFailed = (file.assertionResults ?? []).some((t) => t.status === 'failed');
    if (file.status === 'failed' && !testFailed) {
      totals.failed += 1;
      failures.push(`${project}: ${name}: ${firstLine(file.message)}`);
    }
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'failed') {
        failures.push(`${project}: ${name} > ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
      }
    }
  }
}
await countRails();
if (totals.failed > 0) exitCode = 1;
if (failures.length > 0) console.log(`\nFailed:\n${failures.map((f) => `  ✗ ${f}`).join('\n')}\n`);
const summary = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`;
writeFileSync(join(results, 'summary.txt'), `${summary}\n`);
console.log(summary);
process.exit(exitCode);
