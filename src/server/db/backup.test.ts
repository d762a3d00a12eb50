import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, type Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db';
import {
  backupDatabase,
  BackupFileError,
  BackupKeyError,
  backupKeyFrom,
  restoreDatabase,
  RestoreRefusedError,
} from './backup';
import { CHUNK_BYTES, createDecryptor, createEncryptor, HEADER_BYTES } from './backup-crypto';

const KEY = backupKeyFrom({ env: 'correct horse battery staple of the backups' });
const OTHER_KEY = backupKeyFrom({ keyFile: Buffer.from('a different key, same length!!\n') });

async function collect(source: Readable, through: Transform): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  await pipeline(source, through, sink);
  return Buffer.concat(chunks);
}
/** The gzip'd content of a sealed file. */
const unseal = async (sealed: Buffer, key = KEY) => collect(Readable.from([sealed]), createDecryptor(key));
/** Seals gzip'd content as `backupDatabase` does: a file the key holder made. */
const seal = async (plain: Buffer, key = KEY) => collect(Readable.from([plain]), await createEncryptor(key));

// Names sort opposite to the foreign keys (a_member -> b_team -> c_org), so restore must reorder.
const SCHEMA = `
  CREATE TABLE c_org (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    settings jsonb,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE b_team (
    id serial PRIMARY KEY,
    org_id bigint NOT NULL REFERENCES c_org (id),
    name text,
    starts_at timestamp,
    tags text[],
    length interval
  );
  CREATE TABLE a_member (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    team_id int NOT NULL REFERENCES b_team (id),
    mentor_id uuid REFERENCES a_member (id),
    avatar bytea,
    score numeric(40, 10),
    big bigint,
    ratio float8,
    note text,
    note_upper text GENERATED ALWAYS AS (upper(note)) STORED
  );
  CREATE TABLE "Odd ""Name"" table" ("key" text PRIMARY KEY, "the value" jsonb);
`;
const TABLES = ['c_org', 'b_team', 'a_member', '"Odd ""Name"" table"'];
const MEMBERS = 2500;

async function fill(db: TestDatabase): Promise<void> {
  await db.pool.query(SCHEMA);
  await db.pool.query(`
    INSERT INTO c_org (name, settings, created_at) VALUES
      ('North', '{"theme": {"dark": true}, "list": [1, 2.5, null], "text": "quote \\" and \\\\ backslash"}', '2024-02-29 12:34:56.789012+01'),
      ('Süd ✓', NULL, 'infinity');
    INSERT INTO b_team (org_id, name, starts_at, tags, length) VALUES
      (1, 'Alpha', '2025-01-01 08:00:00.5', ARRAY['a', 'b,c', NULL], '1 day 02:03:04.5'),
      (2, NULL, NULL, '{}', NULL);
    INSERT INTO a_member (team_id, avatar, score, big, ratio, note)
      SELECT 1 + i % 2, CASE WHEN i % 3 = 0 THEN NULL ELSE decode(md5(i::text) || '00ff', 'hex') END,
             1234567890123456789012345.0123456789 + i, 9007199254740993 + i, i / 7.0, E'line one\\nline "two" ' || i
      FROM generate_series(1, ${MEMBERS}) i;
    -- Mentors that come later in the table than the members they mentor: a self-reference that a
    -- row-by-row load in physical order would break.
    UPDATE a_member m SET mentor_id = (SELECT id FROM a_member ORDER BY big DESC LIMIT 1) WHERE big < 9007199254740993 + 100;
    UPDATE a_member SET note = note || ' (mentor)' WHERE big = 9007199254740993 + ${MEMBERS};
    INSERT INTO "Odd ""Name"" table" VALUES ('k1', '[{"deep": {"x": 1e-7}}]'), ('k2', NULL);
  `);
}

async function snapshot(db: TestDatabase): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of TABLES) {
    const { rows } = await db.pool.query<{ row: string }>(
      `SELECT row_to_json(t)::text AS row FROM ${table} t ORDER BY 1`,
    );
    result[table] = rows.map((r) => r.row);
  }
  return result;
}

async function rowCounts(db: TestDatabase): Promise<number[]> {
  const counts: number[] = [];
  for (const table of TABLES) {
    const found = await db.pool
      .query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)
      .catch(() => undefined);
    counts.push(found?.rows[0]?.n ?? -1);
  }
  return counts;
}

