/**
 * Imported first by main.tsx, before any schema is used: the strict CSP forbids eval (TRUST-HTTP-1), and Zod
 * otherwise probes for it with `new Function('')`, which the browser reports as a violation.
 */
import { z } from '#contracts/zod';

z.config({ jitless: true });
