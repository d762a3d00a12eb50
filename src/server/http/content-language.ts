/**
 * I18N-CONTENT-5: the language a request reads Ensemble's shipped content in, from its `Accept-Language` (the web
 * client sends the tab's language, `es` or `en`, on every call; a browser's own list such as
 * `es-419,es;q=0.9,en;q=0.8` works too): the supported language with the highest weight, English without one.
 * A small private negotiation until the shared `languageOf(req)` of the Spanish interface lands (ADR 0044);
 * the two agree on every header, so replacing this one is a rename.
 */
import type { FastifyRequest } from 'fastify';
import { Language } from '#contracts/auth';

export function contentLanguageOf(req: Pick<FastifyRequest, 'headers'>): Language {
  return negotiateLanguage(req.headers['accept-language']);
}

/** The best supported language of an `Accept-Language` value (RFC 9110 §12.5.4 weights), or English. */
export function negotiateLanguage(header: string | string[] | undefined): Language {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  let best: { language: Language; q: number } | null = null;
  for (const part of value.slice(0, 1_000).split(',')) {
    const [range = '', ...params] = part.trim().split(';');
    const primary = Language.safeParse(range.trim().toLowerCase().split('-')[0]);
    if (!primary.success) continue;
    const weight = params.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p)).find((m) => m !== null);
    const q = weight?.[1] === undefined ? 1 : Number(weight[1]);
    if (q > 0 && (best === null || q > best.q)) best = { language: primary.data, q };
  }
  return best?.language ?? 'en';
}

/** I18N-CONTENT-6: the language a live-meeting socket asked for in its handshake (`auth.language`), or English. */
export function handshakeLanguage(auth: unknown): Language {
  if (typeof auth !== 'object' || auth === null || !('language' in auth)) return 'en';
  const parsed = Language.safeParse(auth.language);
  return parsed.success ? parsed.data : 'en';
}
