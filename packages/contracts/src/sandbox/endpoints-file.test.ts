import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSandboxEndpoints, sandboxUsers, writeSandboxEndpoints } from './endpoints-file.js';

const dir = mkdtempSync(path.join(tmpdir(), 'endpoints-file-'));
const valid = {
  iam: 'http://127.0.0.1:5002',
  regions: [{ id: 'cn-north-4', api: 'http://127.0.0.1:5000', registry: '127.0.0.1:6000' }],
  accounts: [
    {
      domain_name: 'swr-demo',
      domain_id: 'd1',
      projects: { 'cn-north-4': 'p1' },
      users: [
        {
          name: 'ops-admin',
          id: 'u1',
          admin: true,
          access_key: 'AK',
          secret_key: 'SK',
          password: 'pw',
        },
      ],
    },
  ],
};

describe('the sandbox endpoints file', () => {
  it('when written, then it reads back the same, owner-only, with defaults filled in', () => {
    const file = path.join(dir, 'endpoints.json');
    writeSandboxEndpoints(file, valid);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readSandboxEndpoints(file)).toEqual({ ...valid, instances: {} });
    expect(sandboxUsers(readSandboxEndpoints(file))).toEqual([
      { ...valid.accounts[0]!.users[0]!, account: 'swr-demo', projects: { 'cn-north-4': 'p1' } },
    ]);
  });

  it('when what would be written breaks the schema, then nothing is written', () => {
    const file = path.join(dir, 'never.json');
    expect(() =>
      writeSandboxEndpoints(file, { ...valid, regions: [{ ...valid.regions[0]!, api: 'nope' }] }),
    ).toThrow();
    expect(() => readFileSync(file)).toThrow();
  });

  it.each([
    ['missing', undefined, /cannot read/],
    ['not JSON', '{', /is not JSON/],
    ['without regions', JSON.stringify({ ...valid, regions: [] }), /regions/],
    [
      'with a registry URL',
      JSON.stringify({ ...valid, regions: [{ ...valid.regions[0], registry: 'http://x/' }] }),
      /registry/,
    ],
  ])('when the file is %s, then reading says what is wrong with it', (name, content, message) => {
    const file = path.join(dir, `${name.replaceAll(' ', '-')}.json`);
    if (content !== undefined) writeFileSync(file, content);
    expect(() => readSandboxEndpoints(file)).toThrow(message);
  });
});
