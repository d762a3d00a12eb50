/**
 * Layout shifts as the browser itself reports them (DAY-PERF-4): a `layout-shift` PerformanceObserver put in
 * place before the page's own scripts run, read back once the page has settled. Added up over the whole load
 * (shifts right after the reader's own input do not count, as in the Core Web Vitals' CLS), so any shift of
 * the page is seen, not only the worst burst.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface LayoutShift {
  value: number;
  atMs: number;
  /** What moved: `tag.class y before->after` for each element the browser names. */
  sources: string[];
}

declare global {
  interface Window {
    __layoutShifts?: LayoutShift[];
  }
}

/**
 * Starts recording on every page the context opens. Injected through the DevTools protocol, so the strict
 * CSP (no inline script) does not stop it.
 */
export async function recordLayoutShifts(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const shifts: LayoutShift[] = [];
    window.__layoutShifts = shifts;
    interface ShiftEntry extends PerformanceEntry {
      value: number;
      hadRecentInput: boolean;
      sources?: { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
    }
    const describe = (node: Node | null | undefined): string => {
      if (!node) return '?';
      if (node instanceof Element) return `${node.tagName.toLowerCase()}.${[...node.classList].join('.')}`;
      return `text "${(node.textContent ?? '').slice(0, 30)}"`;
    };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as ShiftEntry[]) {
        if (entry.hadRecentInput) continue;
        shifts.push({
          value: entry.value,
          atMs: Math.round(entry.startTime),
          sources: (entry.sources ?? []).map(
            (s) => `${describe(s.node)} y ${Math.round(s.previousRect.y)}->${Math.round(s.currentRect.y)}`,
          ),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The page's layout shifts so far, after the network has gone quiet and a moment more for late renders. */
export async function settledLayoutShifts(page: Page): Promise<{ score: number; shifts: LayoutShift[] }> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const shifts = await page.evaluate(() => window.__layoutShifts ?? []);
  const score = Math.round(shifts.reduce((sum, shift) => sum + shift.value, 0) * 10_000) / 10_000;
  return { score, shifts };
}
