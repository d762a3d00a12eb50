/**
 * Which language a message goes out in (I18N-MAIL-1, ADR 0044): the recipient's own choice when they have an
 * account and made one; otherwise the language of the request that caused the message (the sender's tab sends
 * `Accept-Language`); otherwise English. The negotiation is the server's one (`http/language.ts`, I18N-SRV-1).
 */
import { and, eq } from 'drizzle-orm';
import type { Language } from '#contracts/auth';
import type { DbOrTx } from '../db/client';
import { users } from '../db/schema';
import { negotiateLanguage } from '../http/language';

/** What a request must offer to be asked its language (a Fastify request does). */
export interface LanguageRequest {
  headers: { 'accept-language'?: string | undefined };
}

/** The request's language: what its `Accept-Language` header says (`http/language.ts`), English otherwise. */
export function requestLanguage(req: LanguageRequest | undefined): Language {
  return negotiateLanguage(req?.headers['accept-language']);
}

/** I18N-MAIL-1: the recipient's choice, else the causing request's language, else English. */
export function mailLanguage(chosen: Language | null | undefined, req?: LanguageRequest): Language {
  return chosen ?? requestLanguage(req);
}

/** The language a person of this district chose, or null (no choice, or no such person). */
export async function chosenLanguageOf(db: DbOrTx, districtId: string, userId: string) {
  const [row] = await db
    .select({ language: users.language })
    .from(users)
    .where(and(eq(users.districtId, districtId), eq(users.id, userId)));
  return row?.language ?? null;
}

/**
 * The language the account holding this address chose, or null. The one look-up by address across districts
 * (an invitation goes to an address, which may belong to another district's account): it reads the language
 * only, and only to write that person's own mail in it.
 */
export async function chosenLanguageOfAddress(db: DbOrTx, email: string) {
  const [row] = await db
    .select({ language: users.language })
    .from(users)
    .where(and(eq(users.email, email), eq(users.kind, 'account')));
  return row?.language ?? null;
}

/**
 * I18N-CSV-1: what the person reads in the app: their choice, else their tab's (`Accept-Language`), else English.
 * For what a signed-in person downloads (CSV exports, a team calendar file).
 */
export async function personLanguage(
  db: DbOrTx,
  actor: { districtId: string; userId: string },
  req: LanguageRequest | undefined,
): Promise<Language> {
  return mailLanguage(await chosenLanguageOf(db, actor.districtId, actor.userId), req);
}
