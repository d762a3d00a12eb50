/**
 * Accessibility checks with axe-core, and the screenshots that go with them: every page a test visits is
 * checked at phone (390x844) and projector (1920x1080) size, and must have zero violations.
 */
import type axe from 'axe-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from './harness';

export const viewports = {
  phone: { width: 390, height: 844 },
  projector: { width: 1920, height: 1080 },
} as const;

export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const screenshotDir = join(repoRoot, 'test-results', 'screenshots');
/**
 * Full-page photographs of every checked page, for a person to look at (`E2E_SCREENSHOTS=1`): a sixth of the
 * browser tests' time on two cores (ADR 0036), and no test reads them, so `npm test` takes them only when asked.
 * A failed journey's pages are photographed always (`journey.ts`).
 */
export const screenshotsWanted = process.env.E2E_SCREENSHOTS === '1';

/**
 * axe-core's own minified build, the same version as `axe.source` (its unminified axe.js, 1.5 MB): less to send
 * over the DevTools pipe and to parse in every page checked (measured 0.21-0.25 s of CPU for a first injection
 * instead of 0.29-0.37 s, 0.07-0.10 s instead of 0.12-0.17 s after a reload), the same results.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
}

declare global {
  interface Window {
    axe?: typeof axe;
  }
}

/** Runs axe on the current page and fails with each violation's id, help and target nodes. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const injected = await page.evaluate(() => typeof window.axe !== 'undefined');
  // Evaluated through the DevTools protocol, so the strict CSP (no inline script) does not block it.
  if (!injected) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags): Promise<Violation[]> => {
    const runner = window.axe;
    if (!runner) throw new Error('axe-core was not injected');
    // The whole document, no container excluded (DAY-A11Y-1): pending buttons announce themselves with text
    // (src/web/ui/Button.tsx), so no announcement points at a button that has gone.
    const result = await runner.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      helpUrl: violation.helpUrl,
      nodes: violation.nodes.map((node) => ({
        target: node.target.join(' '),
        html: node.html,
        summary: node.failureSummary ?? '',
      })),
    }));
  }, axeTags);

  const report = violations
    .map(
      (violation) =>
        `  [${violation.id}] (${violation.impact ?? 'n/a'}) ${violation.help}\n    ${violation.helpUrl}\n` +
        violation.nodes
          .map(
            (node) =>
              `    → ${node.target}\n      ${node.html.slice(0, 200)}\n      ${node.summary.replace(/\n/g, '\n      ')}`,
          )
          .join('\n'),
    )
    .join('\n');
  if (violations.length > 0) console.error(`axe violations on ${label}:\n${report}`);
  expect(
    violations.map((violation) => violation.id),
    `axe violations on ${label}:\n${report}`,
  ).toEqual([]);
}

/**
 * Checks the page as it is now at both sizes: axe with zero violations, and (`E2E_SCREENSHOTS=1`) a full-page
 * screenshot in test-results/screenshots/<name>-<size>.png. Leaves the page at projector size.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  for (const [size, viewport] of Object.entries(viewports)) {
    const started = Date.now();
    await page.setViewportSize(viewport);
    // Let layout settle after the resize (media queries, popovers repositioning).
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    await expectNoAxeViolations(page, `${name} at ${size} ${viewport.width}x${viewport.height}`);
    const axed = Date.now();
    if (screenshotsWanted)
      await page.screenshot({ path: join(screenshotDir, `${name}-${size}.png`), fullPage: true });
    if (process.env.E2E_TIMING)
      console.log(`${name} ${size}: axe ${axed - started} ms, screenshot ${Date.now() - axed} ms`);
  }
}
