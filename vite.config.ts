import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./src/web', import.meta.url));

/**
 * Libraries every page needs before it can draw anything: one chunk, so an app release that changes only
 * our code leaves it in the browser's cache (hashed assets are cached for a year, DAY-PERF-3). React Aria
 * and socket.io stay out of it: rolldown's automatic splitting puts each piece with the pages that use it.
 */
const frameworkPackages =
  /[\\/]node_modules[\\/](react|react-dom|scheduler|wouter|regexparam|i18next|react-i18next|html-parse-stringify|void-elements|use-sync-external-store|@tanstack[\\/][^\\/]+|zod)[\\/]/;
/**
 * Zod's jitless switch rides with Zod itself: a chunk runs all its modules before any chunk that imports it,
 * so in its own chunk the switch would come after the contracts' schemas, and Zod's `new Function` probe
 * would break the strict CSP (TRUST-HTTP-1). So does `src/contracts/zod.ts` (zod/mini with its English
 * messages), which the switch imports.
 */
const zodConfig = /[\\/]src[\\/](web[\\/]zod-config|contracts[\\/]zod)\.ts$/;
const framework = (id: string) => frameworkPackages.test(id) || zodConfig.test(id);

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // Maps for our own debugging, without a sourceMappingURL comment; scripts/build.mjs moves them (and the
    // manifest) out of the served web root (DAY-PERF-3).
    sourcemap: 'hidden',
    // The page-weight test (DAY-PERF-1) walks the manifest to add up what each page loads.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'framework', test: framework, priority: 10 }],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'http://localhost:3000', ws: true } },
  },
});
