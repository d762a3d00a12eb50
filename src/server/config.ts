import { z } from 'zod';
import { resolve } from 'node:path';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.url().optional(),
  DATA_DIR: z.string().default('./data'),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Ensemble <no-reply@ensemble.local>'),
  /** Base of links in emails; without it links point at http://localhost:PORT. */
  PUBLIC_URL: z.url().optional(),
  /** Set when behind a TLS-terminating proxy, so cookies get `Secure` and client IPs are real. */
  TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).optional(),
  /** Set when several app nodes share one database: live events then travel between nodes through PostgreSQL. */
  CLUSTER: z.enum(['0', '1', 'true', 'false']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().optional(),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string | undefined;
  trustProxy: boolean;
  cluster: boolean;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid environment: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    trustProxy: e.TRUST_PROXY === '1' || e.TRUST_PROXY === 'true',
    cluster: e.CLUSTER === '1' || e.CLUSTER === 'true',
    logLevel: e.LOG_LEVEL,
  };
}
