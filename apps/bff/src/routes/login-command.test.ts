import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, sandbox, sandboxUser, startBff, type RunningBff } from '../testing/harness.js';

const run = promisify(execFile);
let bff: RunningBff;
beforeAll(async () => {
  bff = await startBff();
});
afterAll(() => bff?.stop());

interface LoginCommand {
  registry: string;
  username: string;
  password: string;
  expiresAt?: string;
  commands: { docker: string; nerdctl: string; ctr: string };
}

/** The command must work for real: skopeo logs in with what the console showed. */
async function skopeoLogin(command: LoginCommand): Promise<boolean> {
  const auth = path.join(mkdtempSync(path.join(tmpdir(), 'auth-')), 'auth.json');
  try {
    await run(
      'skopeo',
      [
        'login',
        '--tls-verify=false',
        '-u',
        command.username,
        '-p',
        command.password,
        command.registry,
      ],
      {
        env: { ...process.env, REGISTRY_AUTH_FILE: auth },
      },
    );
    return true;
  } catch {
    return false;
  }
}

describe('login commands', () => {
  it('when a temporary login is asked, then SWR issues one, it works, it is not cached, and it is audited', async () => {
    const browser = new Browser(bff.url);
    await browser.signInWithKey(sandboxUser('dev-reader'));
    const answer = await browser.request('POST', '/api/login-command', {
      body: { region: 'cn-north-4', kind: 'temporary', durationSeconds: 900 },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const command = answer.json<LoginCommand>();
    expect(command.registry).toBe(sandbox().regions[0]!.registry);
    expect(command.commands.docker).toBe(
      `docker login -u ${command.username} -p ${command.password} ${command.registry}`,
    );
    expect(command.commands.ctr).toContain('--plain-http');
    expect(Date.parse(command.expiresAt!) - Date.now()).toBeLessThanOrEqual(900_000);
    expect(await skopeoLogin(command)).toBe(true);

    const audit = (await browser.request('GET', '/api/audit')).json<{
      entries: { action: string; target: string }[];
    }>();
    expect(audit.entries[0]).toMatchObject({
      action: 'LoginCommand:temporary',
      target: 'cn-north-4',
    });
    expect(JSON.stringify(audit)).not.toContain(command.password);
  });

  it('when a login for an Enterprise instance is asked, then it is for the instance registry, it works, and only temporary ones exist', async () => {
    const admin = sandboxUser();
    const browser = new Browser(bff.url);
    await browser.signInWithKey(admin);
    const { instances } = (
      await browser.request(
        'GET',
        `/api/swr/cn-north-4/v2/${admin.projects['cn-north-4']}/instances`,
      )
    ).json<{ instances: { id: string; access_address: string }[] }>();
    const instance = instances[0]!;
    const answer = await browser.request('POST', '/api/login-command', {
      body: { region: 'cn-north-4', kind: 'temporary', instance: instance.id },
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const command = answer.json<LoginCommand>();
    expect(command.registry).toBe(instance.access_address);
    expect(command.registry).not.toBe(sandbox().regions[0]!.registry);
    expect(await skopeoLogin(command)).toBe(true);
    expect(await skopeoLogin({ ...command, password: 'wrong' })).toBe(false);

    const longTerm = await browser.request('POST', '/api/login-command', {
      body: { region: 'cn-north-4', kind: 'long-term', instance: instance.id },
    });
    expect(longTerm.status).toBe(400);
    const unknown = await browser.request('POST', '/api/login-command', {
      body: { region: 'cn-north-4', kind: 'temporary', instance: 'no-such-instance' },
    });
    expect(unknown.status).toBe(404);
    const audit = (await browser.request('GET', '/api/audit')).json<{
      entries: { action: string; target: string }[];
    }>();
    expect(audit.entries).toContainEqual(
      expect.objectContaining({
        action: 'LoginCommand:temporary',
        target: `cn-north-4/${instance.id}`,
      }),
    );
    expect(JSON.stringify(audit)).not.toContain(command.password);
  });

  it('when a long-term login is asked with an access key session, then it is region@AK and the derived key, and it works', async () => {
    const root = sandboxUser();
    const browser = new Browser(bff.url);
    await browser.signInWithKey(root);
    const command = (
      await browser.request('POST', '/api/login-command', {
        body: { region: 'ap-southeast-1', kind: 'long-term' },
      })
    ).json<LoginCommand>();
    expect(command.username).toBe(`ap-southeast-1@${root.access_key}`);
    expect(command.password).toMatch(/^[0-9a-f]{64}$/);
    expect(command.password).not.toBe(root.secret_key);
    expect(await skopeoLogin(command)).toBe(true);
  });

  it('when a long-term login is asked with a password session, then 400 explains it needs an access key', async () => {
    const reader = sandboxUser('dev-reader');
    const browser = new Browser(bff.url);
    await browser.signIn({
      method: 'password',
      accountName: reader.account,
      userName: reader.name,
      password: reader.password,
    });
    const answer = await browser.request('POST', '/api/login-command', {
      body: { region: 'cn-north-4', kind: 'long-term' },
    });
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: 'NEEDS_ACCESS_KEY' });
  });

  it('when the input is wrong, then 400 names the field', async () => {
    const browser = new Browser(bff.url);
    await browser.signInWithKey(sandboxUser());
    const answer = await browser.request('POST', '/api/login-command', {
      body: { region: 'cn-north-4', kind: 'forever' },
    });
    expect(answer.status).toBe(400);
    expect(answer.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual([
      'kind',
    ]);
  });
});

describe('the audit log', () => {
  it('when changes are made, then each is recorded with who, what, target and result; readers see only their own', async () => {
    const admin = new Browser(bff.url);
    await admin.signInWithKey(sandboxUser());
    await admin.request('POST', '/api/swr/cn-north-4/v2/manage/namespaces', {
      body: { namespace: 'audited-org' },
    });
    await admin.request('POST', '/api/swr/cn-north-4/v2/manage/namespaces', {
      body: { namespace: 'audited-org' },
    });
    await admin.request('DELETE', '/api/swr/cn-north-4/v2/manage/namespaces/audited-org');
    const page = await admin.request('GET', '/api/audit?limit=3&offset=0');
    expect(page.headers.get('content-range')).toMatch(/^0-3\/\d+$/);
    expect(page.json<{ entries: unknown[] }>().entries).toEqual([
      expect.objectContaining({
        action: 'DeleteNamespaces',
        target: 'cn-north-4/v2/manage/namespaces/audited-org',
        status: 204,
        userName: 'swr-demo',
      }),
      expect.objectContaining({ action: 'CreateNamespace', status: 409 }),
      expect.objectContaining({
        action: 'CreateNamespace',
        status: 201,
        method: 'POST',
        requestId: expect.any(String),
      }),
    ]);

    const reader = new Browser(bff.url);
    await reader.signInWithKey(sandboxUser('dev-reader'));
    const own = (await reader.request('GET', '/api/audit?limit=200')).json<{
      entries: { userName: string }[];
    }>();
    expect(new Set(own.entries.map((e) => e.userName))).toEqual(new Set(['dev-reader']));
  });

  it('when reads are made, then they are not recorded', async () => {
    const admin = new Browser(bff.url);
    await admin.signInWithKey(sandboxUser('ops-admin'));
    const before = (await admin.request('GET', '/api/audit')).json<{ total: number }>().total;
    await admin.request('GET', '/api/swr/cn-north-4/v2/manage/namespaces');
    expect((await admin.request('GET', '/api/audit')).json<{ total: number }>().total).toBe(before);
  });
});
