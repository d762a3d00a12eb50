import type { Config } from '../config';
import { createLogger } from '../http/logging';
import { openDatabase, type OpenedDatabase } from './database';

/** How long in-flight requests get to finish on SIGINT/SIGTERM before connections are cut. */
const DRAIN_MS = 10_000;

/**
 * What the app needs once its database is up. Loaded while the database starts (APP-START-1): loading these modules
 * is the largest part of a start and keeps one core busy, while PostgreSQL's start (and, after a crash, its
 * recovery) is mostly PostgreSQL's own processes working or the disk.
 */
async function loadAppModules() {
  const [app, seed, job, setup] = await Promise.all([
    import('../app'),
    import('../demo/seed'),
    import('../maintenance/job'),
    import('../setup/routes'),
  ]);
  return {
    buildApp: app.buildApp,
    seedDemo: seed.seedDemo,
    startMaintenance: job.startMaintenance,
    needsSetup: setup.needsSetup,
  };
}

const noop = () => undefined;

/** Both settled; the first failure is thrown, after whatever did come up is closed again. */
async function databaseAndModules(
  opening: Promise<OpenedDatabase>,
  loading: ReturnType<typeof loadAppModules>,
): Promise<[OpenedDatabase, Awaited<ReturnType<typeof loadAppModules>>]> {
  const [opened, modules] = await Promise.allSettled([opening, loading]);
  if (opened.status === 'rejected') throw opened.reason;
  if (modules.status === 'rejected') {
    await opened.value.close();
    throw modules.reason;
  }
  return [opened.value, modules.value];
}

export async function serve(given: Config, opts: { demo: boolean }): Promise<void> {
  // DAY-DEMO: the app itself knows it is a demo (sign-in as, practice meetings); nothing else turns it on.
  const config: Config = { ...given, demo: given.demo || opts.demo };
  // Serializers and redaction keep tokens, bodies and bound query values out of the log (TRUST-LOG).
  const logger = createLogger(config.logLevel);
  const log = {
    info: (m: string) => logger.info(m),
    warn: (m: string) => logger.warn(m),
    error: (m: string) => logger.error(m),
  };
  // APP-START-1: the database starts (after a crash: the leftover postmaster stopped, WAL recovery) while the app's
  // modules load.
  let launched: () => void = noop;
  const whenLaunched = new Promise<void>((resolve) => (launched = resolve));
  const opening = openDatabase(config, log, { onLaunched: () => launched() });
  // Until PostgreSQL is spawned, the steps before it have this thread to themselves. A start that fails before
  // that (the data dir in use, say) fails here, without loading the app.
  await Promise.race([whenLaunched, opening]);
  const [opened, { buildApp, seedDemo, startMaintenance, needsSetup }] = await databaseAndModules(
    opening,
    loadAppModules(),
  );
  let closing = false;
  // APP-START-1: the demo's fresh password is hashed and stored while the app is built.
  const seeding = opts.demo ? seedDemo(opened.database.db) : null;
  // Never an unhandled rejection while buildApp runs; the failure itself is thrown where it is awaited.
  void seeding?.catch(() => undefined);
  const app = await buildApp({
    config,
    database: opened.database,
    logger,
    // The cross-node adapter makes every broadcast wait for a NOTIFY round trip: only worth it with several nodes.
    ...(config.cluster ? { adapterConnectionString: opened.connectionString } : {}),
  }).catch(async (err: unknown) => {
    await seeding?.catch(() => undefined);
    await opened.close();
    throw err;
  });

  // TRUST-PURGE-1: expired links, sessions, sign-ups, throttle rows and old outbox mail, every 10 minutes.
  const maintenance = startMaintenance({ database: opened.database, log: logger });

  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: draining HTTP, then stopping the database');
    const force = setTimeout(() => app.server.closeAllConnections(), DRAIN_MS);
    force.unref();
    try {
      await maintenance.stop();
      await app.close();
      await opened.close();
      logger.info('stopped cleanly');
      process.exitCode = 0;
    } catch (err) {
      logger.error({ err }, 'error during shutdown');
      process.exitCode = 1;
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  if (seeding) {
    const demo = await seeding.catch(async (err: unknown) => {
      await maintenance.stop();
      await app.close();
      await opened.close();
      throw err;
    });
    const line = '─'.repeat(60);
    process.stdout.write(
      `\n${line}\nDemo district ${demo.created ? 'created' : 'ready'}: Riverbend Unified (demo)\n` +
        `Sign in as ${demo.adminEmail} (district admin), or any demo person\n` +
        `(e.g. coach@demo.ensemble.test, teacher1@demo.ensemble.test).\n` +
        `Shared demo password for this run: ${demo.password}\n${line}\n\n`,
    );
  }

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await maintenance.stop();
    await opened.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new Error(
        `Port ${config.port} is already in use. Stop the other program or set PORT to a free port.`,
      );
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const firstRun = await needsSetup(opened.database.db);
  process.stdout.write(startupNotes(config, port));
  process.stdout.write(
    `Ensemble is running at http://localhost:${port}${firstRun ? ' (first run: open it to create your district)' : ''}\n`,
  );
}

/** What an operator must know at start: development mode (loud), mail that does not leave, a missing PUBLIC_URL. */
export function startupNotes(config: Config, port: number): string {
  const notes: string[] = [];
  if (config.dev) {
    const bar = '!'.repeat(72);
    notes.push(
      `${bar}\n!! DEVELOPMENT MODE (--dev / ENSEMBLE_DEV=1): NOT FOR REAL USE.\n` +
        (config.smtpUrl
          ? `!! Mail goes out through SMTP_URL.\n`
          : `!! Emails are NOT sent: they are kept in the dev outbox, readable by anyone who can\n!! reach http://${config.host}:${port}/dev/outbox (reset and invitation links included).\n`) +
        `!! Listening on ${config.host}.\n${bar}\n`,
    );
  } else if (!config.smtpUrl) {
    notes.push(
      'Email is not set up (SMTP_URL unset): no email is sent. Invitation links and admin-issued reset links are shown in the app instead.\n',
    );
  }
  if (!config.publicUrl && !['127.0.0.1', 'localhost', '::1'].includes(config.host)) {
    notes.push(
      `PUBLIC_URL is not set: browsers may only use http://localhost:${port}. Set PUBLIC_URL to the address people open (e.g. https://ensemble.example.org).\n`,
    );
  }
  return notes.join('');
}
