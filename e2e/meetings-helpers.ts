/**
 * Helpers for the live-meeting browser test: demo sign-in, reading the step and timer, measuring how fast a
 * step change reaches the other screens, and recording everything a page received over the meeting socket.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { signIn as apiSignIn } from '../test/meeting-harness';
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
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'My teams' }).waitFor();
}

/**
 * Where `signIn` lands (My teams, signed in as `email`) without the sign-in page: the session comes from the
 * sign-in API and is handed to the page's context as the cookie the form would have set. For journeys where
 * only the session matters; each costs about 1 s of a core less than the form (measured: 1.5 s against 2.5 s).
 * The form itself is what e2e/foundation, e2e/shared-device, e2e/security-headers and E2E-DEMO-3 go through.
 */
export async function signInWithSession(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
): Promise<void> {
  const { session } = await apiSignIn(baseUrl, email, password);
  await page
    .context()
    .addCookies([
      { name: 'ensemble_session', value: session, url: baseUrl, httpOnly: true, sameSite: 'Lax' },
    ]);
  await page.goto(`${baseUrl}/`);
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
  // The actor's own screen must show the new step before the caller acts again, as a person would see it: a
  // next key pressed earlier names the step the screen still showed, and the server rightly refuses it as stale
  // ("the meeting had already moved"), as it did once on a busy CI run.
  const actorSeen = actor
    .getByTestId('step-title')
    .filter({ hasText: new RegExp(`^\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) })
    .waitFor({ timeout: 10_000 });
  const [latencies] = await Promise.all([
    Promise.all(
      watchers.map(async (page) => {
        await page.waitForFunction((expected) => window.__stepSeen?.[expected] !== undefined, title, {
          timeout: 5_000,
        });
        const seenAt = await page.evaluate((expected) => window.__stepSeen?.[expected] ?? 0, title);
        return seenAt - inputAt;
      }),
    ),
    actorSeen,
  ]);
  return latencies;
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

/**
 * DAY-TIMER-6: what a page's running timer says, read from its clock element: the time left it shows and the
 * client time it computed that at. `endsAt` (their sum) is when this page thinks time runs out, on the one
 * machine clock all pages share, so two pages' `endsAt` differ exactly by how far apart their countdowns are,
 * whenever each was read. Waits until the page shows the new step's timer running (at most `maxMs` left).
 */
export async function runningTimer(
  page: Page,
  maxMs: number,
): Promise<{ text: string; remainingMs: number; endsAt: number }> {
  await page.waitForFunction(
    (max) => {
      const el = document.querySelector<HTMLElement>('[data-testid="timer"]');
      const left = Number(el?.dataset.remainingMs);
      return Number.isFinite(left) && left > 0 && left < max;
    },
    maxMs,
    { timeout: 2_000 },
  );
  return page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[data-testid="timer"]');
    const remainingMs = Number(el?.dataset.remainingMs);
    return {
      text: (el?.textContent ?? '').trim(),
      remainingMs,
      endsAt: remainingMs + Number(el?.dataset.clientNow),
    };
  });
}

/** The id of a team the signed-in person of `page` belongs to, by name. */
export async function teamIdOf(page: Page, baseUrl: string, teamName: string): Promise<string> {
  const groups = await page.request.get(`${baseUrl}/api/groups`);
  const team = ((await groups.json()) as { items: { id: string; name: string }[] }).items.find(
    (g) => g.name === teamName,
  );
  if (!team) throw new Error(`no team named ${teamName}`);
  return team.id;
}

/** Schedules a meeting of these routines (an agenda of up to 4) over the API and opens it live; its path. */
export async function openAgendaMeeting(
  page: Page,
  baseUrl: string,
  teamName: string,
  title: string,
  routineIds: readonly string[],
): Promise<string> {
  const groupId = await teamIdOf(page, baseUrl, teamName);
  const headers = { origin: baseUrl };
  const scheduled = await page.request.post(`${baseUrl}/api/groups/${groupId}/meetings`, {
    headers,
    data: { title, agenda: routineIds.map((routineId) => ({ routineId })) },
  });
  expect(scheduled.status()).toBe(200);
  const { id } = (await scheduled.json()) as { id: string };
  const opened = await page.request.post(`${baseUrl}/api/meetings/${id}/open`, { headers });
  expect(opened.status()).toBe(200);
  return `/meetings/${id}`;
}

/**
 * DAY-DEVICE-2: the element is on the first screen, without scrolling: its box lies within the viewport with
 * the page scrolled to the top. Returns the box's bottom, for the report.
 */
export async function expectOnFirstScreen(page: Page, target: Locator, what: string): Promise<number> {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
  const viewport = page.viewportSize();
  const box = await target.boundingBox();
  if (!viewport || !box) throw new Error(`${what}: not on the page`);
  const bottom = Math.ceil(box.y + box.height);
  // Soft: one run reports every step and person that breaks the rule, not just the first.
  expect.soft(box.y, `${what}: starts above the page`).toBeGreaterThanOrEqual(0);
  expect.soft(bottom, `${what} at ${viewport.width}x${viewport.height}`).toBeLessThanOrEqual(viewport.height);
  return bottom;
}

/**
 * DAY-DEVICE-2 for several elements of one page at once: the same rule as `expectOnFirstScreen` for each, with
 * the page scrolled to the top once and the boxes read together (nothing scrolls in between, so each box is
 * where `expectOnFirstScreen` would find it). Returns each box's bottom, for the report.
 */
export async function expectAllOnFirstScreen(
  page: Page,
  targets: readonly (readonly [what: string, target: Locator])[],
): Promise<number[]> {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
  const viewport = page.viewportSize();
  const boxes = await Promise.all(targets.map(([, target]) => target.boundingBox()));
  return targets.map(([what], index) => {
    const box = boxes[index];
    if (!viewport || !box) throw new Error(`${what}: not on the page`);
    const bottom = Math.ceil(box.y + box.height);
    expect.soft(box.y, `${what}: starts above the page`).toBeGreaterThanOrEqual(0);
    expect
      .soft(bottom, `${what} at ${viewport.width}x${viewport.height}`)
      .toBeLessThanOrEqual(viewport.height);
    return bottom;
  });
}
