import './app/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createQueryClient } from './app/App';
import { loadLocale } from './app/locales';
import { createRouter } from './app/router';
import { initialLocale } from './shared/i18n';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
// The router starts at once: the page's code and its first requests load while the messages of
// the language shown do (a small chunk; the other language loads only when the user switches).
// The first render waits for the messages only.
const queryClient = createQueryClient();
const router = createRouter(queryClient);
const i18n = await loadLocale(initialLocale());
createRoot(root).render(
  <StrictMode>
    <App i18n={i18n} queryClient={queryClient} router={router} />
  </StrictMode>,
);
