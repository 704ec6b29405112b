import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  enterpriseErrorBody,
  MAX_LT_CREDENTIALS,
  type CreatedLtCredential,
  type LtCredential,
  type OperationId,
} from '@swr-console/swr-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../identity/secrets.js';
import * as suite from '../testing/enterprise-suite.js';
import {
  CREDENTIALS_SUITE,
  at,
  call,
  called,
  failure,
  policy,
  push,
  useEnterpriseSandbox,
} from '../testing/enterprise-suite.js';
import { signingFetch, skopeo } from '../testing/sandbox.js';
import { problemsOf } from '../testing/sdk-enterprise-models.js';
import { snapshot } from '../testing/snapshot.js';

// Long-term docker logins of an instance, used by skopeo at the instance's registry, and the
// instance's statistics. Every answer is also read with the official SDK's models.
useEnterpriseSandbox();

const answers: [OperationId, unknown][] = [];
async function answered<Id extends OperationId>(id: Id, input: Parameters<typeof call<Id>>[1]) {
  const data = await call(id, input);
  answers.push([id, data]);
  return data;
}

const create = async (name: string, as?: Parameters<typeof call>[2]) =>
  (await call(
    'CreateInstanceLtCredential',
    { path: at(), body: { name } },
    as,
  )) as CreatedLtCredential;
const listed = async (query: { self_only?: 'true' | 'false' } = {}) =>
  (await answered('ListInstanceLtCredentials', { path: at(), query }))
    .auth_tokens as LtCredential[];
const credential = (id: string) => ({ ...at(), credential_id: id });

/** A docker client of its own (its own credentials file), logged in with a credential at `host`. */
async function dockerWith(login: { user_id: string; auth_token: string }, host = suite.host) {
  const run = skopeo(path.join(mkdtempSync(path.join(tmpdir(), 'auth-')), 'auth.json'));
  const loggedIn = await run(
    'login',
    '--tls-verify=false',
    '-u',
    login.user_id,
    '-p',
    login.auth_token,
    host,
  );
  const inspect = (target: string) =>
    run('inspect', '--tls-verify=false', `docker://${suite.host}/${target}`);
  return { loggedIn, inspect, run };
}

