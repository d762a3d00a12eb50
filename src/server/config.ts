import { z } from '#contracts/zod';
import { isIP } from 'node:net';
import { resolve } from 'node:path';

const Flag = z.optional(z.enum(['0', '1', 'true', 'false']));

const Env = z.object({
  PORT: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(65535)), 3000),
  /** Default 0.0.0.0; 127.0.0.1 in development mode. */
  HOST: z.optional(z.string().check(z.minLength(1))),
  DATABASE_URL: z.optional(z.url()),
  DATA_DIR: z._default(z.string(), './data'),
  SMTP_URL: z.optional(z.string()),
  MAIL_FROM: z._default(z.string(), 'Ensemble <no-reply@ensemble.local>'),
  /** MAIL-QUEUE-4: the first retry's delay after a temporary refusal (doubling after each, capped at an hour). */
  MAIL_RETRY_BASE_MS: z._default(z.coerce.number().check(z.int(), z.gte(10), z.lte(3_600_000)), 30_000),
  /** MAIL-QUEUE-6: how long a node's claim on a message holds; the SMTP timeouts are kept within a third of it. */
  MAIL_LEASE_MS: z._default(z.coerce.number().check(z.int(), z.gte(300), z.lte(3_600_000)), 300_000),
  /** Base of links in emails, the allowed Origin and Host; https turns on HSTS and `__Host-` Secure cookies. */
  PUBLIC_URL: z.optional(z.url()),
  /** Proxies in front of the app: a hop count (`1`, `2`) or a comma list of addresses/CIDRs. Never "all". */
  TRUST_PROXY: z.optional(z.string()),
  /** Set when several app nodes share one database: live events then travel between nodes through PostgreSQL. */
  CLUSTER: Flag,
  /** Requests per minute per client address over all routes (health exempt): raise it for a school behind one NAT. */
  RATE_LIMIT_PER_MINUTE: z._default(z.coerce.number().check(z.int(), z.gte(60), z.lte(100_000_000)), 600),
  /** Explicit development mode (same as `--dev`): the dev outbox replaces SMTP. */
  ENSEMBLE_DEV: Flag,
  LOG_LEVEL: z._default(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  NODE_ENV: z.optional(z.string()),
});

/** What Fastify's `trustProxy` receives: never `true` (that would let any client choose its address). */
export type TrustProxy = false | number | string[];

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** MAIL-QUEUE-3..6: the queue worker's timing (defaults: 30 s first retry, 5-minute lease, 5 s poll). */
  mailQueue: { baseDelayMs: number; leaseMs: number; pollMs: number };
  publicUrl: string | undefined;
  trustProxy: TrustProxy;
  /** TRUST-LIMIT-1: requests per minute per client address over all routes. */
  rateLimitPerMinute: number;
  cluster: boolean;
  /** Explicit development mode (`--dev` or ENSEMBLE_DEV=1): dev outbox, loopback by default. Never inferred. */
  dev: boolean;
  /**
   * `serve --demo` (DAY-DEMO): the demo district's people are listed on the sign-in page with a one-click sign-in,
   * and practice meetings with simulated colleagues can be started. Never on a server holding real data.
   */
  demo: boolean;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
}

export class ConfigError extends Error {}

const isOn = (v: string | undefined) => v === '1' || v === 'true';

/** `1`, `2`… hops, or `10.0.0.1, 192.168.0.0/16, ::1`; `true`/`*` refused, `0`/`false`/empty = no proxy. */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim() ?? '';
  if (value === '' || value === '0' || value === 'false') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) throw new ConfigError(`TRUST_PROXY: ${value} hops is not a plausible proxy chain (1-10).`);
    return hops;
  }
  if (value === 'true' || value === '*' || value === 'all') {
    throw new ConfigError(
      'TRUST_PROXY: trusting every proxy lets any client choose its address. Give the number of proxies in front of Ensemble (e.g. 1) or their addresses (e.g. 10.0.0.5,10.0.1.0/24).',
    );
  }
  const entries = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (!family || !bitsOk || extra !== undefined || (bits !== undefined && Number(bits) === 0)) {
      throw new ConfigError(
        `TRUST_PROXY: "${entry}" is not a proxy address or CIDR (a /0 range would trust everyone).`,
      );
    }
  }
  return entries;
}

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: { dev?: boolean; demo?: boolean } = {},
): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid environment: ${problems}`);
  }
  const e = parsed.data;
  const dev = overrides.dev === true || isOn(e.ENSEMBLE_DEV);
  return {
    port: e.PORT,
    host: e.HOST ?? (dev ? '127.0.0.1' : '0.0.0.0'),
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    mailQueue: {
      baseDelayMs: e.MAIL_RETRY_BASE_MS,
      leaseMs: e.MAIL_LEASE_MS,
      pollMs: Math.min(5_000, e.MAIL_RETRY_BASE_MS),
    },
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    cluster: isOn(e.CLUSTER),
    dev,
    demo: overrides.demo === true,
    logLevel: e.LOG_LEVEL,
  };
}

/** True when the public address is https: HSTS, `__Host-` cookie with `Secure`. */
export function isHttps(config: Pick<Config, 'publicUrl'>): boolean {
  return config.publicUrl?.startsWith('https://') ?? false;
}
