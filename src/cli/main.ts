// Each command loads what it needs when it runs: `--version`, `--help` and a refused second start answer without
// loading the server (APP-LOCK-1).
import { Command } from 'commander';
import { loadConfig } from '#server/config';
import { refuseIfDataDirInUse } from '#server/db/embedded/data-dir-lock';
import { VERSION } from '#server/system/version';

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
  .option(
    '--dev',
    'development mode (also ENSEMBLE_DEV=1): without SMTP_URL emails go to the dev outbox at /dev/outbox; listens on 127.0.0.1 unless HOST is set',
  )
  .action(async (opts: { demo?: boolean; dev?: boolean }) => {
    const config = loadConfig(process.env, { dev: Boolean(opts.dev) });
    if (config.databaseUrl === undefined) await refuseIfDataDirInUse(config.dataDir);
    const { serve } = await import('#server/runtime/serve');
    await serve(config, { demo: Boolean(opts.demo) });
  });

program
  .command('migrate')
  .description('Apply pending database migrations and exit')
  .action(async () => {
    const config = loadConfig();
    if (config.databaseUrl) {
      const { runMigrations } = await import('#server/db/migrate');
      await runMigrations(config.databaseUrl);
    } else {
      const { openDatabase } = await import('#server/runtime/database');
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

const KEY_FILE_HELP =
  'file holding the backup key (a long passphrase, or: openssl rand -base64 32); default: the BACKUP_KEY environment variable';

program
  .command('backup')
  .description(
    'Write a consistent, encrypted snapshot of all data to one file (key: --key-file or BACKUP_KEY)',
  )
  .argument('<file>', 'where to write the backup (.ensemble-backup)')
  .option('--key-file <path>', KEY_FILE_HELP)
  .action(async (file: string, opts: { keyFile?: string }) => {
    const { backupCommand } = await import('./backup');
    await backupCommand(loadConfig(), consoleLog, file, opts);
  });

program
  .command('restore')
  .description(
    'Load an encrypted backup into an empty database (refused if the key is wrong or the file was changed)',
  )
  .argument('<file>', 'a file written by `ensemble backup`')
  .option('--key-file <path>', KEY_FILE_HELP)
  .action(async (file: string, opts: { keyFile?: string }) => {
    const { restoreCommand } = await import('./backup');
    await restoreCommand(loadConfig(), consoleLog, file, opts);
  });

program
  .command('import-roster')
  .description(
    'Import a OneRoster 1.1 or 1.2 bulk CSV set (a folder or a zip): schools and staff, never students (ROSTER-CLI-1)',
  )
  .argument('<dir-or-zip>', 'the folder or zip holding manifest.csv, orgs.csv, users.csv, ...')
  .option('--district <id>', 'the district (its id or name) when there are several')
  .option('--dry-run', 'print the preview and change nothing')
  .action(async (path: string, opts: { district?: string; dryRun?: boolean }) => {
    const { importRosterCommand } = await import('./import-roster');
    process.exitCode = await importRosterCommand(
      loadConfig(),
      consoleLog,
      { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) },
      path,
      opts,
    );
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  consoleLog.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
}
