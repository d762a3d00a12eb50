/**
 * The language a request is answered in (I18N-SRV-1; ADR 0044): the web client sends `Accept-Language` on every
 * API call (the tab's language, which is the person's choice once known), and the meeting socket names it in its
 * handshake's `auth.language`. Only English and Spanish exist: any `es`, `es-MX`, `es-419`… is Spanish, anything
 * else English.
 */
import type { FastifyRequest } from 'fastify';
import { Language } from '#contracts/auth';
import { z } from '#contracts/zod';

/** One language range of `Accept-Language` with its weight, e.g. `es-MX;q=0.8`. */
interface Range {
  tag: string;
  q: number;
}

function rangesOf(header: string): Range[] {
  const out: Range[] = [];
  for (const part of header.split(',')) {
    const [rawTag = '', ...params] = part.split(';');
    const tag = rawTag.trim().toLowerCase();
    if (!tag) continue;
    let q = 1;
    for (const param of params) {
      const m = /^\s*q\s*=\s*(.*?)\s*$/i.exec(param);
      if (m?.[1] === undefined) continue;
      // An unreadable weight counts as "not this one".
      const value = /^[0-9.]+$/.test(m[1]) ? Number(m[1]) : Number.NaN;
      q = Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
    }
    out.push({ tag, q });
  }
  return out;
}

function supported(tag: string): Language | null {
  const primary = tag.split('-')[0];
  return primary === 'es' ? 'es' : primary === 'en' ? 'en' : null;
}

/**
 * Negotiates `Accept-Language`: the supported language of the highest weight (`q=0` means "not this one"; on a
 * tie the one named first); English when the header is absent, names neither, or is unreadable.
 */
export function negotiateLanguage(header: string | readonly string[] | undefined): Language {
  const text = typeof header === 'string' ? header : header?.join(',');
  if (!text) return 'en';
  let best: { language: Language; q: number } | null = null;
  for (const { tag, q } of rangesOf(text.slice(0, 1_000))) {
    const language = supported(tag);
    if (language === null || q <= 0) continue;
    if (best === null || q > best.q) best = { language, q };
  }
  return best?.language ?? 'en';
}

/** The language to answer this HTTP request in. */
export function languageOf(req: FastifyRequest): Language {
  return negotiateLanguage(req.headers['accept-language']);
}

const SocketLanguage = z.object({ language: Language });

/** The language of a meeting socket: its handshake's `auth.language`, English when absent or not one we speak. */
export function socketLanguage(auth: unknown): Language {
  const parsed = SocketLanguage.safeParse(auth);
  return parsed.success ? parsed.data.language : 'en';
}
