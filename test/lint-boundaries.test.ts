// RAILS-2: the layer boundaries are really enforced. Each case lints a small file that breaks (or keeps) one
// rule, under the path it would have in the tree, with the project's own ESLint configuration.
// RAILS-3: the type check and the type-aware rules (oxlint + tsgolint, .oxlintrc.json) fail on a file that
// breaks them, and pass the same file mended.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, test } from 'vitest';

const eslint = new ESLint({
  cwd: new URL('..', import.meta.url).pathname,
  // The files do not exist on disk: parse them without the type-aware project, keep every other rule.
  overrideConfig: [
    tseslint.configs.disableTypeChecked,
    { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ],
});

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const refused: [string, string][] = [
  ['src/core/x.ts', "import { buildApp } from '#server/app';"],
  ['src/core/x.ts', "import { router } from '#web/router';"],
  ['src/core/x.ts', "import { readFileSync } from 'fs';"],
  ['src/core/x.ts', "import { randomUUID } from 'node:crypto';"],
  ['src/core/x.ts', "import { randomUUID } from 'crypto';"],
  ['src/contracts/x.ts', "import { buildApp } from '#server/app';"],
  ['src/contracts/x.ts', "import { minutesOf } from '../core/meeting/index';"],
  ['src/contracts/x.ts', "import { readFileSync } from 'fs';"],
  ['src/web/x.ts', "import { buildApp } from '#server/app';"],
  ['src/web/x.ts', "import { readFileSync } from 'fs';"],
  ['src/web/x.ts', "import { Id } from '../contracts/common';"],
  ['src/web/meetings/x.ts', "import { replay } from '../../core/meeting/index';"],
  ['src/server/x.ts', "import { router } from '#web/router';"],
  ['src/server/auth/x.ts', "import { Id } from '../../contracts/common';"],
  // Classic Zod does not tree-shake: what reaches the browser uses zod/mini through #contracts/zod, which loads
  // Zod's English messages (ADR 0015).
  ['src/contracts/x.ts', "import { z } from 'zod';"],
  ['src/core/x.ts', "import { z } from 'zod';"],
  ['src/web/x.ts', "import { z } from 'zod';"],
  ['src/web/x.tsx', "import type { z } from 'zod';"],
  ['src/web/x.ts', "import { z } from 'zod/v4';"],
  ['src/contracts/zod.ts', "import { z } from 'zod';"],
  ['src/contracts/x.ts', "import { z } from 'zod/mini';"],
  ['src/web/x.ts', "import { z } from 'zod/mini';"],
];

const allowed: [string, string][] = [
  ['src/core/x.ts', "import { Id } from '#contracts/common';"],
  ['src/core/meeting/x.ts', "import { replay } from './replay';"],
  ['src/web/x.ts', "import { Id } from '#contracts/common';"],
  ['src/server/x.ts', "import { replay } from '#core/meeting/index';"],
  ['src/server/x.ts', "import { readFileSync } from 'node:fs';"],
  ['src/contracts/zod.ts', "import { z } from 'zod/mini';"],
  ['src/contracts/x.ts', "import { z } from './zod';"],
  ['src/core/x.ts', "import { z } from '#contracts/zod';"],
  ['src/web/x.ts', "import { z } from '#contracts/zod';"],
];

describe('RAILS-2 layer boundaries', () => {
  test.each(refused)('RAILS-2 refuses in %s: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).not.toEqual([]);
  });
  test.each(allowed)('RAILS-2 allows in %s: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});

const repoRoot = new URL('..', import.meta.url).pathname;

/** Runs the project's oxlint rail on one file in a scratch project; returns its exit code and the rules it cites. */
function oxlint(code: string): { status: number | null; rules: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'ensemble-rails-'));
  try {
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, target: 'ES2023', module: 'ESNext', noEmit: true } }),
    );
    writeFileSync(join(dir, 'x.ts'), code);
    const result = spawnSync(
      process.execPath,
      [join(repoRoot, 'node_modules/oxlint/bin/oxlint'), '-c', join(repoRoot, '.oxlintrc.json'), '.'],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, OXLINT_TSGOLINT_PATH: join(repoRoot, 'node_modules/.bin/tsgolint') },
      },
    );
    const rules = [...`${result.stdout}${result.stderr}`.matchAll(/typescript\(([\w-]+)\)/g)].map(
      (m) => m[1] ?? '',
    );
    return { status: result.status, rules };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('RAILS-3 type check and type-aware rules', () => {
  test('RAILS-3 a type error, a floating promise and an unsafe any fail the rail; the mended file passes', () => {
    const broken = oxlint(
      [
        "export const count: number = 'three';",
        'async function save(): Promise<void> {}',
        'export function onSubmit(): void {',
        '  save();',
        '}',
        'export function read(raw: string): string {',
        '  const parsed = JSON.parse(raw);',
        '  return parsed.name;',
        '}',
        '',
      ].join('\n'),
    );
    expect(broken.status).toBe(1);
    expect(broken.rules).toEqual(
      expect.arrayContaining([
        'TS2322',
        'no-floating-promises',
        'no-unsafe-assignment',
        'no-unsafe-member-access',
      ]),
    );
    const mended = oxlint(
      [
        'export const count: number = 3;',
        'async function save(): Promise<void> {}',
        'export async function onSubmit(): Promise<void> {',
        '  await save();',
        '}',
        'export function read(raw: string): unknown {',
        '  const parsed: unknown = JSON.parse(raw);',
        '  return parsed;',
        '}',
        '',
      ].join('\n'),
    );
    expect(mended).toEqual({ status: 0, rules: [] });
  });
});
