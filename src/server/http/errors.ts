import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { Language } from '#contracts/auth';
import type { ApiError } from '#contracts/common';
import { translate } from '../i18n/translate';
import { type ValidationItem, validationIn } from '../i18n/zod';
import { languageOf } from './language';
import { databaseErrorOf } from './logging';

export interface FieldProblem {
  path: string;
  message: string;
}

/** An error meant for the caller: its status, code and message are safe to show. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldProblem[],
    /** Extra response headers, e.g. `Retry-After` on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, fields?: FieldProblem[]) =>
  new HttpError(400, 'invalid_input', message, fields);
export const unauthorized = () => new HttpError(401, 'unauthenticated', 'Sign in to continue.');
export const forbidden = (message = 'You do not have permission to do that.') =>
  new HttpError(403, 'forbidden', message);
export const notFound = (what = 'That') => new HttpError(404, 'not_found', `${what} was not found.`);
export const conflict = (message: string, fields?: FieldProblem[]) =>
  new HttpError(409, 'conflict', message, fields);
export const tooManyRequests = (
  message = 'Too many attempts. Wait a few minutes and try again.',
  retryAfterSeconds?: number,
) =>
  new HttpError(
    429,
    'too_many_requests',
    message,
    undefined,
    retryAfterSeconds === undefined
      ? undefined
      : { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
  );

/** The answer's body, its sentences in the request's language (I18N-SRV-3). */
function bodyIn(code: string, english: string, fields?: FieldProblem[], language: Language = 'en'): ApiError {
  const message = translate(english, language);
  return {
    error: fields?.length
      ? { code, message, fields: fields.map((f) => ({ ...f, message: translate(f.message, language) })) }
      : { code, message },
  };
}

/** The route's schema for a validation context and the input it refused, as the request brought it. */
function schemaAndInput(req: FastifyRequest, where: string): [schema: unknown, input: unknown] {
  const schema = req.routeOptions.schema;
  if (where === 'body') return [schema?.body, req.body];
  if (where === 'querystring') return [schema?.querystring, req.query];
  if (where === 'params') return [schema?.params, req.params];
  if (where === 'headers') return [schema?.headers, req.headers];
  return [undefined, undefined];
}

/** Zod issue paths arrive as JSON pointers (`/email`) or arrays; callers see `email`, `steps.2.minutes`. */
function fieldPath(instancePath: string | undefined, issuePath: readonly PropertyKey[] | undefined): string {
  if (issuePath?.length) return issuePath.map(String).join('.');
  return (instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
}

function validationFields(items: readonly ValidationItem[]): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const item of items) {
    const base = fieldPath(item.instancePath, undefined);
    if (item.keyword === 'unrecognized_keys' && item.params?.keys?.length) {
      for (const key of item.params.keys) {
        out.push({ path: base ? `${base}.${key}` : key, message: 'This field is not allowed' });
      }
      continue;
    }
    if (item.keyword === 'invalid_type' && item.message?.includes('received undefined')) {
      out.push({ path: base, message: 'This field is required' });
      continue;
    }
    out.push({ path: base, message: item.message ?? 'Invalid value' });
  }
  return out;
}

/**
 * TRUST-HTTP-9: database refusals caused by the input or by a race answer 4xx, never 500: two simultaneous
 * sign-ups or setups (unique violation), a row that vanished meanwhile (foreign key), NUL or other text
 * PostgreSQL cannot store, dates out of its range.
 */
const DATABASE_ANSWERS: Record<string, { status: 400 | 409; code: string; message: string }> = {
  '23505': { status: 409, code: 'conflict', message: 'That already exists (perhaps it was just created).' },
  '23503': { status: 409, code: 'conflict', message: 'Something this refers to no longer exists.' },
  '22P05': {
    status: 400,
    code: 'invalid_input',
    message: 'Some text contains characters that cannot be stored.',
  },
  '22021': {
    status: 400,
    code: 'invalid_input',
    message: 'Some text contains characters that cannot be stored.',
  },
  '22007': { status: 400, code: 'invalid_input', message: 'A date or time is not valid.' },
  '22008': { status: 400, code: 'invalid_input', message: 'A date or time is out of range.' },
  '22003': { status: 400, code: 'invalid_input', message: 'A number is out of range.' },
  '22001': { status: 400, code: 'invalid_input', message: 'A value is too long.' },
  '22P02': { status: 400, code: 'invalid_input', message: 'A value is not valid.' },
};

/**
 * The one error handler: every failure becomes `{ error: { code, message, fields? } }`.
 * Never a stack trace; unexpected errors are logged with their detail and answered with a plain 500.
 */
export function handleError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const language = languageOf(req);
  const body = (code: string, message: string, fields?: FieldProblem[]) =>
    bodyIn(code, message, fields, language);
  if (err instanceof HttpError) {
    if (err.headers) void reply.headers(err.headers);
    return reply.status(err.status).send(body(err.code, err.message, err.fields));
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? 'body';
    // I18N-SRV-2: Zod's default messages in the request's language, from the input parsed again with them.
    const items = validationIn(language, ...schemaAndInput(req, where)) ?? err.validation;
    const fields = validationFields(items).map((f) => ({
      ...f,
      path: where === 'body' ? f.path : `${where}.${f.path}`.replace(/\.$/, ''),
    }));
    return reply.status(400).send(body('invalid_input', 'Some fields need attention.', fields));
  }
  if (isResponseSerializationError(err)) {
    req.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
    return reply.status(500).send(body('internal', 'Something went wrong on our side.'));
  }
  const db = databaseErrorOf(err);
  const known = db ? DATABASE_ANSWERS[db.code] : undefined;
  if (known) {
    // Code and constraint only: the message and detail quote the values (TRUST-LOG-3).
    req.log.info({ dbCode: db?.code, constraint: db?.constraint }, 'database refused the input');
    return reply.status(known.status).send(body(known.code, known.message));
  }
  const status = err.statusCode ?? 500;
  if (status === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return reply.status(413).send(body('body_too_large', 'The request is too large.'));
  }
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return reply
      .status(415)
      .send(body('unsupported_media_type', 'Send JSON (Content-Type: application/json).'));
  }
  if (status === 429) {
    return reply
      .status(429)
      .send(body('too_many_requests', 'Too many attempts. Wait a few minutes and try again.'));
  }
  if (status >= 400 && status < 500) {
    // Fastify's own client errors (malformed JSON, empty JSON body...): safe, short messages.
    const message =
      err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
        ? 'The request body is empty.'
        : 'The request could not be read.';
    return reply.status(400).send(body('invalid_input', message));
  }
  req.log.error({ err }, 'unhandled error');
  return reply.status(500).send(body('internal', 'Something went wrong on our side.'));
}
