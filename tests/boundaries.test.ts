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

  it('when an app imports a package through its name, then lint accepts it', async () => {
    expect(
      await problems(
        'apps/bff/src/probe.ts',
        "import { namespaceName } from '@swr-console/swr-api';\nexport const probe = namespaceName;\n",
      ),
    ).toEqual([]);
  });
});
