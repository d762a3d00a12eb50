import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './test/sequencer';

/**
 * Tests that measure latency: run alone (project `load`), never beside other files. The live-meeting browser
 * test holds every step change to 1 s on every screen (E2E-LIVE-6): beside another browser file on two cores
 * one change once took 1,205 ms on CI, against a 115 ms worst case measured alone.
 */
const loadTests = ['src/server/realtime/flood.test.ts', 'e2e/meetings.test.ts'];

export default defineConfig({
  test: {
    // Longest first (ADR 0036): Vitest makes one sequencer for the run from the root config, so it is set here
    // for every project (a project's own `sequence.sequencer` is not used).
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          isolate: false,
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'protocols/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...loadTests],
          globalSetup: ['test/global-setup.ts'],
          // The tenant-key guard (CAP-TENANT-1, ADR 0046): every statement of the suite is checked.
          setupFiles: ['test/tenant-guard-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Latency under attack is measured alone, after the unit project: other test files' processes on the
        // same two cores would be measured with it (TRUST-RT-FLOOD).
        test: {
          name: 'load',
          include: loadTests,
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...loadTests],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Two files at a time (each its own app and database): a browser test mostly waits, so on two
          // cores the project took 208 s instead of 377 s, with every test passing (issue 11).
          maxWorkers: 2,
          // A worker runs its files one after another in one process, with one Chromium (e2e/harness.ts
          // sharedBrowser): no new process, imports (playwright-core, axe-core) and browser launch for each file.
          // Measured (all processes of the run, cgroup cpuacct): the project used 681 s of CPU instead of 723-732 s.
          isolate: false,
        },
      },
    ],
  },
});
