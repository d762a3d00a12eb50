#!/usr/bin/env node
// `npm run test:timings`: writes test/timings.json (the seconds each test file took) from the reports of the last
// full `npm test` (test-results/<project>.json), for test/sequencer.ts. Run it after a full run on the two-core CI
// machine (or a clean clone of it) when files were added or have grown; commit the result.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const timings = {};
for (const project of ['unit', 'e2e']) {
  const report = join(root, 'test-results', `${project}.json`);
  if (!existsSync(report)) {
    console.error(`${relative(root, report)} is missing: run the whole suite (npm test) first.`);
    process.exit(1);
  }
  for (const file of JSON.parse(readFileSync(report, 'utf8')).testResults ?? []) {
    const seconds = Math.round((file.endTime - file.startTime) / 100) / 10;
    // The report names files by absolute path: keep them relative, so any checkout reads them.
    if (Number.isFinite(seconds)) timings[`${project}:${relative(root, file.name)}`] = seconds;
  }
}
const sorted = Object.fromEntries(Object.entries(timings).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(join(root, 'test', 'timings.json'), `${JSON.stringify(sorted, null, 2)}\n`);
console.log(`test/timings.json: ${Object.keys(sorted).length} files`);
