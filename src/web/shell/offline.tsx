/**
 * PWA (ADR 0043), loaded by the shell after its first render (its own small chunk, so no page carries it): the
 * service worker's registration, and the note a page shows while the server cannot be reached.
 */
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { connection } from '../api/client';
import { addPageStrings } from '../i18n/page-strings';
import { offlineStrings } from './offline-strings.en';

addPageStrings(offlineStrings, { es: () => import('./offline-strings.es').then((m) => m.offlineStrings) });

/** PWA-SW-1: after the page has loaded (never in its way), in the built app only (Vite's dev server has none). */
function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
registerServiceWorker();

let version = 0;
function subscribe(onChange: () => void) {
  const changed = () => {
    version += 1;
    onChange();
  };
  connection.changed = changed;
  window.addEventListener('online', changed);
  window.addEventListener('offline', changed);
  return () => {
    if (connection.changed === changed) delete connection.changed;
    window.removeEventListener('online', changed);
    window.removeEventListener('offline', changed);
  };
}

/**
 * PWA-OFFLINE-4: said in words (not only by colour), in a status region the screen reader announces: offline (the
 * browser says so, or the server did not answer), and when the copy shown was saved.
 */
export default function OfflineNote() {
  const { t, i18n } = useTranslation();
  useSyncExternalStore(
    subscribe,
    () => version,
    () => 0,
  );
  const { offline, savedAt } = connection;
  let text: string | null = null;
  if (savedAt) {
    const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
    text = t('offline.savedAt', { time: time.format(new Date(savedAt)) });
  } else if (offline || !navigator.onLine) text = t('offline.unreachable');
  return (
    <p role="status" className="offline-note">
      {text}
    </p>
  );
}
