/**
 * DIAGNOSTIC server for `bench:live --variant a,b`: the app as `serve` builds it (src/server/app.ts, same
 * config from the environment, DATABASE_URL required), with prototype changes switched on, to measure what
 * they would bring before anyone changes src/server. Variants:
 * - `no-adapter`: no Socket.IO PostgreSQL adapter (single node): broadcasts go straight to the local sockets
 *   instead of waiting for a `SELECT pg_notify(...)` each, through the adapter's pool.
 * - `no-precatchup`, `group-commit`: see bench/group-commit.ts.
 * Prints `Ensemble is running` when it listens; SIGTERM closes it.
 */
import pino from 'pino';
import { buildApp } from '#server/app';
import { loadConfig } from '#server/config';
import { appendEvents } from '#server/meetings/store';
import { openDatabase } from '#server/runtime/database';
import { GroupCommitter, patchRuntime } from './group-commit';

const KNOWN = new Set(['no-adapter', 'no-precatchup', 'group-commit']);
const variants = new Set((process.env.BENCH_VARIANT ?? '').split(',').filter(Boolean));
for (const v of variants) if (!KNOWN.has(v)) throw new Error(`unknown variant ${v}; known: ${[...KNOWN].join(', ')}`);

const config = loadConfig();
if (!config.databaseUrl) throw new Error('the variant server needs DATABASE_URL');
const logger = pino({ level: config.logLevel, name: 'ensemble-variant' });
const log = { info: (m: string) => logger.info(m), warn: (m: string) => logger.warn(m), error: (m: string) => logger.error(m) };
const opened = await openDatabase(config, log);
let committer: GroupCommitter | null = null;
if (variants.has('group-commit')) {
  committer = new GroupCommitter(opened.database.pool, opened.database.db);
  patchRuntime({ precatchup: !variants.has('no-precatchup'), append: committer.append });
} else if (variants.has('no-precatchup')) {
  patchRuntime({ precatchup: false, append: appendEvents });
}
const app = await buildApp({
  config,
  database: opened.database,
  logger,
  ...(variants.has('no-adapter') ? {} : { adapterConnectionString: opened.connectionString }),
});
await app.listen({ port: config.port, host: config.host });
process.stdout.write(`Ensemble is running (variant: ${[...variants].join(',') || 'none'})\n`);
process.once('SIGTERM', () => {
  if (committer) process.stdout.write(`group commit: ${JSON.stringify(committer.stats)}\n`);
  void app
    .close()
    .then(() => opened.close())
    .finally(() => process.exit(0));
});
