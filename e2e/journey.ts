/**
 * A browser journey's tests build on one another (sign up, then invite, then join…). After a failure the rest
 * are skipped instead of each waiting out its timeouts, and every open page is photographed for the report.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, onTestFailed } from 'vitest';
import { screenshotDir } from './axe';

export function skipRestAfterFailure(
  journey: string,
  pages: () => Iterable<readonly [name: string, page: Page | undefined]>,
): void {
  let failed = false;
  beforeEach((context) => {
    if (failed) context.skip();
    onTestFailed(async () => {
      failed = true;
      for (const [name, page] of pages()) {
        await page
          ?.screenshot({ path: join(screenshotDir, `FAILED-${journey}-${name}.png`), fullPage: true })
          .catch(() => undefined);
      }
    });
  });
}