async function gzipToBuffer(run: (out: PassThrough) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await run(out);
  return Buffer.concat(chunks);
}

// Every restore attempt stages each table of the schema (35 and growing): the refusal tests make a dozen attempts
// each, about 10 s on an idle 2-core machine and over 30 s while the rest of the suite runs beside them.
describe('backup and restore', { timeout: 120_000 }, () => {
  let source: TestDatabase;
  let dir: string;
  let backupFile: string;
  const targets: TestDatabase[] = [];

  async function emptyTarget(): Promise<TestDatabase> {
    const target = await createTestDatabase();
    targets.push(target);
    await target.pool.query(SCHEMA);
    return target;
  }

  beforeAll(async () => {
    source = await createTestDatabase();
    await fill(source);
    dir = await mkdtemp(join(tmpdir(), 'ensemble-backup-'));
    backupFile = join(dir, 'backup.ndjson.gz');
  });

  afterAll(async () => {
    await Promise.all([source.drop(), ...targets.map((t) => t.drop())]);
    await rm(dir, { recursive: true, force: true });
  });

  it('DB-BACKUP-1: a backup restores into an empty migrated database with every value equal', async () => {
    const progress: { table: string; rows: number }[] = [];
    let t0 = performance.now();
    const written = await backupDatabase(source.pool, backupFile, {
      key: KEY,
      onProgress: (p) => progress.push(p),
    });
    const backupMs = performance.now() - t0;
    expect(written.rows).toBe(2 + 2 + MEMBERS + 2);
    expect(progress).toContainEqual({ table: 'a_member', rows: MEMBERS });
    expect((await stat(backupFile)).mode & 0o777).toBe(0o600);

    const lines = gunzipSync(await unseal(await readFile(backupFile)))
      .toString('utf8')
      .trimEnd()
      .split('\n');
    const header = JSON.parse(lines[0] ?? '') as {
      format: string;
      version: number;
      migrations: string[];
      tables: { name: string }[];
    };
    expect(header).toMatchObject({ format: 'ensemble-backup', version: 1 });
    expect(header.migrations.length).toBeGreaterThan(0);
    expect(header.tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['a_member', 'b_team', 'c_org', 'Odd "Name" table']),
    );
    const mentor = lines.findIndex((line) => line.includes('(mentor)'));
    expect(lines.findIndex((line) => line.includes('"mentor_id":"'))).toBeLessThan(mentor);
    expect(JSON.parse(lines.at(-1) ?? '')).toMatchObject({
      end: true,
      rows: written.rows,
      tables: written.tables,
    });

    const target = await emptyTarget();
    t0 = performance.now();
    const restored = await restoreDatabase(target.pool, backupFile, { key: KEY });
    console.log(
      `DB-BACKUP-1: ${written.rows} rows / ${written.tables} tables; backup ${Math.round(backupMs)} ms, ` +
        `restore ${Math.round(performance.now() - t0)} ms, file ${(await stat(backupFile)).size} bytes`,
    );
    expect(restored).toEqual(written);
    expect(await snapshot(target)).toEqual(await snapshot(source));

    // Sequences continue after the restored ids (serial and GENERATED ALWAYS identity).
    const org = await target.pool.query<{ id: string }>(
      "INSERT INTO c_org (name) VALUES ('new') RETURNING id",
    );
    const team = await target.pool.query<{ id: number }>(
      'INSERT INTO b_team (org_id) VALUES (1) RETURNING id',
    );
    expect(org.rows[0]?.id).toBe('3');
    expect(team.rows[0]?.id).toBe(3);

    // A stream works as well as a file path, and gives the same content.
    const streamed = await gzipToBuffer((out) => backupDatabase(source.pool, out, { key: KEY }));
    const fromStream = gunzipSync(await unseal(streamed))
      .toString('utf8')
      .split('\n')
      .slice(1, -2);
    expect(fromStream).toEqual(lines.slice(1, -1));
  });

  it('DB-BACKUP-2: a restore into a non-empty database is refused, naming the table, and changes nothing', async () => {
    const target = await emptyTarget();
    await target.pool.query("INSERT INTO c_org (name) VALUES ('already here')");
    const before = await snapshot(target);
    const error: unknown = await restoreDatabase(target.pool, backupFile, { key: KEY }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RestoreRefusedError);
    expect((error as Error).message).toMatch(/table c_org has rows/);
    expect(await snapshot(target)).toEqual(before);

    // A target on other migrations is refused too.
    const other = await emptyTarget();
    await other.pool.query(
      "INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('not-in-the-backup', 0)",
    );
    await expect(restoreDatabase(other.pool, backupFile, { key: KEY })).rejects.toThrow(/migrations applied/);
    expect(await rowCounts(other)).toEqual([0, 0, 0, 0]);
  });

  it('DB-BACKUP-3: content that is truncated or corrupted inside a properly sealed file is refused with its line number, and the target is unchanged', async () => {
    const compressed = await unseal(await readFile(backupFile));
    const lines = gunzipSync(compressed).toString('utf8').split('\n');
    const target = await emptyTarget();
    const attempt = async (content: Buffer): Promise<BackupFileError> => {
      const error: unknown = await restoreDatabase(target.pool, Readable.from([await seal(content)]), {
        key: KEY,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackupFileError);
      expect(await rowCounts(target)).toEqual([0, 0, 0, 0]);
      console.log(`DB-BACKUP-3 message: ${(error as Error).message}`);
      return error as BackupFileError;
    };

    const cut = await attempt(compressed.subarray(0, Math.floor(compressed.length / 2)));
    expect(cut.message).toMatch(/line \d+: the file is damaged or truncated/);

    const rowLine = lines.findIndex((line) => line.includes('"team_id"')) + 100;
    const broken = [...lines];
    broken[rowLine] = (broken[rowLine] ?? '').slice(0, 40);
    const corrupt = await attempt(gzipSync(broken.join('\n')));
    expect(corrupt.line).toBe(rowLine + 1);
    expect(corrupt.message).toContain(`line ${rowLine + 1}: not valid JSON`);

    const edited = [...lines];
    edited[rowLine] = (edited[rowLine] ?? '').replace('"note":"line one', '"note":"LINE ONE');
    expect(edited[rowLine]).not.toBe(lines[rowLine]);
    expect((await attempt(gzipSync(edited.join('\n')))).message).toMatch(/checksum does not match/);

    const short = lines.filter((_, i) => i !== rowLine);
    expect((await attempt(gzipSync(short.join('\n')))).message).toMatch(/line \d+: expected/);

    const headless = await attempt(gzipSync(lines.slice(1).join('\n')));
    expect(headless.message).toMatch(/line 1: this is not an Ensemble backup/);

    await writeFile(join(dir, 'empty.gz'), gzipSync(''));
    expect((await attempt(await readFile(join(dir, 'empty.gz')))).message).toMatch(/truncated/);
  });

  describe('encryption (TRUST-BACKUP)', () => {
    let sealed: Buffer;
    let target: TestDatabase;
    beforeAll(async () => {
      sealed = await readFile(backupFile);
      target = await emptyTarget();
    });

    /** Restores `content` into the empty target: must be refused with a BackupFileError, changing nothing. */
    async function refused(content: Buffer, key = KEY): Promise<string> {
      const error: unknown = await restoreDatabase(target.pool, Readable.from([content]), { key }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BackupFileError);
      expect(await rowCounts(target)).toEqual([0, 0, 0, 0]);
      return (error as Error).message;
    }

    it('TRUST-BACKUP-1: a backup is sealed with the key: no readable content, several authenticated chunks, mode 0600', async () => {
      expect((await stat(backupFile)).mode & 0o777).toBe(0o600);
      expect(sealed.subarray(0, 10).toString('latin1')).toBe('ENSBACKUP\0');
      expect(() => gunzipSync(sealed)).toThrow();
      for (const plain of ['line one', 'North', 'team_id', 'ensemble-backup', 'c_org'])
        expect(sealed.includes(Buffer.from(plain))).toBe(false);
      // Big enough for several chunks, so the tests below reach chunk boundaries.
      expect(sealed.length).toBeGreaterThan(HEADER_BYTES + 2 * CHUNK_BYTES);
      // Two backups of the same data share no key material: salts and nonces differ.
      const again = await gzipToBuffer((out) => backupDatabase(source.pool, out, { key: KEY }));
      expect(again.subarray(11, HEADER_BYTES).equals(sealed.subarray(11, HEADER_BYTES))).toBe(false);
    });

    it('TRUST-BACKUP-2: one byte flipped anywhere (header, frame, ciphertext, tag) is refused and the database is unchanged', async () => {
      const second = HEADER_BYTES + 5 + CHUNK_BYTES + 16;
      const positions = [
        0, // magic
        10, // envelope version
        11, // scrypt parameters
        15, // salt
        33, // nonce prefix
        HEADER_BYTES - 1, // key check
        HEADER_BYTES, // first chunk's flag
        HEADER_BYTES + 3, // its length
        HEADER_BYTES + 5, // its first ciphertext byte
        HEADER_BYTES + 5 + CHUNK_BYTES + 3, // its tag
        second + 5 + 1000, // inside the second chunk
        Math.floor(sealed.length / 2),
        sealed.length - 17, // the last chunk's last ciphertext byte
        sealed.length - 1, // the last tag's last byte
      ];
      for (const at of positions) {
        const edited = Buffer.from(sealed);
        edited[at] = (edited[at] ?? 0) ^ 0x01;
        const message = await refused(edited);
        expect(message, `byte ${at}`).toMatch(
          /changed or damaged|does not match|not an Ensemble backup|not supported|not valid/,
        );
      }
    });

    it('TRUST-BACKUP-3: a truncated file (anywhere, even at a chunk boundary) or one with bytes appended is refused', async () => {
      const firstChunkEnd = HEADER_BYTES + 5 + CHUNK_BYTES + 16;
      for (const length of [0, 20, HEADER_BYTES, HEADER_BYTES + 100, firstChunkEnd, sealed.length - 1]) {
        const message = await refused(sealed.subarray(0, length));
        expect(message, `cut at ${length}`).toMatch(/truncated|too short/);
      }
      expect(await refused(Buffer.concat([sealed, Buffer.from([0])]))).toMatch(/after the last chunk/);
      // A chunk dropped from the middle, or two swapped, breaks the chunk count in the nonce.
      const chunk = (i: number) =>
        sealed.subarray(
          HEADER_BYTES + i * (5 + CHUNK_BYTES + 16),
          HEADER_BYTES + (i + 1) * (5 + CHUNK_BYTES + 16),
        );
      const rest = sealed.subarray(HEADER_BYTES + 2 * (5 + CHUNK_BYTES + 16));
      const header = sealed.subarray(0, HEADER_BYTES);
      expect(await refused(Buffer.concat([header, chunk(1), rest]))).toMatch(/does not authenticate/);
      expect(await refused(Buffer.concat([header, chunk(1), chunk(0), rest]))).toMatch(
        /does not authenticate/,
      );
    });

    it('TRUST-BACKUP-4: the wrong key is refused, named as such; no key or a short key stops before any work', async () => {
      expect(await refused(sealed, OTHER_KEY)).toMatch(/backup key does not match/);
      expect(() => backupKeyFrom({ env: undefined })).toThrow(BackupKeyError);
      expect(() => backupKeyFrom({ env: '' })).toThrow(/--key-file <path> or the BACKUP_KEY/);
      expect(() => backupKeyFrom({ env: 'short' })).toThrow(/too short/);
      expect(() => backupKeyFrom({ keyFile: Buffer.from('fifteen chars!!\n') })).toThrow(/too short/);
      // A key file's trailing newline is not part of the key: the same key as the variable.
      const fromFile = backupKeyFrom({
        keyFile: Buffer.from('correct horse battery staple of the backups\r\n'),
      });
      expect(fromFile.equals(KEY)).toBe(true);
    });

    it('TRUST-BACKUP-5: an unencrypted backup of the previous format is refused with a clear message', async () => {
      const old = gzipSync(gunzipSync(await unseal(sealed)));
      expect(await refused(old)).toMatch(/unencrypted backup from an earlier version/);
      expect(await refused(old.subarray(0, 30))).toMatch(/unencrypted backup from an earlier version/);
    });

    it('TRUST-BACKUP-6: the audit log travels in the backup; dev-outbox mail, throttle counters and socket attachments do not', async () => {
      const lines = gunzipSync(await unseal(sealed))
        .toString('utf8')
        .split('\n');
      const header = JSON.parse(lines[0] ?? '') as { tables: { name: string }[] };
      const names = header.tables.map((t) => t.name);
      expect(names).toContain('audit_events');
      expect(names).toContain('sessions');
      for (const ephemeral of ['outbox', 'mail_queue', 'auth_throttle', 'socket_io_attachments'])
        expect(names).not.toContain(ephemeral);
    });
  });
});
