import { defineConfig, type Plugin, type Rolldown } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./src/web', import.meta.url));

/**
 * Libraries every page needs before it can draw anything: one chunk, so an app release that changes only
 * our code leaves it in the browser's cache (hashed assets are cached for a year, DAY-PERF-3). socket.io
 * stays out of it: rolldown's automatic splitting puts it with the meeting pages that use it.
 */
const frameworkPackages =
  /[\\/]node_modules[\\/](preact|wouter|regexparam|use-sync-external-store|i18next|react-i18next|html-parse-stringify|void-elements|@tanstack[\\/][^\\/]+|zod)[\\/]/;
/**
 * Zod's jitless switch rides with Zod itself: a chunk runs all its modules before any chunk that imports it,
 * so in its own chunk the switch would come after the contracts' schemas, and Zod's `new Function` probe
 * would break the strict CSP (TRUST-HTTP-1). So does `src/contracts/zod.ts` (zod/mini with its English
 * messages), which the switch imports.
 */
const zodConfig = /[\\/]src[\\/](web[\\/]zod-config|contracts[\\/]zod)\.ts$/;
const framework = (id: string) => frameworkPackages.test(id) || zodConfig.test(id);

/**
 * ADR 0026: the core catalogue (`src/contracts/api-core.ts`) and the schemas and core code it imports, one
 * chunk. Every page loads them (the API client has the core at hand); left to the automatic splitting, the
 * schema modules it shares with the feature catalogues (loaded on demand) became a dozen chunks of under
 * 1 KB each, which cost more gzipped than the one file they were before the split.
 */
const coreCatalogueId = fileURLToPath(new URL('./src/contracts/api-core.ts', import.meta.url));
const ourSource = /[\\/]src[\\/](contracts|core)[\\/]/;
const coreCatalogueModules = new WeakMap<Rolldown.ChunkingContext, Set<string>>();
function coreCatalogue(id: string, ctx: Rolldown.ChunkingContext): string | null {
  let modules = coreCatalogueModules.get(ctx);
  if (!modules) {
    const found = new Set<string>();
    const visit = (moduleId: string) => {
      if (found.has(moduleId) || !ourSource.test(moduleId) || framework(moduleId)) return;
      found.add(moduleId);
      for (const next of ctx.getModuleInfo(moduleId)?.importedIds ?? []) visit(next);
    };
    visit(coreCatalogueId);
    modules = found;
    coreCatalogueModules.set(ctx, modules);
  }
  return modules.has(id) ? 'catalogue' : null;
}

/**
 * I18N-WEB-2 (ADR 0044): our modules the first chunk imports (the API client, the strings registry, the icons…)
 * are loaded by every page anyway; left to the automatic splitting, those the pages share became a handful of
 * small chunks, each gzipped alone. One chunk of them weighs about 1 KB less (measured 2026-12-03).
 */
const entryId = fileURLToPath(new URL('./src/web/main.tsx', import.meta.url));
const webSource = /[\\/]src[\\/]web[\\/]/;
const shellModules = new WeakMap<Rolldown.ChunkingContext, Set<string>>();
function shell(id: string, ctx: Rolldown.ChunkingContext): string | null {
  let modules = shellModules.get(ctx);
  if (!modules) {
    const found = new Set<string>();
    const visit = (moduleId: string) => {
      if (found.has(moduleId) || framework(moduleId) || coreCatalogue(moduleId, ctx)) return;
      found.add(moduleId);
      for (const next of ctx.getModuleInfo(moduleId)?.importedIds ?? []) visit(next);
    };
    visit(entryId);
    modules = found;
    shellModules.set(ctx, modules);
  }
  return modules.has(id) && webSource.test(id) && id !== entryId ? 'shell' : null;
}

const formWidgets =
  /[\\/]src[\\/]web[\\/](ui[\\/](fieldErrors|TextField|RadioGroupField|FormAlert)\.tsx|i18n[\\/]page-strings\.ts)$/;

/**
 * DAY-PERF-1: the catalogue's `summary` strings are for the OpenAPI document (the server); the browser's copy
 * of its modules (`src/contracts/api-*.ts`, ADR 0026) drops them: 1.8 KB gzipped that the sign-in and meeting
 * pages no longer load (measured 2026-12-02, issue 11). Summaries there are single string literals; one
 * written otherwise stays.
 */
const CATALOGUE_SUMMARY = /summary:\s*(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`[^`]*`)/g;
const catalogue = /[\\/]src[\\/]contracts[\\/]api(-[a-z-]+)?\.ts$/;
function dropCatalogueSummaries(): Plugin {
  return {
    name: 'ensemble:drop-catalogue-summaries',
    enforce: 'pre',
    transform(code, id) {
      return catalogue.test(id) ? { code: code.replace(CATALOGUE_SUMMARY, "summary: ''"), map: null } : null;
    },
  };
}

export default defineConfig({
  root,
  plugins: [dropCatalogueSummaries()],
  // The browser runs Preact (ADR 0015): the code is written against React's API and types, and every import
  // of React resolves to preact/compat here. JSX compiles to the automatic runtime (tsconfig `react-jsx`),
  // whose `react/jsx-runtime` import lands on Preact's too.
  resolve: {
    alias: [
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-runtime' },
      { find: /^react$/, replacement: 'preact/compat' },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // Maps for our own debugging, without a sourceMappingURL comment; scripts/build.mjs moves them (and the
    // manifest) out of the served web root (DAY-PERF-3).
    sourcemap: 'hidden',
    // The page-weight test (DAY-PERF-1) walks the manifest to add up what each page loads.
    manifest: true,
    // Every browser the schools use preloads modules itself (Chrome and Edge 66+, Firefox 115+, Safari 17+):
    // the polyfill would cost every page's first chunk; an older Safari only fetches a page's chunks one level
    // later (DAY-PERF-1).
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // Libraries written for React Server Components mark modules "use client"; in a client-only bundle the
      // directive means nothing, so rolldown's warning about it is noise.
      onLog(level, log, handle) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use client"')) return;
        handle(level, log);
      },
      output: {
        codeSplitting: {
          groups: [
            { name: 'framework', test: framework, priority: 10 },
            { name: coreCatalogue, debugName: 'catalogue', priority: 5 },
            { name: shell, debugName: 'shell', priority: 3 },
            // The form widgets both the sign-in and the meeting pages use, and the pages' strings registrar: one
            // file rather than five (each under 1 KB gzipped).
            { name: 'fields', test: formWidgets, priority: 2 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'http://localhost:3000', ws: true } },
  },
});
