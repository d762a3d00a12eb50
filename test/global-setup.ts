// Vitest globalSetup: one PostgreSQL server for the whole run, with a migrated template database that
// every test file clones (test/db.ts), so files run in parallel without seeing each other's rows.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../src/server/db/embedded';
import { runMigrations } from '../src/server/db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

/** Must match TEMPLATE_DATABASE in test/db.ts. */
const TEMPLATE = 'ensemble_template';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_DATABASE_URL;
  let embedded: EmbeddedPostgres | undefined;
  let dataDir: string | undefined;
  const teardown = async (): Promise<void> => {
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };

  try {
    let adminUrl: string;
    if (external) {
      adminUrl = external;
    } else {
      dataDir = await mkdtemp(join(tmpdir(), 'ensemble-test-'));
      // mkdtemp makes it 0700; as root, the postgres user must traverse it to reach the cluster.
      await chmod(dataDir, 0o755);
      embedded = await startEmbeddedPostgres({
        dataDir,
        log: {
          info: () => undefined,
          warn: (msg) => {
            console.warn(msg);
          },
          error: (msg) => {
            console.error(msg);
          },
        },
      });
      adminUrl = embedded.connectionString;
    }
    await createTemplate(adminUrl);
    project.provide('adminDatabaseUrl', adminUrl);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}

async function createTemplate(adminUrl: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE]);
    // Left by an earlier run against TEST_DATABASE_URL: start from the current migrations.
    if (exists.rowCount !== 0) {
      await client.query(`ALTER DATABASE ${TEMPLATE} WITH IS_TEMPLATE false`);
      await client.query(`DROP DATABASE ${TEMPLATE} WITH (FORCE)`);
    }
    await client.query(`CREATE DATABASE ${TEMPLATE}`);
  });
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE}`;
  await runMigrations(templateUrl.toString());
  // No connections to the template from now on: CREATE DATABASE ... TEMPLATE fails while anyone is connected.
  await withClient(adminUrl, async (client) => {
    await client.query(`ALTER DATABASE ${TEMPLATE} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
  });
}

async function withClient(url: string, work: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
