// Benchmark: JavaScript the browser loads (gzip) for the console's shell and first route, and
// what each lazily loaded route adds. Reads the built app (npm run build) and follows its static
// and dynamic imports. Run: npx tsx bench/web-bundle.ts
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = path.resolve('apps/web/dist');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const gz = (file: string) =>
  gzipSync(readFileSync(path.join(dist, 'assets', file)), { level: 9 }).length;

function imports(file: string, kind: 'static' | 'dynamic'): string[] {
  const code = readFileSync(path.join(dist, 'assets', file), 'utf8');
  const pattern =
    kind === 'static'
      ? /(?:from|import)\s*["`]\.\/([^"`]+\.js)["`]/g
      : /import\(["`]\.\/([^"`]+\.js)["`]\)/g;
  return [...code.matchAll(pattern)].map((m) => m[1]!);
}

/** A chunk and everything it imports statically: what loading it costs. */
function closure(roots: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    imports(file, 'static').forEach(visit);
  };
  roots.forEach(visit);
  return seen;
}

const entry = /<script type="module"[^>]*src="\/assets\/([^"]+)"/.exec(html)![1]!;
const shell = closure([entry]);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const size = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + gz(f), 0);

// Lazy chunks: every dynamic import anywhere, named by the route module that imports them.
const lazy = new Set(
  [...closure([entry, ...[...shell].flatMap((f) => imports(f, 'dynamic'))])].filter(
    (f) => !shell.has(f),
  ),
);
const routes = [...shell].flatMap((f) => imports(f, 'dynamic'));
const routeCost = new Map<string, number>();
for (const route of new Set(routes)) {
  const extra = [...closure([route])].filter((f) => !shell.has(f));
  routeCost.set(route, size(extra));
}
const label = (file: string) => {
  const code = readFileSync(path.join(dist, 'assets', file), 'utf8');
  const exported = /export\s*\{([^}]*)\}/.exec(code)?.[1] ?? '';
  return `${file} (${exported.replace(/\s+/g, ' ').trim().slice(0, 60)})`;
};

console.log(`shell (entry and its static imports): ${kb(size(shell))} gzip in ${shell.size} files`);
console.log('| lazily loaded module | adds (gzip) | shell + it |');
console.log('|---|---|---|');
for (const [route, cost] of [...routeCost.entries()].sort((a, b) => b[1] - a[1])) {
  console.log(`| ${label(route)} | ${kb(cost)} | ${kb(size(shell) + cost)} |`);
}
console.log(`(${lazy.size} lazy files in all)`);
