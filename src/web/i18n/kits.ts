/**
 * Every string bundle of the app, in every language (ADR 0044). A kit registers its English strings and, for
 * each other language, a loader for its translation (`import('./strings.es')`), when its module loads:
 *
 *     export const useSearchT = kitTranslator(SEARCH_NS, searchStrings, { es: () => import('./strings.es').then((m) => m.searchStrings) });
 *
 * English is bundled with the kit; a translation is a chunk of its own, loaded only for a reader who reads it
 * (I18N-WEB-2: an English page carries no Spanish). A page shows once its strings are there: `lazyPage` waits for
 * `stringsReady()` after the page's code loads, and `setLanguage` loads every registered kit's translation before
 * it switches, so no screen shows a mix of languages while it settles.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Translated } from './resources';
import { defaultLanguage, isLanguage, localeTag, type Language } from './languages';

type Strings = object;
type OtherLanguage = Exclude<Language, typeof defaultLanguage>;
/** How a kit's strings come in each other language: a loader per language, typed against the English. */
export type Translations<S extends Strings> = { readonly [L in OtherLanguage]: () => Promise<Translated<S>> };

interface Kit {
  readonly ns: string;
  readonly load: { readonly [L in OtherLanguage]: () => Promise<Strings> };
  /** The languages loaded or being loaded. */
  readonly loading: Map<Language, Promise<void>>;
}

interface Bundle {
  readonly ns: string;
  readonly language: Language;
  readonly strings: Strings;
}

const kits: Kit[] = [];
/** Every bundle loaded so far, in order: each i18next instance takes those it has not taken yet. */
const bundles: Bundle[] = [];
const taken = new WeakMap<I18n, number>();
const pending = new Set<Promise<void>>();
let wanted: Language = defaultLanguage;

/** Gives an i18next instance every bundle it does not have yet (the app's own, or a test's). */
export function syncStrings(instance: I18n): void {
  if (!instance.isInitialized) return;
  const done = taken.get(instance) ?? 0;
  if (done === bundles.length) return;
  for (const { ns, language, strings } of bundles.slice(done))
    instance.addResourceBundle(language, ns, strings, true, true);
  taken.set(instance, bundles.length);
}

/**
 * Spanish has a third plural form, `many` (1,000,000), that English strings (and so every translation's keys)
 * lack: it reads as `other`, as Spanish writes it (I18N-WEB-4).
 */
function withManyForms(strings: object): object {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(strings) as [string, unknown][]) {
    out[key] = typeof value === 'object' && value !== null ? withManyForms(value) : value;
    const base = key.endsWith('_other') ? key.slice(0, -'_other'.length) : null;
    if (base !== null && !Object.hasOwn(strings, `${base}_many`)) out[`${base}_many`] = value;
  }
  return out;
}

function addBundle(bundle: Bundle): void {
  bundles.push(
    bundle.language === defaultLanguage ? bundle : { ...bundle, strings: withManyForms(bundle.strings) },
  );
  syncStrings(i18next);
}

function loadInto(kit: Kit, language: Language): Promise<void> {
  if (language === defaultLanguage) return Promise.resolve();
  const known = kit.loading.get(language);
  if (known) return known;
  const loading = kit.load[language]().then(
    (strings) => addBundle({ ns: kit.ns, language, strings }),
    (error: unknown) => {
      // A chunk that failed to load (offline, a deploy in between) is asked again next time; English shows meanwhile.
      kit.loading.delete(language);
      throw error;
    },
  );
  kit.loading.set(language, loading);
  track(loading);
  return loading;
}

/**
 * Registers a bundle of strings in `ns` (deep-merged with what the namespace has): its English now, its
 * translation when the reader's language needs it. Call it when the module that uses the strings loads.
 */
export function registerStrings<S extends Strings>(
  ns: string,
  english: S,
  translations: Translations<S>,
): void {
  addBundle({ ns, language: defaultLanguage, strings: english });
  const kit: Kit = { ns, load: translations, loading: new Map() };
  kits.push(kit);
  if (wanted !== defaultLanguage) void loadInto(kit, wanted).catch(() => undefined);
}

function track(loading: Promise<void>): void {
  const settled = loading.catch(() => undefined);
  pending.add(settled);
  void settled.then(() => pending.delete(settled));
}

/** Resolves when every translation asked for so far has loaded (or failed: English shows then). */
export async function stringsReady(): Promise<void> {
  while (pending.size > 0) await Promise.all(pending);
}

/** The language the app is switching to or shows. */
export function wantedLanguage(): Language {
  return wanted;
}

/**
 * I18N-WEB-1: loads every registered kit's strings in `language`, then switches the whole app to it (`<html
 * lang>` follows, see `setUpI18n`). A kit registered later loads its strings in the new language itself.
 */
export async function setLanguage(language: Language): Promise<void> {
  wanted = language;
  await Promise.all(kits.map((kit) => loadInto(kit, language).catch(() => undefined)));
  if (wanted === language) await i18next.changeLanguage(localeTag[language]);
}

/** Starts the first language before i18next starts: its translations load while the first page's code does. */
export function startLanguage(language: string): void {
  if (isLanguage(language)) wanted = language;
}

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type KeyOf<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;
/** Every dotted key of a kit's English strings, with plural forms folded into their base key. */
export type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${KeyOf<K>}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type KitT<S> = (key: Leaves<S>, options?: Record<string, unknown>) => string;

/**
 * Registers a kit's own namespace and returns its `t` hook, checked against the English strings at compile time
 * (`All`: with the bundles its pages add later, `addMeetingsStrings`); it re-renders on a language change.
 */
export function kitTranslator<S extends Strings, All extends Strings = S>(
  ns: string,
  english: S,
  translations: Translations<S>,
): () => KitT<All> {
  registerStrings(ns, english, translations);
  return function useKitT(): KitT<All> {
    const { i18n } = useTranslation();
    syncStrings(i18n);
    const language = i18n.language;
    return useCallback<KitT<All>>(
      // i18next's own types know only the default namespace; `Leaves<S>` does the checking.
      (key, options) =>
        (i18n.t as (key: string, options: Record<string, unknown>) => string)(key, {
          ...options,
          ns,
          lng: language,
        }),
      [i18n, language],
    );
  };
}
