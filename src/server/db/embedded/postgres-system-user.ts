import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { RunAs } from './child-process';
import { EmbeddedPostgresError } from './errors';
import type { SupervisorLog } from './supervisor-log';

const run = promisify(execFile);
const USER = 'postgres';

/**
 * PostgreSQL refuses to run as root, so as root it runs as a `postgres` system user, created when missing.
 * Returns undefined when we are not root: then everything runs as the current user.
 */
export async function postgresRunAs(log: SupervisorLog): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const existing = await lookUp();
  if (existing) return existing;
  await createSystemUser(log);
  const created = await lookUp();
  if (!created)
    throw new EmbeddedPostgresError(`Created the system user "${USER}" but cannot look it up with \`id\`.`);
  return created;
}

async function lookUp(): Promise<RunAs | undefined> {
  let out: string;
  try {
    ({ stdout: out } = await run('id', [USER]));
  } catch {
    return undefined;
  }
  // "uid=101(postgres) gid=104(postgres) groups=..."
  const uid = /uid=(\d+)/.exec(out)?.[1];
  const gid = /gid=(\d+)/.exec(out)?.[1];
  return uid === undefined || gid === undefined
    ? undefined
    : { user: USER, uid: Number(uid), gid: Number(gid) };
}

async function createSystemUser(log: SupervisorLog): Promise<void> {
  const common = ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin'];
  try {
    await run('useradd', [...common, '--user-group', USER]);
  } catch (first) {
    // useradd exits 9 when a "postgres" group already exists (left by a removed package): join it instead.
    if (!(await groupExists())) throw userCreationError(first);
    try {
      await run('useradd', [...common, '--gid', USER, USER]);
    } catch (second) {
      throw userCreationError(second);
    }
  }
  log.info(
    `Created the system user "${USER}" to run the embedded PostgreSQL server (PostgreSQL refuses to run as root).`,
  );
}

async function groupExists(): Promise<boolean> {
  try {
    await run('getent', ['group', USER]);
    return true;
  } catch {
    return false;
  }
}

function userCreationError(cause: unknown): EmbeddedPostgresError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new EmbeddedPostgresError(
    `Running as root, Ensemble runs its PostgreSQL server as the system user "${USER}", which does not exist and could ` +
      `not be created (${detail.trim()}). Create it yourself (useradd --system --user-group --no-create-home ${USER}) ` +
      `or start Ensemble as an ordinary user.`,
    { cause },
  );
}
