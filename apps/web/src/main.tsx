import './app/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadLocale } from './app/locales';
import { initialLocale } from './shared/i18n';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
// The messages of the language shown load before the first render (a small chunk, beside the
// page's own requests); the other language loads only when the user switches to it.
const i18n = await loadLocale(initialLocale());
createRoot(root).render(
  <StrictMode>
    <App i18n={i18n} />
  </StrictMode>,
);
