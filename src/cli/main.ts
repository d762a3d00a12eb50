import { Command } from 'commander';
import { loadConfig } from '#server/config';
import { serve } from '#server/runtime/serve';
import { runMigrations } from '#server/db/migrate';
import { openDatabase } from '#server/runtime/database';
import { VERSION } from '#server/system/routes';

const consoleLog = {
  info: (m: string) => process.stderr.write(`${m}\n`),
  warn: (m: string) => process.stderr.write(`warning: ${m}\n`),
  error: (m: string) => process.stderr.write(`error: ${m}\n`),
};

const program = new Command()
  .name('ensemble')
  .description('Ensemble: structured routines and measurement that build collective efficacy.')
  .version(VERSION)
  .showHelpAfterError();

program
  .command('serve', { isDefault: true })
  .description('Start the web app (embedded PostgreSQL under DATA_DIR unless DATABASE_URL is set)')
  .option('--demo', 'fill a demo district and print its shared password')
  .action(async (opts: { demo?: boolean }) => {
    await serve(loadConfig(), { demo: Boolean(opts.demo) });
  });

program
  .command('migrate')
  .description('Apply pending database migrations and exit')
  .action(async () => {
    const config = loadConfig();
    if (config.databaseUrl) {
      await runMigrations(config.databaseUrl);
    } else {
      const opened = await openDatabase(config, consoleLog);
      await opened.close();
    }
    consoleLog.info('migrations applied');
  });

program
  .command('create-admin')
  .description('Create a district admin (and the district, if it does not exist yet)')
  .requiredOption('--email <email>', 'email address of the admin')
  .requiredOption('--name <name>', 'display name')
  .option('--district <name>', 'district name (needed when no district exists yet)')
  .option('--password-stdin', 'read the password from standard input instead of prompting')
  .action(async (opts: { email: string; name: string; district?: string; passwordStdin?: boolean }) => {
    const { createAdmin } = await import('./create-admin');
    await createAdmin(loadConfig(), consoleLog, opts);
  });

program
  .command('backup')
  .description('Write a consistent snapshot of all data to one file')
  .argument('<file>', 'where to write the backup (.ensemble-backup)')
  .action(async (file: string) => {
    const { backupCommand } = await import('./backup');
    await backupCommand(loadConfig(), consoleLog, file);
  });

program
  .command('restore')
  .description('Load a backup into an empty database')
  .argument('<file>', 'a file written by `ensemble backup`')
  .action(async (file: string) => {
    const { restoreCommand } = await import('./backup');
    await restoreCommand(loadConfig(), consoleLog, file);
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  consoleLog.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
}
