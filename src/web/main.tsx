import './zod-config';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createQueryClient } from './api/queryClient';
import { setUpI18n } from './i18n';
import { AppRouter, preloadFirstPage } from './router';
import './styles/index.css';

const i18n = setUpI18n();
const queryClient = createQueryClient();
preloadFirstPage(window.location.pathname);

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <AppRouter />
      </QueryClientProvider>
    </I18nextProvider>
  </StrictMode>,
);
