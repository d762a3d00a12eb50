import { buildApp } from '../app';
import type { Config } from '../config';
import { seedDemo } from '../demo/seed';
import { createLogger } from '../http/logging';
import { startMaintenance } from '../maintenance/job';
import { needsSetup } from '../setup/routes';
import { openDatabase } from './database';

/** How long in-flight requests get to finish on SIGINT/SIGTERM before connections are cut. */
const DRAIN_MS = 10_000;

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
  const opened = await openDatabase(config, log);
  let closing = false;
  const app = await buildApp({
    config,
    database: opened.database,
    logger,
    // The cross-node adapter makes every broadcast wait for a NOTIFY round trip: only worth it with several nodes.
    ...(config.cluster ? { adapterConnectionString: opened.connectionString } : {}),
  }).catch(async (err: unknown) => {
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

  if (opts.demo) {
    const demo = await seedDemo(opened.database.db);
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
