/**
 * TRUST-LOG: what logs may hold. Request lines keep the path without its query string and with token-like
 * segments masked; error lines keep a database error's code and constraint, never its bound values or its
 * message (PostgreSQL quotes the offending value there); cookies and authorization headers are redacted.
 */
import pino, { type DestinationStream, type Logger } from 'pino';

const MASK = '<redacted>';
/** A path segment after one of these is a secret or a guessable code: invitation tokens, join and meeting codes, calendar links (CAL-FEED-4). */
const SECRET_AFTER = new Set([
  'token',
  'invite',
  'join',
  'code',
  'meeting-codes',
  'join-codes',
  'reset',
  'verify',
  'calendar-feeds',
]);
/** Literal route words that follow such a keyword and are not secrets. */
const LITERAL = new Set(['confirm', 'accept', 'complete']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/api/invitations/token/abc…?x=1` → `/api/invitations/token/<redacted>` (TRUST-LOG-1). */
export function safePath(url: string | undefined): string {
  if (!url) return '';
  const path = url.split(/[?#]/, 1)[0] ?? '';
  const segments = path.split('/');
  return segments
    .map((segment, i) => {
      if (segment === '') return segment;
      const previous = (segments[i - 1] ?? '').toLowerCase();
      if (SECRET_AFTER.has(previous) && !LITERAL.has(segment.toLowerCase())) return MASK;
      // Anything long and opaque that is not an id is treated as a secret wherever it appears.
      if (segment.length >= 20 && !UUID.test(segment)) return MASK;
      if (segment.includes('%')) return MASK;
      return segment;
    })
    .join('/')
    .slice(0, 300);
}

interface RequestLike {
  method?: string;
  url?: string;
  ip?: string;
  id?: string;
}

function serializeReq(req: RequestLike) {
  return { method: req.method, url: safePath(req.url), remoteAddress: req.ip };
}

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  stack?: unknown;
  cause?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  routine?: unknown;
  severity?: unknown;
  statusCode?: unknown;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** A PostgreSQL error (pg's DatabaseError) carries a five-character SQLSTATE and a severity. */
export function isDatabaseError(err: unknown): err is ErrorLike & { code: string } {
  if (!err || typeof err !== 'object') return false;
  const e = err as ErrorLike;
  return typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === 'string';
}

/** The database error under a Drizzle `DrizzleQueryError` (its `cause`), or the error itself. */
export function databaseErrorOf(err: unknown): (ErrorLike & { code: string }) | null {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    if (isDatabaseError(current)) return current;
    current = (current as ErrorLike).cause;
  }
  return null;
}

/**
 * Errors as logged: Drizzle's query errors hold the SQL and its bound values (`params`) and repeat them in
 * the message and stack, so only the database's code and the names of the constraint/table/column remain.
 */
export function serializeErr(err: unknown, depth = 0): Record<string, unknown> | undefined {
  if (!err || typeof err !== 'object' || depth > 3) return undefined;
  const e = err as ErrorLike;
  const db = databaseErrorOf(err);
  if (db) {
    return {
      type: 'DatabaseError',
      code: db.code,
      constraint: str(db.constraint),
      table: str(db.table),
      column: str(db.column),
      routine: str(db.routine),
    };
  }
  const type = str(e.name) ?? 'Error';
  if (type === 'DrizzleQueryError') return { type, message: 'Failed query' };
  return {
    type,
    code: str(e.code),
    message: str(e.message)?.slice(0, 500),
    stack: str(e.stack),
    statusCode: typeof e.statusCode === 'number' ? e.statusCode : undefined,
    cause: serializeErr(e.cause, depth + 1),
  };
}

export const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'headers.cookie',
  'headers.authorization',
  'res.headers["set-cookie"]',
  'password',
  '*.password',
  'token',
  '*.token',
  'secret',
  '*.secret',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    name: 'ensemble',
    redact: { paths: REDACT, censor: MASK },
    serializers: { req: serializeReq, err: serializeErr, error: serializeErr },
  };
  return destination ? pino(options, destination) : pino(options);
}
