/**
 * I18N-E2E-3: the English a Spanish page must not show. Every string of the web's English strings files (the same
 * walk as test/translations.test.ts) that has no placeholder, nesting or tag, is at least 12 characters long and
 * differs from its Spanish translation: if a Spanish page shows it, a kit's Spanish did not load or a component
 * read the wrong language. What the server writes (its messages, Ensemble's routines) is not in these files.
 */
import { relative } from 'node:path';
import type { Page } from 'playwright-core';
import { englishStringsFiles, exportsOf, leaves, spanishFileOf, webSource } from '../test/strings-files';

const normal = (text: string) => text.replace(/\s+/g, ' ').trim();

export interface EnglishString {
  readonly text: string;
  /** Where it is written: `meetings/strings.en.ts meetingsStrings.step.next`. */
  readonly source: string;
}

/** The English strings a Spanish page must not show (see above), longest first. */
export async function englishOnlyStrings(): Promise<EnglishString[]> {
  const found = new Map<string, EnglishString>();
  for (const english of englishStringsFiles()) {
    const en = exportsOf((await import(english)) as unknown);
    const es = exportsOf((await import(spanishFileOf(english))) as unknown);
    for (const exported of Object.keys(en)) {
      const spanish = leaves(es[exported === 'en' ? 'es' : exported]);
      for (const [key, raw] of leaves(en[exported])) {
        const text = normal(raw);
        if (text.length < 12 || /\{\{|\$t\(|<\/?\d+\/?>/.test(text)) continue;
        if (normal(spanish.get(key) ?? '') === text) continue;
        if (!found.has(text))
          found.set(text, { text, source: `${relative(webSource, english)} ${exported}.${key}` });
      }
    }
  }
  return [...found.values()].sort((a, b) => b.text.length - a.text.length);
}

/**
 * Every piece of text the page shows or names now: visible text nodes, and the accessible names and hints written
 * in attributes (aria-label, placeholder, title, alt) of visible elements.
 */
export function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = squash(node.textContent ?? '');
      const parent = node.parentElement;
      if (text && parent?.checkVisibility({ visibilityProperty: true })) out.push(text);
    }
    for (const element of document.body.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
      if (!element.checkVisibility({ visibilityProperty: true })) continue;
      for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
        const text = squash(element.getAttribute(name) ?? '');
        if (text) out.push(text);
      }
    }
    return out;
  });
}

/** A text without the punctuation and spaces around it ("Sign in to Ensemble." → "Sign in to Ensemble"). */
const core = (text: string) => text.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');

/**
 * Everything the server sent a page (JSON answers, socket frames), to tell its words from the web's: a routine's
 * step named "Final discussion" comes from the server, though the routine editor's template has the same words.
 * `sent()` waits for the answers' bodies still being read.
 */
export function recordServerText(page: Page): { sent: () => Promise<readonly string[]> } {
  const bodies: string[] = [];
  const reading: Promise<void>[] = [];
  page.on('response', (response) => {
    if (!(response.headers()['content-type'] ?? '').includes('json')) return;
    reading.push(
      response.text().then(
        (body) => {
          bodies.push(body);
        },
        () => undefined, // A body gone with a navigation: nothing of it is on the page.
      ),
    );
  });
  page.on('websocket', (socket) => {
    socket.on('framereceived', ({ payload }) => {
      if (typeof payload === 'string') bodies.push(payload);
    });
  });
  return {
    sent: async () => {
      await Promise.all(reading);
      return bodies;
    },
  };
}

export interface Leaks {
  /** Texts that are one of the English strings, give or take punctuation around it: the web's own English. */
  readonly web: string[];
  /** The same, where the server sent the text (a routine's or a survey's words): its translation is the server's. */
  readonly server: string[];
  /**
   * Longer texts that contain one: a routine's name or description from the server, or what a team wrote
   * ("…while the presenter listens…" contains the web's "the presenter"). Reported, not failed: the web draws
   * its own strings as text nodes of their own, and a team's words stay as they were written.
   */
  readonly within: string[];
}

/** The page's texts that are, or contain, one of `english` ("text ← source"). */
export async function englishLeaks(
  page: Page,
  english: readonly EnglishString[],
  serverSent: readonly string[],
): Promise<Leaks> {
  const texts = new Set(await visibleTexts(page));
  const byText = new Map(english.map((string) => [string.text, string.source]));
  const fromServer = (text: string) => {
    const quoted = JSON.stringify(text).slice(1, -1);
    return serverSent.some((body) => body.includes(quoted));
  };
  const web: string[] = [];
  const server: string[] = [];
  const within: string[] = [];
  for (const text of texts) {
    const exact = byText.get(text) ?? byText.get(core(text));
    if (exact !== undefined) {
      (fromServer(core(text)) ? server : web).push(`“${text}” ← ${exact}`);
      continue;
    }
    const hit = english.find((candidate) => text.includes(candidate.text));
    if (hit) within.push(`“${text}” ⊃ “${hit.text}” (${hit.source})`);
  }
  return { web, server, within };
}
