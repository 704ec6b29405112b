import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { signRequest } from '@swr-console/apig-signer';
import {
  callsAsCurl,
  callsAsKooCli,
  callsAsSdk,
  curlSignature,
  swrCall,
  wireRequest,
  type CallTarget,
  type SwrCall,
} from '@swr-console/swr-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox, type SandboxUser } from '../testing/sandbox.js';

// The console's "show the request" texts, run as a user would run them: curl after signing, and
// the official SDK snippet compiled with the TypeScript compiler and run with the SDK.
const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const snippets = path.join(root, 'node_modules', '.cache', 'request-snippets');

let sandbox: Sandbox;
let admin: SandboxUser;
let target: CallTarget;

beforeAll(async () => {
  sandbox = await startSandbox();
  admin = sandbox.user();
  target = {
    region: 'cn-north-4',
    api: sandbox.api(),
    kms: sandbox.api(),
    projectId: admin.projects['cn-north-4']!,
  };
  rmSync(snippets, { recursive: true, force: true });
  mkdirSync(snippets, { recursive: true });
}, 60_000);

afterAll(async () => {
  await sandbox?.stop();
});

/** Runs the curl text of the calls with each signature set, as the comment above them asks. */
async function curl(...calls: SwrCall[]): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  calls.forEach((call, index) => {
    const request = wireRequest(call);
    const signed = signRequest(
      {
        method: request.method,
        url: `${target.api}${request.path}`,
        headers: { 'Content-Type': 'application/json' },
        body: request.body,
      },
      { accessKey: admin.access_key, secretKey: admin.secret_key, projectId: target.projectId },
    );
    const names = curlSignature(index, calls.length);
    env[names.date] = signed['X-Sdk-Date'];
    env[names.authorization] = signed.Authorization;
  });
  const { stdout } = await run('bash', ['-c', callsAsCurl(calls, target)], { env });
  return stdout;
}

/** Compiles the SDK snippets of the calls with tsc, strictly, then runs each with the SDK. */
async function sdk(named: Record<string, SwrCall>): Promise<void> {
  const files = Object.entries(named).map(([name, call]) => {
    const written = callsAsSdk([call], target);
    if (!('snippet' in written)) throw new Error(`no snippet for ${name}: ${written.name}`);
    const file = path.join(snippets, `${name}.mts`);
    writeFileSync(file, `${written.snippet}export {};\n`);
    return file;
  });
  writeFileSync(
    path.join(snippets, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        module: 'nodenext',
        target: 'es2022',
        types: ['node'],
        skipLibCheck: true,
      },
      include: ['*.mts'],
    }),
  );
  await run(path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', snippets]).catch(
    (error: { stdout: string }) => {
      throw new Error(`the snippets do not compile:\n${error.stdout}`);
    },
  );
  for (const file of files) {
    await run(path.join(root, 'node_modules', '.bin', 'tsx'), [file], {
      env: {
        ...process.env,
        HUAWEICLOUD_SDK_AK: admin.access_key,
        HUAWEICLOUD_SDK_SK: admin.secret_key,
      },
    });
  }
}

describe('the request texts against swr-local', () => {
  it('when the curl lines are signed and run, then they create, change and delete as the console would', async () => {
    const body = {
      repository: 'web/app',
      is_public: false,
      category: 'linux',
      description: 'it\'s "quoted" $HOME `x`',
    } as const;
    // Two calls in one text: each reads its own numbered signature.
    await curl(
      swrCall('CreateNamespace', { body: { namespace: 'text-curl' } }),
      swrCall('CreateRepo', { path: { namespace: 'text-curl' }, body }),
    );
    const client = sandbox.client(admin);
    const shown = await client.request('ShowRepository', {
      path: { namespace: 'text-curl', repository: 'web/app' },
    });
    expect(shown.data).toMatchObject({
      name: 'web/app',
      category: 'linux',
      description: body.description,
    });

    await curl(
      swrCall('UpdateRepo', {
        path: { namespace: 'text-curl', repository: 'web/app' },
        body: { is_public: true, category: 'linux', description: 'now public' },
      }),
    );
    const changed = await client.request('ShowRepository', {
      path: { namespace: 'text-curl', repository: 'web/app' },
    });
    expect(changed.data).toMatchObject({ is_public: true, description: 'now public' });

    await curl(swrCall('DeleteRepo', { path: { namespace: 'text-curl', repository: 'web/app' } }));
    const repos = await client.request('ListReposDetails', { query: { namespace: 'text-curl' } });
    expect(repos.data).toEqual([]);
  });

  it('when the SDK snippets are compiled and run, then they do what the forms would, nested models and array bodies included', async () => {
    const reader = sandbox.user('dev-reader');
    await sdk({
      namespace: swrCall('CreateNamespace', { body: { namespace: 'text-sdk' } }),
    });
    await sdk({
      repository: swrCall('CreateRepo', {
        path: { namespace: 'text-sdk' },
        body: { repository: 'tools/cli', is_public: true, category: 'other', description: 'd' },
      }),
    });
    await sdk({
      retention: swrCall('CreateRetention', {
        path: { namespace: 'text-sdk', repository: 'tools/cli' },
        body: {
          algorithm: 'or',
          rules: [
            {
              template: 'tag_rule',
              params: { num: '3' },
              tag_selectors: [{ kind: 'label', pattern: 'latest' }],
            },
          ],
        },
      }),
      grant: swrCall('CreateUserRepositoryAuth', {
        path: { namespace: 'text-sdk', repository: 'tools/cli' },
        body: [{ user_id: reader.id, user_name: reader.name, auth: 1 }],
      }),
    });

    const client = sandbox.client(admin);
    const where = { namespace: 'text-sdk', repository: 'tools/cli' };
    expect((await client.request('ShowRepository', { path: where })).data).toMatchObject({
      name: 'tools/cli',
      is_public: true,
      category: 'other',
    });
    expect((await client.request('ListRetentions', { path: where })).data).toEqual([
      expect.objectContaining({
        algorithm: 'or',
        rules: [
          expect.objectContaining({
            template: 'tag_rule',
            params: { num: '3' },
            tag_selectors: [{ kind: 'label', pattern: 'latest' }],
          }),
        ],
      }),
    ]);
    expect((await client.request('ShowUserRepositoryAuth', { path: where })).data).toMatchObject({
      others_auths: [{ user_id: reader.id, auth: 1 }],
    });
  }, 120_000);

  it('when a call is for the sandbox, then the KooCLI line names its endpoint and the repository as SWR writes it', () => {
    const line = callsAsKooCli(
      [swrCall('DeleteRepo', { path: { namespace: 'team', repository: 'web/app' } })],
      target,
    );
    expect(line.replaceAll(' \\\n  ', ' ')).toBe(
      `hcloud SWR DeleteRepo --cli-region='cn-north-4' --cli-project-id='${target.projectId}' --cli-endpoint='${target.api}' --namespace='team' --repository='web$app'`,
    );
  });
});
