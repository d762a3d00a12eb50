/**
 * DAY-PERF-2: the pure core's browser imports carry no parser they do not need. The YAML parser
 * (`#core/routines/parse`, package `yaml`) is for the server's routine files only; it must not be in the
 * web app's import graph at all, whatever the bundler's tree-shaking would make of it.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('DAY-PERF-2 browser imports', () => {
  it('DAY-PERF-2: nothing the web app imports reaches the yaml package or the routine parser', async () => {
    const result = await build({
      entryPoints: ['src/web/main.tsx'],
      absWorkingDir: root,
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      outdir: 'out',
      jsx: 'automatic',
      loader: { '.css': 'empty' },
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((path) => path.startsWith('src/web/'))).toBe(true);
    expect(inputs.filter((path) => /node_modules\/yaml\//.test(path))).toEqual([]);
    expect(inputs).not.toContain('src/core/routines/parse.ts');
  });
});