/** A request as a hostile client sends it, past the typed client's own checks. */
async function raw(method: string, url: string, body?: unknown) {
  const response = await signingFetch(suite.admin, 'cn-north-4')(`${suite.sandbox.api()}${url}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? enterpriseErrorBody.parse(JSON.parse(text)) : undefined,
  };
}
const base = () => `/v2/${suite.project}/instances/${suite.instance}`;

describe('long-term credentials', { timeout: 60_000 }, () => {
  let issued: CreatedLtCredential;

  beforeAll(async () => {
    await call('CreateInstanceNamespace', {
      path: at(),
      body: { namespace_name: 'creds', metadata: { public: 'false' } },
    });
    expect((await push('credentials', 'creds/app:v1')).stderr).toBe('');
  });

  it('when a credential is created, then its secret is answered once and never listed', async () => {
    issued = (await answered('CreateInstanceLtCredential', {
      path: at(),
      body: { name: 'ci-pipeline' },
    })) as CreatedLtCredential;
    expect(issued.auth_token).toMatch(/^[0-9a-f]{64}$/);
    expect(issued.token_id).toMatch(/^LT[0-9a-f]{32}$/);
    expect(issued.user_id).toBe(`cn-north-4@${issued.token_id}`);
    expect(issued.expire_date).toBe('');
    expect(Date.parse(issued.created_at)).not.toBeNaN();

    const mine = await answered('ListInstanceLtCredentials', { path: at() });
    expect(JSON.stringify(mine)).not.toContain(issued.auth_token);
    expect(JSON.stringify(mine)).not.toContain('"auth_token"');
    expect(mine.auth_tokens).toEqual([
      {
        name: 'ci-pipeline',
        token_id: issued.token_id,
        user_id: issued.user_id,
        instance_id: suite.instance,
        enable: true,
        created_at: issued.created_at,
        expire_date: '',
        user_profile: 'Push, pull and delete in every namespace of the instance',
      },
    ]);
    const stored = suite.sandbox.services.db
      .prepare('SELECT secret_hash FROM ent_lt_credentials WHERE token_id = ?')
      .pluck()
      .get(issued.token_id);
    expect(stored).toBe(sha256(issued.auth_token));
  });

  it('when names break the rules, then each is refused at the field and nothing is stored', async () => {
    const before = snapshot(suite.sandbox);
    for (const body of [
      { name: '' },
      { name: 'Upper' },
      { name: 'two..dots' },
      { name: '-lead' },
      { name: 'has space' },
      { name: 'x'.repeat(65) },
      { name: 7 },
      {},
    ]) {
      const answer = await raw('POST', `${base()}/long-term-credential`, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body?.error_code).toBe('SWR.400001');
      expect(answer.body?.error_msg).toContain('name');
    }
    for (const [method, url, body] of [
      ['PUT', `${base()}/long-term-credentials/${issued.token_id}`, { enable: 'yes' }],
      ['PUT', `${base()}/long-term-credentials/${'L'.repeat(65)}`, { enable: true }],
      ['GET', `${base()}/long-term-credentials?self_only=maybe`, undefined],
      ['GET', `${base()}/long-term-credentials?limit=101`, undefined],
      ['GET', `${base()}/long-term-credentials?offset=5&limit=10`, undefined],
    ] as const) {
      expect((await raw(method, url, body)).status, url).toBe(400);
    }
    expect(snapshot(suite.sandbox)).toEqual(before);
  });

  it('when a name is taken by the same user, then it is 409; another administrator may use it', async () => {
    const before = snapshot(suite.sandbox);
    const twice = await failure('CreateInstanceLtCredential', {
      path: at(),
      body: { name: 'ci-pipeline' },
    });
    expect([twice.status, twice.code]).toEqual([409, 'SWR.409001']);
    expect(twice.message).toContain('"ci-pipeline"');
    expect(snapshot(suite.sandbox)).toEqual(before);

    const ops = suite.sandbox.client(suite.sandbox.user('ops-admin'));
    const theirs = await create('ci-pipeline', ops);
    expect((await listed()).map((c) => c.token_id)).toEqual([issued.token_id]);
    const everyone = await listed({ self_only: 'false' });
    expect(everyone.map((c) => c.token_id)).toEqual([theirs.token_id, issued.token_id]);
    await call('DeleteInstanceLtCredential', { path: credential(theirs.token_id) }, ops);
  });

  it('when skopeo logs in with it, then it pulls and pushes at the instance, and the use is recorded', async () => {
    const docker = await dockerWith(issued);
    expect(docker.loggedIn.stderr).toBe('');
    expect((await docker.inspect('creds/app:v1')).stderr).toBe('');
    const copied = await docker.run(
      'copy',
      '--tls-verify=false',
      `docker://${suite.host}/creds/app:v1`,
      `docker://${suite.host}/creds/app:copy`,
    );
    expect(copied.stderr).toBe('');
    const [used] = await listed();
    expect(Date.parse(used!.last_used_at!)).not.toBeNaN();
  });

  it('when it is disabled, then skopeo is refused; enabled again, it works', async () => {
    const docker = await dockerWith(issued);
    const off = await answered('UpdateInstanceLtCredential', {
      path: credential(issued.token_id),
      body: { enable: false },
    });
    expect(off).toBeFalsy();
    expect((await listed())[0]!.enable).toBe(false);
    const refused = await docker.inspect('creds/app:v1');
    expect(refused.ok).toBe(false);
    expect(refused.stderr).toMatch(/unauthorized/i);
    expect((await dockerWith(issued)).loggedIn.ok).toBe(false);

    await answered('UpdateInstanceLtCredential', {
      path: credential(issued.token_id),
      body: { enable: true },
    });
    expect((await docker.inspect('creds/app:v1')).stderr).toBe('');
  });

  it('when it is used anywhere but its instance, then the login is refused', async () => {
    const basic = await dockerWith(issued, suite.sandbox.registry('cn-north-4'));
    expect(basic.loggedIn.stderr).toContain('invalid username/password');

    const partner = suite.sandbox.user(undefined, 1);
    const client = suite.sandbox.client(partner);
    const project = partner.projects['cn-north-4']!;
    const theirs = (await call('ListInstance', { path: { project_id: project } }, client))
      .instances[0]!;
    const partnerAt = { project_id: project, instance_id: theirs.id };
    const partnerLogin = (await call(
      'CreateInstanceLtCredential',
      { path: partnerAt, body: { name: 'partner-ci' } },
      client,
    )) as CreatedLtCredential;
    expect((await dockerWith(partnerLogin)).loggedIn.ok).toBe(false);
    expect((await dockerWith(issued, theirs.access_address)).loggedIn.ok).toBe(false);
    expect((await dockerWith(partnerLogin, theirs.access_address)).loggedIn.stderr).toBe('');

    // To the other account, this instance and its credentials do not exist.
    const before = snapshot(suite.sandbox);
    const ours = { project_id: project, instance_id: suite.instance };
    const refusals = [
      await failure('ListInstanceLtCredentials', { path: ours }, client),
      await failure(
        'DeleteInstanceLtCredential',
        { path: { ...ours, credential_id: issued.token_id } },
        client,
      ),
      await failure(
        'UpdateInstanceLtCredential',
        { path: { ...partnerAt, credential_id: issued.token_id }, body: { enable: false } },
        client,
      ),
    ];
    expect(refusals.map((refused) => refused.status)).toEqual([404, 404, 404]);
    expect(snapshot(suite.sandbox)).toEqual(before);
  });

  it('when its user loses the administrator role, then the credential acts with the user’s rights', async () => {
    const { db } = suite.sandbox.services;
    const ops = suite.sandbox.user('ops-admin');
    const theirs = await create('ops-login', suite.sandbox.client(ops));
    db.prepare('UPDATE users SET is_admin = 0 WHERE id = ?').run(ops.id);
    try {
      const docker = await dockerWith(theirs);
      expect(docker.loggedIn.stderr).toBe('');
      expect((await docker.inspect('creds/app:v1')).ok).toBe(false);
      const profile = (await listed({ self_only: 'false' })).find(
        (c) => c.token_id === theirs.token_id,
      )?.user_profile;
      expect(profile).toBe('Pull from the public namespaces of the instance');
    } finally {
      db.prepare('UPDATE users SET is_admin = 1 WHERE id = ?').run(ops.id);
    }
    await answered('DeleteInstanceLtCredential', { path: credential(theirs.token_id) });
  });

  it('when it is deleted, then skopeo is refused and the id is unknown', async () => {
    const docker = await dockerWith(issued);
    expect(docker.loggedIn.stderr).toBe('');
    const deleted = await answered('DeleteInstanceLtCredential', {
      path: credential(issued.token_id),
    });
    expect(deleted).toBeFalsy();
    expect((await docker.inspect('creds/app:v1')).stderr).toMatch(/unauthorized/i);
    const again = await failure('DeleteInstanceLtCredential', {
      path: credential(issued.token_id),
    });
    expect([again.status, again.code]).toEqual([404, 'SWR.404001']);
    const unknown = await failure('UpdateInstanceLtCredential', {
      path: credential(`LT${'0'.repeat(32)}`),
      body: { enable: true },
    });
    expect(unknown.status).toBe(404);
  });
});

