import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { enterpriseErrorBody } from '@swr-console/swr-api';
import { describe, expect, it } from 'vitest';
import * as suite from '../testing/enterprise-suite.js';
import {
  ENTERPRISE_SUITE,
  at,
  call,
  called,
  failure,
  ns,
  push,
  useEnterpriseSandbox,
} from '../testing/enterprise-suite.js';
import { loginKey, signingFetch, skopeo } from '../testing/sandbox.js';
import { snapshot } from '../testing/snapshot.js';

// The Enterprise edition through the project's typed client: instances, namespaces and their
// tags, registry logins. Signing and repositories have their own suite (signing.test.ts).
useEnterpriseSandbox();

describe('Enterprise instances', () => {
  it('when the account lists its instances, then its own is there with a registry address', async () => {
    const shown = await call('ShowInstance', { path: at() });
    expect(shown).toMatchObject({
      id: suite.instance,
      status: 'Running',
      access_address: suite.host,
    });
    const other = suite.sandbox.client(suite.sandbox.user(undefined, 1));
    const error = await failure('ShowInstance', { path: at() }, other);
    expect(error.status).toBe(403); // another account's project id
  });

  it('when an instance does not exist, then the answer is 404 in the Enterprise error body', async () => {
    const response = await signingFetch(
      suite.admin,
      'cn-north-4',
    )(`${suite.sandbox.api()}/v2/${suite.project}/instances/no-such-instance/namespaces`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as Record<string, unknown>;
    expect(enterpriseErrorBody.parse(body).error_code).toBe('SWR.404001');
    expect(body).not.toHaveProperty('errors');
  });
});

describe('Enterprise namespaces and their tags', () => {
  it('when namespaces are created, listed and shown, then names follow the Enterprise rules', async () => {
    expect(
      (
        await call('CreateInstanceNamespace', {
          path: at(),
          body: { namespace_name: '1st-team', metadata: { public: 'false' } },
        })
      ).id,
    ).toBeGreaterThan(0);
    const duplicate = await failure('CreateInstanceNamespace', {
      path: at(),
      body: { namespace_name: '1st-team', metadata: { public: 'true' } },
    });
    expect([duplicate.status, duplicate.code]).toEqual([409, 'SWR.409001']);
    const before = snapshot(suite.sandbox);
    const response = await signingFetch(suite.admin, 'cn-north-4')(
      `${suite.sandbox.api()}/v2/${suite.project}/instances/${suite.instance}/namespaces`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ namespace_name: 'Bad..Name', metadata: { public: 'true' } }),
      },
    );
    expect(response.status).toBe(400);
    const body = enterpriseErrorBody.parse(await response.json());
    expect(body.error_msg).toContain('namespace_name');
    expect(snapshot(suite.sandbox)).toEqual(before);

    const shown = await call('ShowInstanceNamespace', { path: ns('1st-team') });
    expect(shown).toMatchObject({ name: '1st-team', metadata: { public: 'false' }, repo_count: 0 });
    const listed = await call('ListInstanceNamespaces', {
      path: at(),
      query: { name: 'team', offset: 0, limit: 10 },
    });
    expect(listed.namespaces.map((n: { name: string }) => n.name)).toEqual(['1st-team']);
    const badPage = await failure('ListInstanceNamespaces', {
      path: at(),
      query: { offset: 5, limit: 10 },
    });
    expect(badPage.status).toBe(400);
  });

  it('when tags are added, changed and removed, then the limit and key rules hold and a refusal changes nothing', async () => {
    for (const name of ['tags-a', 'tags-b', 'tags-c'])
      await call('CreateInstanceNamespace', {
        path: at(),
        body: { namespace_name: name, metadata: { public: 'true' } },
      });
    await call('CreateSubResourceTags', {
      path: ns('tags-a'),
      body: {
        tags: [
          { key: 'env', value: 'prod' },
          { key: 'team', value: 'web' },
        ],
      },
    });
    await call('CreateSubResourceTags', {
      path: ns('tags-b'),
      body: {
        tags: [
          { key: 'env', value: 'dev' },
          { key: 'team', value: 'web' },
        ],
      },
    });
    await call('CreateSubResourceTags', {
      path: ns('tags-c'),
      body: { tags: [{ key: 'env', value: 'prod' }] },
    });
    // The same key again changes its value.
    await call('CreateSubResourceTags', {
      path: ns('tags-c'),
      body: { tags: [{ key: 'env', value: 'staging' }] },
    });
    expect((await call('ListSubResourceTags', { path: ns('tags-c') })).tags).toEqual([
      { key: 'env', value: 'staging' },
    ]);

    const before = snapshot(suite.sandbox);
    const twice = await failure('CreateSubResourceTags', {
      path: ns('tags-a'),
      body: {
        tags: [
          { key: 'x', value: '1' },
          { key: 'x', value: '2' },
        ],
      },
    });
    expect(twice.status).toBe(400);
    const nineteen = Array.from({ length: 19 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    const overLimit = await failure('CreateSubResourceTags', {
      path: ns('tags-a'),
      body: { tags: nineteen },
    });
    expect([overLimit.status, overLimit.code]).toEqual([400, 'SWR.400002']);
    expect(overLimit.message).toContain('at most 20');
    const reader = suite.sandbox.client(suite.sandbox.user('dev-reader'));
    const forbidden = await failure(
      'CreateSubResourceTags',
      { path: ns('tags-a'), body: { tags: [{ key: 'y', value: '1' }] } },
      reader,
    );
    expect(forbidden.status).toBe(403);
    expect(snapshot(suite.sandbox)).toEqual(before);
    // Exactly up to the limit is fine: 2 + 18.
    await call('CreateSubResourceTags', { path: ns('tags-a'), body: { tags: nineteen.slice(1) } });
    expect((await call('ListSubResourceTags', { path: ns('tags-a') })).tags).toHaveLength(20);
    await call('DeleteSubResourceTags', { path: ns('tags-a'), body: { tags: nineteen.slice(1) } });
    const missing = await failure('DeleteSubResourceTags', {
      path: ns('tags-a'),
      body: { tags: [{ key: 'nope', value: '' }] },
    });
    expect(missing.status).toBe(404);
  });

  it('when namespaces are filtered by tags, then keys are AND-ed and values OR-ed', async () => {
    const names = async (tags: { key: string; values: string[] }[]) =>
      (await call('ListSubResourceInstances', { path: at(), body: { tags } })).resources
        .map((r: { resource_name: string }) => r.resource_name)
        .sort();
    expect(await names([{ key: 'env', values: ['prod'] }])).toEqual(['tags-a']);
    expect(await names([{ key: 'env', values: ['prod', 'dev'] }])).toEqual(['tags-a', 'tags-b']);
    expect(await names([{ key: 'env', values: [] }])).toEqual(['tags-a', 'tags-b', 'tags-c']);
    expect(
      await names([
        { key: 'env', values: [] },
        { key: 'team', values: ['web'] },
      ]),
    ).toEqual(['tags-a', 'tags-b']);
    const count = await call('ShowSubResourceInstancesCount', {
      path: at(),
      body: { tags: [{ key: 'team', values: ['web'] }] },
    });
    expect(count.total_count).toBe(2);
    const keys = await call('ListNamespaceTags', { path: at() });
    expect(keys.tags).toEqual([
      { key: 'env', values: ['dev', 'prod', 'staging'] },
      { key: 'team', values: ['web'] },
    ]);
  });
});

