import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';

/** Arbitrary constant: the advisory lock every node takes around migrations (drizzle takes none). */
const MIGRATION_LOCK_KEY = 72_410_337;

/**
 * The migrations folder, found from this module's location (bundled in dist/ or run from src/), never
 * from the working directory, so `npx ensemble migrate` works from anywhere.
 */
export function migrationsFolder(): string {
  for (const candidate of ['../../drizzle', '../../../drizzle', '../drizzle']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(`${path}/meta/_journal.json`)) return path;
  }
  throw new Error('Cannot find the drizzle migrations folder next to the application files.');
}

/**
 * Applies pending migrations under a session-level advisory lock on one dedicated connection, so two
 * app nodes starting together against a fresh database cannot collide (stack facts: 3 of 4 did without).
 */
export async function runMigrations(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString, application_name: 'ensemble-migrate' });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migrate(drizzle(client), { migrationsFolder: migrationsFolder() });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}
