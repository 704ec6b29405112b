import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ociImage } from '../testing/images.js';
import {
  registryUser,
  startSandbox,
  type RegistryUser,
  type Sandbox,
  type SandboxUser,
} from '../testing/sandbox.js';
import { waitFor } from '../testing/wait.js';

let sandbox: Sandbox;
let admin: SandboxUser;
let registry: RegistryUser;

beforeAll(async () => {
  sandbox = await startSandbox();
  admin = sandbox.user();
  registry = registryUser(sandbox, admin);
  await registry.login();
}, 30_000);
afterAll(() => sandbox?.stop());

async function push(repository: string, tags: string[]) {
  for (const tag of tags) {
    expect(
      (await registry.push(ociImage(`${repository} ${tag}`), `keep/${repository}:${tag}`)).stderr,
    ).toBe('');
  }
}

const pullable = async (repository: string, tag: string) =>
  (await registry.inspect(`keep/${repository}:${tag}`)).ok;

async function history(repository: string) {
  const response = await sandbox
    .client(admin)
    .request('ListRetentionHistories', { path: { namespace: 'keep', repository } });
  return response.data;
}

describe('retention, executed', () => {
  it('when "keep the 3 newest, exempt latest" is saved over 6 tags, then the 2 oldest go at once, into the history and out of the registry', async () => {
    await push('app', ['v1', 'v2', 'v3', 'v4', 'v5', 'latest']);
    const client = sandbox.client(admin);
    await client.request('CreateRetention', {
      path: { namespace: 'keep', repository: 'app' },
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
    });
    const log = await waitFor(
      async () => ((await history('app')).total === 2 ? await history('app') : undefined),
      15_000,
      'two retention records',
    );
    expect(log.retention_log.map((entry) => entry.tag).sort()).toEqual(['v1', 'v2']);
    expect(log.retention_log[0]).toMatchObject({
      namespace: 'keep',
      repo: 'app',
      rule_type: expect.stringContaining('tag_rule'),
    });
    const left = await client.request('ListRepositoryTags', {
      path: { namespace: 'keep', repository: 'app' },
    });
    expect(left.data.map((t) => t.Tag).sort()).toEqual(['latest', 'v3', 'v4', 'v5']);
    expect(await pullable('app', 'v1')).toBe(false);
    expect(await pullable('app', 'v2')).toBe(false);
    expect(await pullable('app', 'v3')).toBe(true);
  });

  it('when a new tag is pushed under a rule, then the rule runs again and the oldest goes', async () => {
    await push('app', ['v6']);
    await waitFor(async () => (await history('app')).total === 3, 15_000, 'a third record');
    expect(await pullable('app', 'v3')).toBe(false);
    expect(await pullable('app', 'latest')).toBe(true);
  });

  it('when a deleted tag shared its image with a kept one, then the kept one still pulls', async () => {
    await push('shared', ['old']);
    const client = sandbox.client(admin);
    const where = { namespace: 'keep', repository: 'shared' };
    await client.request('CreateRepoTag', {
      path: where,
      body: { source_tag: 'old', destination_tag: 'keeper' },
    });
    await client.request('CreateRetention', {
      path: where,
      body: {
        algorithm: 'or',
        rules: [{ template: 'tag_rule', params: { num: '1' }, tag_selectors: [] }],
      },
    });
    await waitFor(async () => (await history('shared')).total === 1, 15_000, 'one record');
    // keeper is newer (retagged after old was pushed), so old goes and keeper keeps the image.
    expect((await history('shared')).retention_log[0]!.tag).toBe('old');
    expect(await pullable('shared', 'keeper')).toBe(true);
    expect(await pullable('shared', 'old')).toBe(false);
  });

  it('when a rule is updated, then it runs at once with the new numbers', async () => {
    const client = sandbox.client(admin);
    const where = { namespace: 'keep', repository: 'app' };
    const [rule] = (await client.request('ListRetentions', { path: where })).data;
    await client.request('UpdateRetention', {
      path: { ...where, retention_id: rule!.id },
      body: {
        algorithm: 'or',
        rules: [
          {
            template: 'tag_rule',
            params: { num: '1' },
            tag_selectors: [{ kind: 'regexp', pattern: '^lat' }],
          },
        ],
      },
    });
    await waitFor(async () => (await history('app')).total === 5, 15_000, 'two more records');
    const left = await client.request('ListRepositoryTags', { path: where });
    expect(left.data.map((t) => t.Tag).sort()).toEqual(['latest', 'v6']);
  });

  it('when a rule exempts tags by a pattern that backtracks without end, then the run still ends in time and the sandbox goes on answering', async () => {
    const long = `${'1'.repeat(30)}x`;
    await push('redos', [long, 'old']);
    await sandbox.client(admin).request('CreateRetention', {
      path: { namespace: 'keep', repository: 'redos' },
      body: {
        algorithm: 'or',
        rules: [
          {
            template: 'tag_rule',
            params: { num: '1' },
            // ^(1|1)*$ takes minutes on the long tag with a backtracking engine.
            tag_selectors: [{ kind: 'regexp', pattern: '^(1|1)*$' }],
          },
        ],
      },
    });
    // The pattern does not match the long tag (its x): it is not exempt, and as the older tag it goes.
    await waitFor(async () => (await history('redos')).total === 1, 10_000, 'one record');
    expect(await pullable('redos', long)).toBe(false);
    expect(await pullable('redos', 'old')).toBe(true);
  });
});
