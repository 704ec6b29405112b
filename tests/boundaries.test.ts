import { rmSync, writeFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The module boundaries are enforced by lint; these cases prove the rules bite.
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('module boundaries', () => {
  it('when a package imports an app, then lint refuses it', async () => {
    expect(
      await problems(
        'packages/swr-api/src/probe.ts',
        "import { createApp } from '../../../apps/bff/src/app.js';\nexport const probe = createApp;\n",
      ),
    ).toEqual([expect.stringContaining('Packages never import apps')]);
  });

  it('when an app imports another app, then lint refuses it', async () => {
    expect(
      await problems(
        'apps/bff/src/probe.ts',
        "import { parseOptions } from '../../swr-local/src/options.js';\nexport const probe = parseOptions;\n",
      ),
    ).toEqual([expect.stringContaining('Apps never import other apps')]);
  });

  it('when the browser app imports the signer, then lint refuses it', async () => {
    expect(
      await problems(
        'apps/web/src/probe.ts',
        "import { signRequest } from '@swr-console/apig-signer';\nexport const probe = signRequest;\n",
      ),
    ).toEqual([expect.stringContaining('never signs requests')]);
  });

  it('when the console fetches on its own instead of through the BFF client, then lint refuses it', async () => {
    expect(
      await problems(
        'apps/web/src/features/tags/probe.ts',
        "export const probe = () => fetch('/api/session');\n",
      ),
    ).toEqual([expect.stringContaining('through its typed clients')]);
  });

  it('when the console imports the BFF contract’s schemas, then lint refuses it', async () => {
    expect(
      await problems(
        'apps/web/src/shared/probe.ts',
        "import { session } from '@swr-console/contracts/bff/schemas';\nexport const probe = session;\n",
      ),
    ).toEqual([expect.stringContaining('loads the BFF client only')]);
  });

  it('when an app imports a package through its name, then lint accepts it', async () => {
    expect(
      await problems(
        'apps/bff/src/probe.ts',
        "import { namespaceName } from '@swr-console/swr-api';\nexport const probe = namespaceName;\n",
      ),
    ).toEqual([]);
  });

  it('when two modules import each other, then lint refuses the cycle', async () => {
    // no-cycle reads the files it follows, so this case needs them on disk.
    const a = 'apps/bff/src/cycle-probe-a.ts';
    const b = 'apps/bff/src/cycle-probe-b.ts';
    writeFileSync(
      a,
      "import { b } from './cycle-probe-b.js';\nexport const a = (): number => b() + 1;\n",
    );
    writeFileSync(
      b,
      "import { a } from './cycle-probe-a.js';\nexport const b = (): number => a() - 1;\n",
    );
    try {
      const [result] = await eslint.lintFiles([a]);
      expect(result?.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
    } finally {
      rmSync(a, { force: true });
      rmSync(b, { force: true });
    }
  });

  it('when a feature imports another feature, then lint refuses it', async () => {
    expect(
      await problems(
        'apps/web/src/features/tags/probe.ts',
        "import { SyncPanel } from '../sync/routes';\nexport const probe = SyncPanel;\n",
      ),
    ).toEqual([expect.stringContaining('Features never import other features')]);
  });

  it('when shared code imports a feature, then lint refuses it', async () => {
    expect(
      await problems(
        'apps/web/src/shared/probe.ts',
        "import { SyncPanel } from '../features/sync/routes';\nexport const probe = SyncPanel;\n",
      ),
    ).toEqual([expect.stringContaining('knows none of them')]);
  });

  it('when src/app reaches into a feature past its entries, then lint refuses it', async () => {
    expect(
      await problems(
        'apps/web/src/app/probe.ts',
        "import { syncQueries } from '../features/sync/queries';\nexport const probe = syncQueries;\n",
      ),
    ).toEqual([expect.stringContaining('src/app uses a feature through')]);
  });

  it('when swr-local’s domain imports its API layer, then lint refuses it', async () => {
    expect(
      await problems(
        'apps/swr-local/src/domain/probe.ts',
        "import { GatewayError } from '../api/errors.js';\nexport const probe = GatewayError;\n",
      ),
    ).toEqual([expect.stringContaining('never imports from api/')]);
  });

  it('when a benchmark reaches into an app, then lint refuses it; its public entry is fine', async () => {
    expect(
      await problems(
        'bench/probe.ts',
        "import { waitFor } from '../apps/swr-local/src/testing/wait.js';\nexport const probe = waitFor;\n",
      ),
    ).toEqual([expect.stringContaining('public entry')]);
    expect(
      await problems(
        'bench/probe.ts',
        "import { waitFor } from '@swr-console/swr-local/testing';\nexport const probe = waitFor;\n",
      ),
    ).toEqual([]);
  });

  it('when a file grows past 400 lines, then lint warns (and CI refuses warnings)', async () => {
    const long = Array.from({ length: 401 }, (_, i) => `export const line${i} = ${i};`).join('\n');
    expect(await problems('apps/bff/src/probe.ts', `${long}\n`)).toEqual([
      expect.stringContaining('max-lines'),
    ]);
  });

  it('when the browser-safe part of the contract imports a schema, then lint refuses it; a type is fine', async () => {
    expect(
      await problems(
        'packages/swr-api/src/wire/probe.ts',
        "import { operations } from '../schemas/operations.js';\nexport const probe = operations;\n",
      ),
    ).toEqual([expect.stringContaining('no schema library')]);
    expect(
      await problems(
        'packages/swr-api/src/wire/probe.ts',
        "import type { OperationId } from '../schemas/operations.js';\nexport const probe: OperationId[] = [];\n",
      ),
    ).toEqual([]);
  });
});