describe('instance statistics', { timeout: 60_000 }, () => {
  it('when a namespace, an image and a signing policy are added, then the counts follow', async () => {
    const before = await answered('ListInstanceStatistics', { path: at() });
    expect(before).toMatchObject({
      namespace_quota: 1000,
      long_term_quota: MAX_LT_CREDENTIALS,
      replica_policy_count: 0,
      intranet_endpoint_count: 0,
    });
    await call('CreateInstanceNamespace', {
      path: at(),
      body: { namespace_name: 'counted', metadata: { public: 'false' } },
    });
    const namespaced = await answered('ListInstanceStatistics', { path: at() });
    expect(namespaced.total_namespace_count).toBe(before.total_namespace_count + 1);
    expect(namespaced.total_image_count).toBe(before.total_image_count);

    expect((await push('counted image', 'counted/app-one:v1')).stderr).toBe('');
    const pushed = await answered('ListInstanceStatistics', { path: at() });
    expect(pushed.total_image_count).toBe(before.total_image_count + 1);
    expect(pushed.storage_used).toBeGreaterThan(before.storage_used);

    const key = await call('CreateKey', {
      path: { project_id: suite.project },
      body: { key_alias: 'stats-key', key_spec: 'EC_P256', key_usage: 'SIGN_VERIFY' },
    });
    await call('CreateInstanceSignPolicy', {
      path: suite.ns('counted'),
      body: policy({ signature_key: key.key_info.key_id }),
    });
    const signed = await answered('ListInstanceStatistics', { path: at() });
    expect(signed.sign_policy_count).toBe(before.sign_policy_count + 1);

    // Another account's instance counts only its own.
    const partner = suite.sandbox.user(undefined, 1);
    const client = suite.sandbox.client(partner);
    const project = partner.projects['cn-north-4']!;
    const theirs = (await call('ListInstance', { path: { project_id: project } }, client))
      .instances[0]!;
    const partnerStats = await call(
      'ListInstanceStatistics',
      { path: { project_id: project, instance_id: theirs.id } },
      client,
    );
    expect([partnerStats.total_namespace_count, partnerStats.storage_used]).toEqual([0, 0]);
  });
});

describe('the credentials suite', () => {
  it('when it ran, then the official SDK models read every answer and every operation was called', () => {
    for (const [id, body] of answers) expect(problemsOf(id, body), id).toEqual([]);
    expect(
      problemsOf('ListInstanceLtCredentials', { auth_tokens: [{ enable: 'true', name: 3 }] }),
    ).toEqual([
      'ListInstanceLtCredentials.auth_tokens[0].enable: expected a boolean',
      'ListInstanceLtCredentials.auth_tokens[0].name: expected a string',
    ]);
    expect(problemsOf('ListInstanceStatistics', { storage_used: '12' })).toEqual([
      'ListInstanceStatistics.storage_used: expected an integer',
    ]);
    expect(problemsOf('UpdateInstanceLtCredential', { enable: true })).toEqual([
      'UpdateInstanceLtCredential: expected no body',
    ]);
    expect(new Set(answers.map(([id]) => id))).toEqual(
      new Set([
        'CreateInstanceLtCredential',
        'ListInstanceLtCredentials',
        'UpdateInstanceLtCredential',
        'DeleteInstanceLtCredential',
        'ListInstanceStatistics',
      ]),
    );
    expect([...called].sort()).toEqual([...CREDENTIALS_SUITE].sort());
  });
});
