/**
 * Zod's own messages per request (I18N-SRV-2). `z.config` is process-wide and the server answers English and
 * Spanish at once, so the Spanish ones come from a per-parse error map: Zod uses a schema's own message first
 * (ours, written in `src/contracts`, translated afterwards through the catalogue), then the parse's map, then the
 * global English locale.
 */
import { $ZodType, safeParse, type $ZodErrorMap, type ParseContext, type $ZodIssue } from 'zod/v4/core';
import es from 'zod/v4/locales/es.js';
import type { Language } from '#contracts/auth';

export const FIELD_REQUIRED = 'This field is required';

const spanish = es().localeError;

/** A missing field reads "required" (in Spanish; the English path recognises Zod's own wording). */
const spanishMap: $ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? 'Este campo es obligatorio' : spanish(issue);

/** One issue as fastify-type-provider-zod reports it. */
export interface ValidationItem {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: { keys?: string[] };
}

/**
 * Parses the input again with the language's default messages; undefined when there is nothing to parse with
 * (no Zod schema) or the input now passes, so the caller keeps what it had.
 */
export function validationIn(
  language: Language,
  schema: unknown,
  data: unknown,
): ValidationItem[] | undefined {
  if (language === 'en' || !(schema instanceof $ZodType)) return undefined;
  const result = safeParse(schema, data, { error: spanishMap });
  if (result.success) return undefined;
  return result.error.issues.map((issue) => ({
    keyword: issue.code,
    instancePath: `/${issue.path.map(String).join('/')}`,
    message: issue.message,
    params: issue.code === 'unrecognized_keys' ? { keys: issue.keys } : {},
  }));
}

/** The parse options that give Zod's default messages in the language (none for English: the global locale). */
export function parseContextIn(language: Language): ParseContext<$ZodIssue> | undefined {
  return language === 'en' ? undefined : { error: spanishMap };
}
