import { createInterface } from 'node:readline/promises';
import { Email, Password, PersonName } from '#contracts/common';
import { createAccount } from '#server/auth/accounts';
import type { Config } from '#server/config';
import { districts } from '#server/db/schema';
import { openDatabase, type RuntimeLog } from '#server/runtime/database';

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    let data = '';
    for await (const chunk of process.stdin) data += String(chunk);
    return data.replace(/\r?\n$/, '');
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question('Password (at least 10 characters): ');
  } finally {
    rl.close();
  }
}

export async function createAdmin(
  config: Config,
  log: RuntimeLog,
  opts: { email: string; name: string; district?: string; passwordStdin?: boolean },
) {
  const email = Email.parse(opts.email);
  const name = PersonName.parse(opts.name);
  const password = Password.parse(await readPassword(Boolean(opts.passwordStdin)));
  const opened = await openDatabase(config, log, { attachToRunning: true });
  try {
    const { db } = opened.database;
    const user = await db.transaction(async (tx) => {
      const all = await tx.select().from(districts);
      let district = opts.district
        ? all.find((d) => d.name === opts.district)
        : all.length === 1
          ? all[0]
          : undefined;
      if (!district) {
        if (!opts.district) {
          throw new Error(
            all.length
              ? `Several districts exist: name one with --district (${all.map((d) => d.name).join(', ')}).`
              : 'No district yet: name it with --district.',
          );
        }
        [district] = await tx.insert(districts).values({ name: opts.district }).returning();
      }
      if (!district) throw new Error('could not create the district');
      return createAccount(tx, {
        districtId: district.id,
        email,
        name,
        password,
        districtRole: 'district_admin',
        emailVerified: false,
      });
    });
    log.info(`created district admin ${user.email}`);
  } finally {
    await opened.close();
  }
}
