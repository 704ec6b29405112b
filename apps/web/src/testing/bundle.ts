import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** One entry of Vite's build manifest (`dist/.vite/manifest.json`). */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/** A page of the console by the route modules the router loads for it. */
export interface PageDefinition {
  name: string;
  /** Source modules (as the manifest keys them) the router imports lazily for the page. */
  routes: string[];
}

export interface PageCost {
  name: string;
  /** Gzip bytes of every script the page loads, the entry included. */
  js: number;
  /** Gzip bytes of every stylesheet the page loads. */
  css: number;
  /** Gzip bytes of script beyond the entry and the first page after sign-in (organizations). */
  jsAdded: number;
}

const SIGNED_IN = 'src/app/RequireSession.tsx';
/** What every visit loads besides its page: the messages of its language (English here). */
const EVERY_PAGE = ['src/app/catalogs.ts'];

/** The first page after sign-in, against which "beyond the first page" is counted. */
const FIRST_PAGE: PageDefinition = {
  name: 'organizations',
  routes: [SIGNED_IN, 'src/features/namespaces/routes.tsx'],
};

/** The pages the budgets speak of, with the modules the router loads for each. */
export const PAGES: PageDefinition[] = [
  { name: 'sign-in', routes: ['src/features/sign-in/routes.tsx'] },
  FIRST_PAGE,
  { name: 'organization detail', routes: [SIGNED_IN, 'src/app/compose.tsx'] },
  { name: 'repositories', routes: [SIGNED_IN, 'src/app/compose-repositories.tsx'] },
  { name: 'overview', routes: [SIGNED_IN, 'src/features/overview/routes.tsx'] },
  { name: 'shared with me', routes: [SIGNED_IN, 'src/features/sharing/routes.tsx'] },
  { name: 'regions side by side', routes: [SIGNED_IN, 'src/features/regions/routes.tsx'] },
  { name: 'retention what-if', routes: [SIGNED_IN, 'src/features/retention-plans/routes.tsx'] },
  { name: 'storage', routes: [SIGNED_IN, 'src/features/storage/routes.tsx'] },
  { name: 'Enterprise', routes: [SIGNED_IN, 'src/features/enterprise/routes.tsx'] },
  {
    name: 'Enterprise namespace',
    routes: [SIGNED_IN, 'src/features/enterprise/detail-routes.tsx'],
  },
  {
    name: 'Enterprise namespace: scanning tab',
    routes: [
      SIGNED_IN,
      'src/features/enterprise/detail-routes.tsx',
      'src/features/enterprise/components/SecurityPanel.tsx',
    ],
  },
  {
    name: 'Enterprise namespace: immutable tags tab',
    routes: [
      SIGNED_IN,
      'src/features/enterprise/detail-routes.tsx',
      'src/features/enterprise/components/ImmutabilityPanel.tsx',
    ],
  },
  {
    name: 'Enterprise namespace: webhooks tab',
    routes: [
      SIGNED_IN,
      'src/features/enterprise/detail-routes.tsx',
      'src/features/enterprise/components/WebhooksPanel.tsx',
    ],
  },
  {
    name: 'Enterprise namespace: retention tab',
    routes: [
      SIGNED_IN,
      'src/features/enterprise/detail-routes.tsx',
      'src/features/enterprise/components/RetentionPanel.tsx',
    ],
  },
  {
    name: 'Enterprise artifact',
    routes: [SIGNED_IN, 'src/features/enterprise/pages/artifact.tsx'],
  },
  { name: 'Enterprise audit log', routes: [SIGNED_IN, 'src/features/enterprise/pages/audit.tsx'] },
  {
    name: 'Enterprise long-term credentials',
    routes: [SIGNED_IN, 'src/features/enterprise/pages/credentials.tsx'],
  },
  {
    name: 'Enterprise replication',
    routes: [SIGNED_IN, 'src/features/enterprise/pages/replication.tsx'],
  },
  { name: 'login command', routes: [SIGNED_IN, 'src/features/login-command/routes.tsx'] },
  { name: 'help', routes: [SIGNED_IN, 'src/features/help/routes.tsx'] },
  // A repository's tabs other than tags load when opened.
  {
    name: 'repository: retention tab',
    routes: [SIGNED_IN, 'src/app/compose.tsx', 'src/features/retention/routes.tsx'],
  },
  {
    name: 'repository: sync tab',
    routes: [SIGNED_IN, 'src/app/compose.tsx', 'src/features/sync/routes.tsx'],
  },
  {
    name: 'repository: sharing tab',
    routes: [SIGNED_IN, 'src/app/compose.tsx', 'src/features/sharing/detail-routes.tsx'],
  },
  {
    name: 'repository: compare tab',
    routes: [SIGNED_IN, 'src/app/compose.tsx', 'src/features/image-compare/routes.tsx'],
  },
  {
    name: 'repository: triggers tab',
    routes: [SIGNED_IN, 'src/app/compose.tsx', 'src/features/triggers/routes.tsx'],
  },
];

/**
 * What each page of the built console costs a first visit, in gzip bytes, read from the build
 * manifest: the entry, the page's route modules and everything they import statically.
 */
export function measurePages(dist: string, pages: PageDefinition[] = PAGES): PageCost[] {
  const manifest = JSON.parse(
    readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;
  const gzipped = new Map<string, number>();
  const gz = (file: string) => {
    let size = gzipped.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
      gzipped.set(file, size);
    }
    return size;
  };
  const chunk = (key: string) => {
    const found = manifest[key];
    if (!found) throw new Error(`the build has no module ${key}`);
    return found;
  };
  /** The chunks loading `keys` brings: each and its static imports, transitively. */
  const closure = (keys: string[]) => {
    const seen = new Set<string>();
    const visit = (key: string) => {
      if (seen.has(key)) return;
      seen.add(key);
      for (const imported of chunk(key).imports ?? []) visit(imported);
    };
    keys.forEach(visit);
    return seen;
  };
  const entry = [...Object.keys(manifest).filter((key) => manifest[key]!.isEntry), ...EVERY_PAGE];
  const jsOf = (keys: Set<string>) => [...keys].reduce((sum, key) => sum + gz(chunk(key).file), 0);
  const cssOf = (keys: Set<string>) =>
    [...new Set([...keys].flatMap((key) => chunk(key).css ?? []))].reduce(
      (sum, file) => sum + gz(file),
      0,
    );
  const first = closure([...entry, ...FIRST_PAGE.routes]);
  return pages.map(({ name, routes }) => {
    const loaded = closure([...entry, ...routes]);
    const added = new Set([...loaded].filter((key) => !first.has(key)));
    return { name, js: jsOf(loaded), css: cssOf(loaded), jsAdded: jsOf(added) };
  });
}
