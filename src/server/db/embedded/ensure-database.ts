import pg from 'pg';

/**
 * Creates the app's database when missing. Checked on every start rather than only after initdb, so a
 * crash between initdb and this step heals itself.
 */
export async function ensureDatabase(connection: pg.ClientConfig, name: string): Promise<boolean> {
  const client = new pg.Client({ ...connection, database: 'postgres' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount !== 0) return false;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    return true;
  } finally {
    await client.end();
  }
}
