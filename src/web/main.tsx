import './zod-config';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { meQuery, setupStatusQuery } from './api/queries';
import { createQueryClient } from './api/queryClient';
import { currentNetwork } from './api/client';
import { demoInfoQuery } from './demo/queries';
import { setUpI18n } from './i18n';
import { stringsReady } from './i18n/kits';
import { AppRouter, preloadFirstPage } from './router';
import { loadNetworkKit } from './shell/space';
import './styles/index.css';

const i18n = setUpI18n();
const queryClient = createQueryClient();
// DAY-PERF-6: what every page waits for is asked at once, beside the page's own code: the shell waits for the
// session before it draws the setup gate, which waits for the setup status and the demo answer, so asked by
// the components these would be two round trips in a row.
// A failure is the components' to show: they ask again and render the error.
const askEarly = (ask: Promise<unknown>) => void ask.catch(() => undefined);
askEarly(queryClient.query(meQuery));
askEarly(queryClient.query(setupStatusQuery));
askEarly(queryClient.query(demoInfoQuery));
preloadFirstPage(window.location.pathname);
// NET-WEB-2: a tab in a network draws its band from the networks kit: asked now, beside `me`, not after it.
if (currentNetwork()) void loadNetworkKit().catch(() => undefined);

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

// I18N-WEB-1: a reader of another language sees the page once its strings are there, never English first.
void stringsReady().then(() =>
  createRoot(container).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <AppRouter />
        </QueryClientProvider>
      </I18nextProvider>
    </StrictMode>,
  ),
);
