// @ts-check
import { readdirSync, existsSync } from 'node:fs';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const apps = ['web', 'bff', 'swr-local'];
const featuresDir = 'apps/web/src/features';
const features = existsSync(featuresDir)
  ? readdirSync(featuresDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
  : [];

/**
 * What a feature offers the rest of the console; `detail-routes.tsx` holds pages that load apart
 * from the feature's first page, and each module of `pages/` one more page with a chunk of its own.
 */
const FEATURE_ENTRIES = [
  'routes.tsx',
  'detail-routes.tsx',
  'pages',
  'messages.ts',
  'messages.zh.ts',
  'prefetch.ts',
];

/** Where code may not import from: the module boundaries of the repository. */
const boundaries = [
  // Apps are deployables: none of them reaches into another.
  ...apps.map((app) => ({
    target: `./apps/${app}`,
    from: apps.filter((other) => other !== app).map((other) => `./apps/${other}`),
    message: 'Apps never import other apps; move shared code into packages/.',
  })),
  {
    target: './packages',
    from: './apps',
    message: 'Packages never import apps.',
  },
  {
    target: './apps/web',
    from: './packages/apig-signer',
    message: 'The browser never signs requests or holds keys.',
  },
  // Features are composed in src/app; they never import each other.
  ...features.map((feature) => ({
    target: `./${featuresDir}/${feature}`,
    from: `./${featuresDir}`,
    except: [`./${feature}`],
    message: 'Features never import other features; compose them in src/app.',
  })),
  {
    target: './apps/web/src/shared',
    from: `./${featuresDir}`,
    message: 'Shared code serves every feature and knows none of them.',
  },
  // src/app composes a feature through what the feature offers it: its routes, messages and prefetch.
  {
    target: './apps/web/src/app',
    from: `./${featuresDir}`,
    except: features.flatMap((feature) => FEATURE_ENTRIES.map((entry) => `./${feature}/${entry}`)),
    message: `src/app uses a feature through its ${FEATURE_ENTRIES.join(', ')} only.`,
  },
  {
    target: './apps/swr-local/src/domain',
    from: './apps/swr-local/src/api',
    message: 'The domain is below the API: it never imports from api/.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      // Without a parser for TypeScript, import-x cannot read the files it follows, and
      // no-cycle finds nothing (a two-file cycle linted clean).
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          alwaysTryTypes: true,
          conditionNames: ['source', 'types', 'import', 'default'],
          project: 'tsconfig.json',
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': ['error', { zones: boundaries }],
      'import-x/no-default-export': 'error',
      'import-x/no-duplicates': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'smart'],
      // A file past this asks to be split (CI runs lint with --max-warnings 0).
      'max-lines': ['warn', { max: 400 }],
    },
  },
  {
    // What browsers load from the contract carries no schema library; types are free.
    files: ['packages/swr-api/src/wire/**', 'packages/swr-api/src/rules/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/schemas/**', 'zod'],
              allowTypeImports: true,
              message: 'wire/ and rules/ are what browsers load: no schema library (types aside).',
            },
          ],
        },
      ],
    },
  },
  {
    // What the contracts give the browser is the BFF's table, types and client; no schemas.
    files: [
      'packages/contracts/src/bff/endpoints.ts',
      'packages/contracts/src/bff/client.ts',
      'packages/contracts/src/bff/index.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['./schemas.js', 'zod'],
              allowTypeImports: true,
              message: 'The BFF client is what browsers load: no schema library (types aside).',
            },
          ],
        },
      ],
    },
  },
  {
    // The console talks to the BFF only through the contract's clients (shared/http.ts for the
    // BFF's own API, shared/swr.ts for the proxy), never with a fetch of its own.
    files: ['apps/web/src/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'apps/web/src/testing/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        {
          name: 'fetch',
          message: 'Call the BFF through its typed clients (shared/http.ts, shared/swr.ts).',
        },
        {
          name: 'XMLHttpRequest',
          message: 'Call the BFF through its typed clients (shared/http.ts, shared/swr.ts).',
        },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@swr-console/contracts/bff/schemas',
                '@swr-console/contracts/iam',
                '@swr-console/contracts/sandbox',
              ],
              allowTypeImports: true,
              message: 'The console loads the BFF client only (`@swr-console/contracts/bff`).',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests and benchmarks reach an app through the entry it offers them, not its insides.
    files: ['e2e/**', 'bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/apps/**'],
              message:
                "Import an app through its public entry (e.g. '@swr-console/swr-local/testing').",
            },
          ],
        },
      ],
    },
  },
  {
    // Tools read their configuration from a default export.
    files: ['*.config.{js,ts,mjs}', '**/*.config.{js,ts,mjs}'],
    rules: { 'import-x/no-default-export': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', '**/testing/**', 'e2e/**', 'bench/**', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['apps/web/src/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
