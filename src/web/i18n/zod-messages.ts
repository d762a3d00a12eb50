/**
 * I18N-WEB-6: the messages of the checks the browser makes before sending a form (the catalogue's body schemas,
 * `api/client.ts`) in the reader's language: Zod's own Spanish loads with the first Spanish page, English is
 * Zod's default (`#contracts/zod`). A tab has one reader, so Zod's process-wide setting is the tab's language.
 */
import { z } from '#contracts/zod';
import en from 'zod/v4/locales/en.js';
import type { Language } from './languages';

export async function zodMessagesIn(language: Language): Promise<void> {
  const locale = language === 'es' ? (await import('zod/v4/locales/es.js')).default : en;
  z.config(locale());
}
