import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { deriveLoginKey } from '@swr-console/apig-signer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, sandbox, sandboxUser, startBff, type RunningBff } from '../testing/harness.js';
import type { ArtifactSignatures } from '@swr-console/swr-api';

// The console's signature badge: the BFF reads cosign signatures from the instance registry and
// verifies them with the account's public keys. Everything goes through the BFF as the browser's
// calls do, and images move with skopeo.
const run = promisify(execFile);
let bff: RunningBff;
let browser: Browser;
let instance: string;
let host: string;
const region = 'cn-north-4';
const auth = path.join(mkdtempSync(path.join(tmpdir(), 'auth-')), 'auth.json');

const skopeo = (...args: string[]) =>
  run('skopeo', args, { env: { ...process.env, REGISTRY_AUTH_FILE: auth } });

async function api<T = Record<string, unknown>>(method: string, url: string, body?: unknown) {
  const answer = await browser.request(method, `/api/swr/${region}${url}`, { body });
  expect(answer.status, answer.text).toBeLessThan(300);
  return answer.status === 204 ? ({} as T) : answer.json<T>();
}

async function digestOf(reference: string): Promise<string> {
  const { stdout } = await skopeo('inspect', '--tls-verify=false', `docker://${host}/${reference}`);
  return (JSON.parse(stdout) as { Digest: string }).Digest;
}

async function signatures(...digests: string[]) {
  const query = new URLSearchParams({ instance, namespace: 'badges', repository: 'web/app' });
  for (const digest of digests) query.append('digest', digest);
  const answer = await browser.request('GET', `/api/signatures/${region}?${query}`);
  expect(answer.status, answer.text).toBe(200);
  return answer.json<{ artifacts: ArtifactSignatures[] }>().artifacts;
}

beforeAll(async () => {
  bff = await startBff();
  browser = new Browser(bff.url);
  const admin = sandboxUser();
  await browser.signInWithKey(admin);
  const project = admin.projects[region]!;
  const { instances } = await api<{ instances: { id: string; access_address: string }[] }>(
    'GET',
    `/v2/${project}/instances`,
  );
  instance = instances[0]!.id;
  host = instances[0]!.access_address;
  await api('POST', `/v2/${project}/instances/${instance}/namespaces`, {
    namespace_name: 'badges',
    metadata: { public: 'false' },
  });
  await skopeo(
    'login',
    '--tls-verify=false',
    '-u',
    `${region}@${admin.access_key}`,
    '-p',
    deriveLoginKey(admin.access_key, admin.secret_key),
    host,
  );
  const basic = sandbox().regions[0]!.registry;
  for (const tag of ['3.19', '3.20'])
    await skopeo(
      'copy',
      '--src-tls-verify=false',
      '--dest-tls-verify=false',
      `docker://${basic}/library/alpine-lite:${tag}`,
      `docker://${host}/badges/web/app:${tag}`,
    );
}, 60_000);
afterAll(() => bff?.stop());

describe('signature badges', () => {
  it('when a policy signs one tag, then that artifact verifies with the key that signed and the other is unsigned', async () => {
    const project = sandboxUser().projects[region]!;
    const key = await api<{ key_info: { key_id: string } }>(
      'POST',
      `/v1.0/${project}/kms/create-key`,
      { key_alias: 'badge-key', key_spec: 'EC_P256', key_usage: 'SIGN_VERIFY' },
    );
    const base = `/v2/${project}/instances/${instance}/namespaces/badges/signature/policies`;
    const { id } = await api<{ id: number }>('POST', base, {
      name: 'badge-policy',
      enabled: true,
      signature_method: 'KMS',
      signature_algorithm: 'ECDSA_SHA_256',
      signature_key: key.key_info.key_id,
      trigger: { type: 'manual' },
      scope_rules: [
        {
          repo_scope_mode: 'regular',
          scope_selectors: {
            repository: [{ kind: 'doublestar', decoration: 'repoMatches', pattern: 'web/**' }],
          },
          tag_selectors: [{ kind: 'doublestar', decoration: 'matches', pattern: '3.20' }],
        },
      ],
    });
    await api('POST', `${base}/${id}/executions`);
    const signed = await digestOf('badges/web/app:3.20');
    const unsigned = await digestOf('badges/web/app:3.19');
    for (let i = 0; i < 100; i++) {
      const [first] = await signatures(signed);
      if (first!.signed) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const results = await signatures(signed, unsigned);
    expect(results).toEqual([
      {
        digest: signed,
        signed: true,
        verified: true,
        signatures: [
          {
            verified: true,
            keyId: key.key_info.key_id,
            keyAlias: 'badge-key',
            algorithm: 'ECDSA_SHA_256',
          },
        ],
      },
      { digest: unsigned, signed: false, verified: false, signatures: [] },
    ]);
  });

  it('when one image’s signature is put under another image, then it is shown as signed but not verified', async () => {
    const signed = await digestOf('badges/web/app:3.20');
    const unsigned = await digestOf('badges/web/app:3.19');
    await skopeo(
      'copy',
      '--src-tls-verify=false',
      '--dest-tls-verify=false',
      `docker://${host}/badges/web/app:${signed.replace(':', '-')}.sig`,
      `docker://${host}/badges/web/app:${unsigned.replace(':', '-')}.sig`,
    );
    const [moved] = await signatures(unsigned);
    expect(moved).toMatchObject({ signed: true, verified: false });
    expect(moved!.signatures[0]!.problem).toContain('another image digest');
  });

  it('when another account asks, then the instance does not exist for it', async () => {
    const other = new Browser(bff.url);
    await other.signInWithKey(sandboxUser(undefined, 1));
    const query = new URLSearchParams({
      instance,
      namespace: 'badges',
      repository: 'web/app',
      digest: `sha256:${'0'.repeat(64)}`,
    });
    const answer = await other.request('GET', `/api/signatures/${region}?${query}`);
    expect(answer.status).toBe(404);
  });

  it('when the parameters are wrong, then each wrong one is named and nothing is asked upstream', async () => {
    const answer = await browser.request(
      'GET',
      `/api/signatures/${region}?instance=${instance}&namespace=Bad..&repository=web/app&digest=sha256:xyz`,
    );
    expect(answer.status).toBe(400);
    const fields = answer.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['namespace', 'digest.0']));
  });
});
