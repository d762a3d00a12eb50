/**
 * Test support for route tests: a real app on a fresh PostgreSQL database, an in-memory mailer,
 * and a small client that keeps a session cookie like a browser would.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { createTestDatabase, dropInBackground, type TestDatabase } from '../../../test/db';
import { buildApp, type BuildOptions } from '../app';
import { createAccount } from '../auth/accounts';
import { createSession, SESSION_COOKIE } from '../auth/sessions';
import { loadConfig, type Config } from '../config';
import { connectDatabase, type Database } from '../db/client';
import { districts } from '../db/schema';
import type { Mail, Mailer } from '../mail/mailer';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  testDb: TestDatabase;
  mails: Mail[];
  close(): Promise<void>;
}

export async function createTestApp(
  opts: {
    onRoute?: (route: { method: string | string[]; url: string }) => void;
    testDb?: TestDatabase;
    crossNode?: boolean;
    /** How the in-memory mailer presents itself (default `dev-outbox`); mails are captured in every mode. */
    mailMode?: Mailer['mode'];
    /** Overrides of the test configuration (development mode, PUBLIC_URL http://ensemble.test). */
    config?: Partial<Config>;
    /** Requests per minute per address over all routes; default the app's own. */
    globalRateLimit?: number;
    /** The demo's simulated colleagues' pace (DAY-DEMO-5), with `config: { demo: true }`. */
    demoPace?: BuildOptions['demoPace'];
    /** A built web app's folder (default none: API only). */
    webRoot?: string;
  } = {},
): Promise<TestApp> {
  const testDb = opts.testDb ?? (await createTestDatabase());
  const database = connectDatabase(testDb.url, { max: 4 });
  const mails: Mail[] = [];
  const mailer: Mailer = {
    mode: opts.mailMode ?? 'dev-outbox',
    capturing: (opts.mailMode ?? 'dev-outbox') === 'dev-outbox',
    send(mail) {
      mails.push(mail);
      return Promise.resolve();
    },
  };
  // Development mode, as the in-memory mailer stands for the dev outbox.
  const config: Config = {
    ...loadConfig({}),
    port: 3000,
    publicUrl: 'http://ensemble.test',
    dev: true,
    ...opts.config,
  };
  const app = await buildApp({
    config,
    database,
    mailer,
    webRoot: opts.webRoot ?? null,
    ...(opts.onRoute ? { onRoute: opts.onRoute } : {}),
    ...(opts.crossNode ? { adapterConnectionString: testDb.url } : {}),
    ...(opts.globalRateLimit ? { globalRateLimit: opts.globalRateLimit } : {}),
    ...(opts.demoPace ? { demoPace: opts.demoPace } : {}),
  });
  await app.ready();
  return {
    app,
    database,
    testDb,
    mails,
    async close() {
      await app.close();
      await database.close();
      // The next file need not wait for the drop (test/db.ts, ADR 0048).
      if (!opts.testDb) dropInBackground(testDb);
    },
  };
}

export interface Response<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

/** A caller with a cookie jar of one session cookie. */
type InjectMethod = NonNullable<InjectOptions['method']>;
const INJECT_METHODS: readonly string[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
/** light-my-request 6.6 (ADR 0037) types `method` as its own union; callers (the matrices) pass catalogue strings. */
function isInjectMethod(method: string): method is InjectMethod {
  return INJECT_METHODS.includes(method.toUpperCase());
}

export class Client {
  /** Each client gets its own loopback address, as distinct browsers would, so per-IP limits apply per client. */
  readonly remoteAddress = `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

  constructor(
    private readonly app: FastifyInstance,
    public cookie: string | null = null,
  ) {}

  async request<T = unknown>(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response<T>> {
    if (!isInjectMethod(method)) throw new Error(`not an HTTP method inject knows: ${method}`);
    const res = await this.app.inject({
      method,
      url,
      remoteAddress: this.remoteAddress,
      headers: {
        // The Host a browser sends for PUBLIC_URL (the app refuses other hosts, TRUST-HTTP-5).
        host: TEST_HOST,
        ...(this.cookie ? { cookie: `${SESSION_COOKIE}=${this.cookie}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const set = res.cookies.find((c) => c.name === SESSION_COOKIE);
    if (set)
      this.cookie =
        set.value && set.maxAge !== 0 && !(set.expires && set.expires.getTime() < Date.now())
          ? set.value
          : null;
    let parsed: unknown = res.body;
    try {
      parsed = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      // Not JSON: keep the text.
    }
    return { status: res.statusCode, body: parsed as T, headers: res.headers };
  }

  get = <T = unknown>(url: string) => this.request<T>('GET', url);
  post = <T = unknown>(url: string, body?: unknown) => this.request<T>('POST', url, body ?? {});
  patch = <T = unknown>(url: string, body?: unknown) => this.request<T>('PATCH', url, body ?? {});
  put = <T = unknown>(url: string, body?: unknown) => this.request<T>('PUT', url, body ?? {});
  delete = <T = unknown>(url: string) => this.request<T>('DELETE', url);
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** PUBLIC_URL's host in route tests; `app.inject` calls outside `Client` must send it too. */
export const TEST_HOST = 'ensemble.test';

/** A district with one admin, made directly in the database (setup only works once per install). */
export async function createDistrictWithAdmin(t: TestApp, name: string, email: string) {
  const [district] = await t.database.db.insert(districts).values({ name }).returning();
  if (!district) throw new Error('no district');
  const admin = await createAccount(t.database.db, {
    districtId: district.id,
    email,
    name: `${name} Admin`,
    password: TEST_PASSWORD,
    districtRole: 'district_admin',
    emailVerified: true,
  });
  return { district, admin, client: await signedInClient(t, admin) };
}

/** A client with a fresh session for `user`, without going through sign-in (fast, no argon2). */
export async function signedInClient(t: TestApp, user: { id: string; districtId: string }) {
  const session = await createSession(t.database.db, user, 'vitest');
  return new Client(t.app, session.secret);
}

/** The link of the newest captured mail to `to` whose path starts with `prefix`. */
export function linkFrom(mails: Mail[], to: string, prefix: string): string {
  const mail = [...mails].reverse().find((m) => m.to === to && m.text.includes(prefix));
  if (!mail) throw new Error(`no mail to ${to} with ${prefix}`);
  const match = new RegExp(`https?://[^\\s]*${prefix.replace(/[?]/g, '\\?')}[^\\s]*`).exec(mail.text);
  if (!match) throw new Error(`no link ${prefix} in mail to ${to}`);
  return new URL(match[0]).pathname + new URL(match[0]).search;
}
