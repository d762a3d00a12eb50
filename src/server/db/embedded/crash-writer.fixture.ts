// Child process of crash-recovery.test.ts (bundled by the test with esbuild): starts the supervisor on the
// data dir given as argv[2], then inserts rows from several connections forever, printing "ack <id>" only
// after each INSERT's COMMIT has returned. The test kills it with SIGKILL at a random moment.
import pg from 'pg';
import { startEmbeddedPostgres } from './index';

const WRITERS = 4;
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: crash-writer <dataDir>');

const server = await startEmbeddedPostgres({
  dataDir,
  log: {
    info: (msg) => process.stderr.write(`info: ${msg}\n`),
    warn: (msg) => process.stderr.write(`warn: ${msg}\n`),
    error: (msg) => process.stderr.write(`error: ${msg}\n`),
  },
});
const pool = new pg.Pool({ connectionString: server.connectionString, max: WRITERS });
await pool.query('CREATE TABLE IF NOT EXISTS acks (id bigint PRIMARY KEY, payload jsonb NOT NULL)');
const { rows } = await pool.query<{ next: string }>('SELECT coalesce(max(id), 0) + 1 AS next FROM acks');
let next = Number(rows[0]?.next ?? 1);
// stdout is a pipe, which Node writes synchronously on Linux: an ack printed is an ack the test can read.
process.stdout.write(`ready ${server.port}\n`);

async function writer(): Promise<never> {
  for (;;) {
    const id = next++;
    await pool.query('INSERT INTO acks (id, payload) VALUES ($1, $2)', [
      id,
      { id, at: Date.now(), pad: 'x'.repeat(64) },
    ]);
    process.stdout.write(`ack ${id}\n`);
  }
}

await Promise.all(Array.from({ length: WRITERS }, () => writer()));
