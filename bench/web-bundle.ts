// Benchmark: what a first visit to each page of the built console loads (gzip), from Vite's build
// manifest: the entry, the messages of its language, the page's route modules and their static
// imports. The same measure is the page budget test (e2e/bundle.spec.ts).
// Run after npm run build: npx tsx bench/web-bundle.ts
import path from 'node:path';
import { measurePages } from '@swr-console/web/bundle';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const pages = measurePages(path.resolve('apps/web/dist'));
console.log('| page | JavaScript | CSS | JavaScript beyond the first page |');
console.log('|---|---|---|---|');
for (const page of pages)
  console.log(`| ${page.name} | ${kb(page.js)} | ${kb(page.css)} | ${kb(page.jsAdded)} |`);
