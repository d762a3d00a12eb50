#!/usr/bin/env node
// `npm start [-- --demo] [-- --dev]`: build what is stale, then serve (flags pass through to `ensemble serve`). Runs in this process so signals reach the server.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
process.argv.splice(2, 0, 'serve');
await import(join(root, 'dist/cli/main.js'));
