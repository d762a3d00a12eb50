/**
 * The Zod every schema is written with: `zod/mini`, whose functions tree-shake (classic `zod` puts every
 * method on every schema, ~25 KB gzipped on each page; ADR 0014, ADR 0015), with Zod's English messages.
 * Classic `zod` loads them as it starts; `zod/mini` leaves the locale to the app, and without one every default
 * message reads "Invalid input" (API answers, form fields, the file:line errors of routine YAML).
 * Import `z` from here (`#contracts/zod`), not from 'zod/mini', so the messages come with it.
 */
import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());

export { z };
