// What backup and restore need to know about a database, read from the PostgreSQL catalogs so that they
// work over whatever tables the migrations created, without a list to keep in sync.
import type pg from 'pg';
import type { BackupSequence } from './backup-format';

export interface TableInfo {
  name: string;
  columns: { name: string; generated: boolean }[];
}

export interface OwnedSequence {
  sequence: string;
  table: string;
  column: string;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function publicTable(name: string): string {
  return `public.${quoteIdent(name)}`;
}

/** Ordinary and partitioned tables of schema public (partitions are reached through their parent). */
export async function publicTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const { rows } = await client.query<{ table: string; column: string | null; generated: boolean | null }>(`
    SELECT c.relname AS table, a.attname AS column, a.attgenerated <> '' AS generated
    FROM pg_class c
    LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    ORDER BY c.relname COLLATE "C", a.attnum`);
  const tables = new Map<string, TableInfo>();
  for (const row of rows) {
    let table = tables.get(row.table);
    if (!table) tables.set(row.table, (table = { name: row.table, columns: [] }));
    if (row.column !== null) table.columns.push({ name: row.column, generated: row.generated === true });
  }
  return [...tables.values()];
}

/** Hashes of the applied drizzle migrations, oldest first; empty when drizzle never ran. */
export async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const { rows: exists } = await client.query<{ found: boolean }>(
    "SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS found",
  );
  if (exists[0]?.found !== true) return [];
  const { rows } = await client.query<{ hash: string }>(
    'SELECT hash FROM drizzle.__drizzle_migrations ORDER BY id',
  );
  return rows.map((row) => row.hash);
}

/** Sequences of schema public that have been used (a never-used one needs nothing restored). */
export async function publicSequences(client: pg.ClientBase): Promise<BackupSequence[]> {
  const { rows } = await client.query<{ name: string; lastValue: string }>(`
    SELECT sequencename AS name, last_value::text AS "lastValue"
    FROM pg_sequences
    WHERE schemaname = 'public' AND last_value IS NOT NULL
    ORDER BY sequencename COLLATE "C"`);
  return rows;
}

/** Sequences behind serial and identity columns of schema public. */
export async function ownedSequences(client: pg.ClientBase): Promise<OwnedSequence[]> {
  const { rows } = await client.query<OwnedSequence>(`
    SELECT s.oid::regclass::text AS sequence, t.relname AS table, a.attname AS column
    FROM pg_depend d
    JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
    JOIN pg_class t ON t.oid = d.refobjid
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
    WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
      AND d.deptype IN ('a', 'i') AND t.relnamespace = 'public'::regnamespace`);
  return rows;
}

/**
 * `tables` ordered so that every table comes after the tables its foreign keys point to. A table's
 * references to itself are left out: its rows go in with one statement, and PostgreSQL checks a
 * non-deferrable foreign key at the end of the statement, so their order does not matter. Tables in a
 * cycle keep their given order (only deferrable constraints can make such a cycle loadable).
 */
export async function parentsFirst(client: pg.ClientBase, tables: readonly string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(`
    SELECT child.relname AS child, parent.relname AS parent
    FROM pg_constraint k
    JOIN pg_class child ON child.oid = k.conrelid
    JOIN pg_class parent ON parent.oid = k.confrelid
    WHERE k.contype = 'f' AND child.relnamespace = 'public'::regnamespace
      AND parent.relnamespace = 'public'::regnamespace AND k.conrelid <> k.confrelid`);
  const wanted = new Set(tables);
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of rows) {
    if (wanted.has(child) && wanted.has(parent)) parents.get(child)?.add(parent);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (t) => !placed.has(t) && [...(parents.get(t) ?? [])].every((p) => placed.has(p)),
    );
    const next = ready.length > 0 ? ready : tables.filter((t) => !placed.has(t)).slice(0, 1);
    for (const table of next) {
      ordered.push(table);
      placed.add(table);
    }
  }
  return ordered;
}
