/**
 * Helpers for the live-meeting browser test: demo sign-in, reading the step and timer, measuring how fast a
 * step change reaches the other screens, and recording everything a page received over the meeting socket.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AppUnderTest } from './harness';

export const demo = {
  coach: { email: 'coach@demo.ensemble.test', name: 'Lena Ortiz' },
  teacher1: { email: 'teacher1@demo.ensemble.test', name: 'Sam Okafor' },
  teacher2: { email: 'teacher2@demo.ensemble.test', name: 'Jo Lindqvist' },
} as const;

/** `serve --demo` prints a fresh shared password on every start. */
export function demoPassword(app: AppUnderTest): string {
  const match = /Shared demo password for this run: (\S+)/.exec(app.output());
  if (!match?.[1]) throw new Error(`no demo password in the app's output:\n${app.output()}`);
  return match[1];
}

export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'My teams' }).waitFor();
}

export async function stepTitle(page: Page): Promise<string> {
  return ((await page.getByTestId('step-title').textContent()) ?? '').trim();
}

export async function timerText(page: Page): Promise<string> {
  return ((await page.getByTestId('timer').first().textContent()) ?? '').trim();
}

/** "4:00" → 240 seconds. */
export function seconds(clock: string): number {
  const [minutes, secs] = clock.split(':').map(Number);
  return (minutes ?? 0) * 60 + (secs ?? 0);
}

declare global {
  interface Window {
    __lastInputAt?: number;
    __stepSeen?: Record<string, number>;
  }
}

/**
 * Installed on every page before its scripts run: notes when a person's input reaches the page and when
 * each step title first appears. All pages run in one Chromium on one machine, so their clocks agree.
 */
export async function installLatencyProbes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const noteInput = () => {
      window.__lastInputAt = Date.now();
    };
    window.addEventListener('pointerdown', noteInput, { capture: true });
    window.addEventListener('keydown', noteInput, { capture: true });
    window.__stepSeen = {};
    const check = () => {
      const title = document.querySelector('[data-testid="step-title"]')?.textContent.trim();
      if (title && window.__stepSeen && window.__stepSeen[title] === undefined)
        window.__stepSeen[title] = Date.now();
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

/**
 * Does the input (click or key) on `actor` and returns, for each watcher, the ms from the moment the input
 * reached the actor's page to the moment the watcher showed the new step title.
 */
export async function measureStepChange(
  actor: Page,
  input: () => Promise<void>,
  title: string,
  watchers: readonly Page[],
): Promise<number[]> {
  await Promise.all(
    watchers.map((page) =>
      page.evaluate(() => {
        window.__stepSeen = {};
      }),
    ),
  );
  await input();
  const inputAt = await actor.evaluate(() => window.__lastInputAt ?? 0);
  return Promise.all(
    watchers.map(async (page) => {
      await page.waitForFunction((expected) => window.__stepSeen?.[expected] !== undefined, title, {
        timeout: 5_000,
      });
      const seenAt = await page.evaluate((expected) => window.__stepSeen?.[expected] ?? 0, title);
      return seenAt - inputAt;
    }),
  );
}

/**
 * Everything the server sent this page over Socket.IO (WebSocket frames and long-polling answers), to check
 * that a private text never even reached another person's browser.
 */
export function recordSocketTraffic(page: Page): () => string {
  const received: string[] = [];
  page.on('websocket', (socket) => {
    socket.on('framereceived', (frame) => {
      received.push(typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('utf8'));
    });
  });
  page.on('response', (response) => {
    if (!response.url().includes('/socket.io/')) return;
    response.text().then(
      (text) => received.push(text),
      () => undefined,
    );
  });
  return () => received.join('\n');
}

export async function expectTextNowhere(page: Page, text: string, where: string): Promise<void> {
  const html = await page.content();
  expect(html.includes(text), `${text} must not appear in ${where}`).toBe(false);
}