describe('Enterprise registry logins', { timeout: 30_000 }, () => {
  it('when a registry token of one instance is shown to another, then it opens nothing there', async () => {
    const partner = suite.sandbox.user(undefined, 1);
    const other = suite.sandbox.client(partner);
    const otherProject = partner.projects['cn-north-4']!;
    const theirs = (await call('ListInstance', { path: { project_id: otherProject } }, other))
      .instances[0]!;
    await call(
      'CreateInstanceNamespace',
      {
        path: { project_id: otherProject, instance_id: theirs.id },
        body: { namespace_name: 'signed', metadata: { public: 'false' } },
      },
      other,
    );
    const basic = Buffer.from(`cn-north-4@${partner.access_key}:${loginKey(partner)}`).toString(
      'base64',
    );
    const issued = await fetch(
      `http://${theirs.access_address}/service/token?scope=repository:signed/app-web:pull,push,delete`,
      { headers: { authorization: `Basic ${basic}` } },
    );
    const { token } = (await issued.json()) as { token: string };
    const stolen = await fetch(`http://${suite.host}/v2/signed/app-web/tags/list`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(stolen.status).toBe(401);
    // The same token does open its own registry (the check can fail).
    const own = await fetch(`http://${theirs.access_address}/v2/signed/app-web/tags/list`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(own.status).not.toBe(401);
  });

  it('when a namespace name starts with a digit, then images are pushed to it as the API allows', async () => {
    await call('CreateInstanceNamespace', {
      path: at(),
      body: { namespace_name: '2nd-team', metadata: { public: 'false' } },
    });
    expect((await push('digit first', '2nd-team/app:v1')).stderr).toBe('');
    const { repositories } = await call('ListNamespaceRepositories', { path: ns('2nd-team') });
    expect(repositories.map((r: { name: string }) => r.name)).toEqual(['app']);
  });

  it('when a temporary credential is issued, then skopeo logs in to the instance with it', async () => {
    const credential = await call('CreateInstanceTempCredential', { path: at() });
    const fresh = skopeo(path.join(mkdtempSync(path.join(tmpdir(), 'auth-')), 'auth.json'));
    const login = await fresh(
      'login',
      '--tls-verify=false',
      '-u',
      credential.user_id,
      '-p',
      credential.auth_token,
      suite.host,
    );
    expect(login.stderr).toBe('');
    const wrong = await fresh(
      'login',
      '--tls-verify=false',
      '-u',
      credential.user_id,
      '-p',
      'x',
      suite.host,
    );
    expect(wrong.ok).toBe(false);
  });

  it('when an empty namespace is deleted, then it is gone', async () => {
    await call('DeleteInstanceNamespace', { path: ns('1st-team') });
    expect((await failure('ShowInstanceNamespace', { path: ns('1st-team') })).status).toBe(404);
  });

  it('when this suite ran, then every operation it covers was called', () => {
    expect([...called].sort()).toEqual([...ENTERPRISE_SUITE].sort());
  });
});
