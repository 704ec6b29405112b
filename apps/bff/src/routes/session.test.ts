import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, sandbox, sandboxUser, startBff, type RunningBff } from '../testing/harness.js';

let bff: RunningBff;
beforeAll(async () => {
  bff = await startBff();
});
afterAll(() => bff?.stop());

describe('signing in with an access key', () => {
  it('when the key is right, then the session says who you are, per region, without any secret', async () => {
    const root = sandboxUser();
    const browser = new Browser(bff.url);
    const answer = await browser.signInWithKey(root);
    expect(answer.status).toBe(201);
    const session = answer.json();
    expect(session).toEqual({
      signedIn: true,
      method: 'aksk',
      account: { name: root.account, id: sandbox().accounts[0]!.domain_id },
      user: { name: root.name, id: root.id, admin: true },
      regions: sandbox().regions.map((r) => ({
        id: r.id,
        projectId: root.projects[r.id],
        registry: r.registry,
        api: r.api,
        kms: r.kms,
      })),
      csrfToken: expect.any(String),
    });
    expect(answer.text).not.toContain(root.secret_key);
    expect((await browser.request('GET', '/api/session')).json()).toEqual(session);
  });

  it('when the user is not an administrator, then the session says so', async () => {
    const browser = new Browser(bff.url);
    await browser.signInWithKey(sandboxUser('dev-reader'));
    expect((await browser.request('GET', '/api/session')).json()).toMatchObject({
      user: { name: 'dev-reader', admin: false },
    });
  });

  it('when a project is given, then the session is narrowed to that project’s region', async () => {
    const root = sandboxUser();
    const browser = new Browser(bff.url);
    const answer = await browser.signIn({
      method: 'aksk',
      accessKey: root.access_key,
      secretKey: root.secret_key,
      projectId: root.projects['ap-southeast-1'],
    });
    expect(answer.json<{ regions: { id: string }[] }>().regions.map((r) => r.id)).toEqual([
      'ap-southeast-1',
    ]);
  });

  it('when the secret or the key is wrong, then the same 401 says nothing about which part', async () => {
    const root = sandboxUser();
    const wrongSecret = await new Browser(bff.url).signIn({
      method: 'aksk',
      accessKey: root.access_key,
      secretKey: 'x'.repeat(40),
    });
    const wrongKey = await new Browser(bff.url).signIn({
      method: 'aksk',
      accessKey: 'NOSUCHKEY0000000000',
      secretKey: root.secret_key,
    });
    expect(wrongSecret.status).toBe(401);
    expect(wrongKey.status).toBe(401);
    expect(wrongSecret.json().detail).toBe(wrongKey.json().detail);
    expect(wrongSecret.headers.get('content-type')).toContain('application/problem+json');
  });

  it('when fields are missing, then 400 names each field', async () => {
    const answer = await new Browser(bff.url).signIn({ method: 'aksk', accessKey: '' });
    expect(answer.status).toBe(400);
    expect(
      answer
        .json<{ errors: { field: string }[] }>()
        .errors.map((e) => e.field)
        .sort(),
    ).toEqual(['accessKey', 'secretKey']);
  });

  it.each([
    ['accessKey', 'a line break', 'AKIA\r\nX-Injected: 1'],
    ['accessKey', 'non-ASCII letters', 'ключ-доступа'],
    ['accessKey', 'a control character', 'AK\u0007EY'],
    ['secretKey', 'a line break', 'secret\nmore'],
    ['secretKey', 'non-ASCII letters', 'sécret'],
    ['secretKey', 'a NUL', 'sec\u0000ret'],
  ])(
    'when the %s holds %s, then 400 names that field and IAM is never asked',
    async (field, _what, value) => {
      const root = sandboxUser();
      const body = {
        method: 'aksk',
        accessKey: root.access_key,
        secretKey: root.secret_key,
        [field]: value,
      };
      const answer = await new Browser(bff.url).signIn(body);
      expect(answer.status).toBe(400);
      expect(answer.json<{ errors: { field: string; message: string }[] }>().errors).toEqual([
        { field, message: expect.stringMatching(/no spaces or line breaks/) },
      ]);
    },
  );
});

describe('signing in with a password', () => {
  it('when account, user and password are right, then a session with a project per region exists', async () => {
    const reader = sandboxUser('dev-reader');
    const browser = new Browser(bff.url);
    const answer = await browser.signIn({
      method: 'password',
      accountName: reader.account,
      userName: reader.name,
      password: reader.password,
    });
    expect(answer.status).toBe(201);
    expect(answer.json()).toMatchObject({
      method: 'password',
      user: { name: 'dev-reader', admin: false },
    });
    expect(answer.json<{ regions: unknown[] }>().regions).toHaveLength(2);
    // The session can act: the token it holds reaches SWR.
    expect((await browser.request('GET', '/api/swr/cn-north-4/v2/manage/namespaces')).status).toBe(
      200,
    );
  });

  it('when the password is wrong, then 401', async () => {
    const reader = sandboxUser('dev-reader');
    const answer = await new Browser(bff.url).signIn({
      method: 'password',
      accountName: reader.account,
      userName: reader.name,
      password: 'wrong',
    });
    expect(answer.status).toBe(401);
  });
});

describe('the session cookie and its life', () => {
  it('when signing in, then the cookie is __Host-, HttpOnly, Secure, SameSite=Strict, Path=/, and a new id', async () => {
    const browser = new Browser(bff.url);
    await browser.fetchCsrf();
    const anonymous = browser.cookie;
    const answer = await browser.signInWithKey(sandboxUser());
    const cookie = answer.headers.getSetCookie().find((c) => c.startsWith('__Host-swr-console='))!;
    expect(cookie).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Strict; Max-Age=\d+$/);
    expect(cookie).not.toMatch(/Domain=/i);
    expect(browser.cookie).not.toBe(anonymous);
    expect(browser.cookie!.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    // The pre-sign-in session is gone: no fixation.
    const stale = new Browser(bff.url);
    stale.cookie = anonymous;
    expect((await stale.request('GET', '/api/csrf')).json()).not.toEqual({
      csrfToken: browser.csrf,
    });
  });

  it('when signing in, then a readable mark says so, which sign-out and a lost session clear', async () => {
    const mark = (answer: { headers: Headers }) =>
      answer.headers.getSetCookie().find((c) => c.startsWith('__Host-swr-console-signed-in='));
    const browser = new Browser(bff.url);
    const signedIn = mark(await browser.signInWithKey(sandboxUser()));
    // Only "signed in here": no id, no secret, and the page may read it.
    expect(signedIn).toMatch(
      /^__Host-swr-console-signed-in=1; Path=\/; Secure; SameSite=Strict; Max-Age=\d+$/,
    );
    expect(signedIn).not.toContain(browser.cookie!);
    expect(mark(await browser.request('DELETE', '/api/session'))).toMatch(/=; .*Max-Age=0$/);

    // A mark left behind by a session that is gone is cleared on the next request.
    const stale = new Browser(bff.url);
    const lost = await stale.request('GET', '/api/csrf', {
      headers: { cookie: '__Host-swr-console-signed-in=1' },
    });
    expect(mark(lost)).toMatch(/=; .*Max-Age=0$/);
    const fresh = new Browser(bff.url);
    expect(mark(await fresh.request('GET', '/api/csrf'))).toBeUndefined();
  });

  it('when signing out, then the session is revoked on the server, not only forgotten by the browser', async () => {
    const browser = new Browser(bff.url);
    await browser.signInWithKey(sandboxUser());
    const copied = new Browser(bff.url);
    copied.cookie = browser.cookie;
    expect((await browser.request('DELETE', '/api/session')).status).toBe(204);
    expect(browser.cookie).toBeUndefined();
    expect((await copied.request('GET', '/api/session')).status).toBe(401);
  });

  it('when the sealed credentials are tampered with in the store, then the session fails closed', async () => {
    const browser = new Browser(bff.url);
    await browser.signInWithKey(sandboxUser());
    const record = (await bff.store.get(browser.cookie!))!;
    const parts = record.vault!.split('.');
    parts[2] = parts[2]!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    await bff.store.set(browser.cookie!, { ...record, vault: parts.join('.') }, 600);
    const answer = await browser.request('GET', '/api/swr/cn-north-4/v2/manage/namespaces');
    expect(answer.status).toBe(401);
    expect(answer.json()).toMatchObject({ code: 'SESSION_INVALID' });
    expect((await browser.request('GET', '/api/session')).status).toBe(401);
  });

  it('when idle longer than the idle timeout, or older than the absolute lifetime, then it is over', async () => {
    const browser = new Browser(bff.url);
    await browser.signInWithKey(sandboxUser());
    const record = (await bff.store.get(browser.cookie!))!;
    await bff.store.set(browser.cookie!, { ...record, lastSeenAt: Date.now() - 31 * 60_000 }, 600);
    expect((await browser.request('GET', '/api/session')).status).toBe(401);

    const other = new Browser(bff.url);
    await other.signInWithKey(sandboxUser());
    const fresh = (await bff.store.get(other.cookie!))!;
    await bff.store.set(other.cookie!, { ...fresh, createdAt: Date.now() - 13 * 3600_000 }, 600);
    expect((await other.request('GET', '/api/session')).status).toBe(401);
  });
});

describe('sign-in rate limit', () => {
  it('when one account fails too often from one address, then 429 with RateLimit headers', async () => {
    const limited = await startBff({ signInAttempts: 3 });
    try {
      const attempt = () =>
        new Browser(limited.url).signIn({
          method: 'aksk',
          accessKey: 'AKLIMITED00000000000',
          secretKey: 'wrong',
        });
      for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
      const refused = await attempt();
      expect(refused.status).toBe(429);
      expect(refused.headers.get('ratelimit-policy')).toContain('3');
      expect(refused.headers.get('ratelimit')).toBeTruthy();
      // Another account from the same address is not affected.
      expect((await new Browser(limited.url).signInWithKey(sandboxUser())).status).toBe(201);
    } finally {
      await limited.stop();
    }
  });
});

describe('the sandbox (local profile)', () => {
  it('when the sign-in page asks for the configuration, then it gets the profile, regions and sandbox users without keys', async () => {
    const answer = await new Browser(bff.url).request('GET', '/api/config');
    const config = answer.json<{
      profile: string;
      regions: { id: string }[];
      sandboxUsers: Record<string, unknown>[];
    }>();
    expect(config.profile).toBe('local');
    expect(config.regions.map((r) => r.id)).toEqual(['cn-north-4', 'ap-southeast-1']);
    expect(config.sandboxUsers).toContainEqual({
      account: 'swr-demo',
      name: 'dev-reader',
      admin: false,
    });
    for (const user of sandbox().accounts.flatMap((a) => a.users)) {
      expect(answer.text).not.toContain(user.secret_key);
      expect(answer.text).not.toContain(user.access_key);
    }
  });

  it('when a sandbox user is picked, then the session is that user, signed in with its own keys', async () => {
    const browser = new Browser(bff.url);
    const answer = await browser.signIn({
      method: 'sandbox',
      account: 'swr-demo',
      userName: 'ops-admin',
    });
    expect(answer.status).toBe(201);
    expect(answer.json()).toMatchObject({
      method: 'aksk',
      user: { name: 'ops-admin', admin: true },
    });
  });

  it('when an unknown sandbox user is picked, then 401', async () => {
    expect(
      (
        await new Browser(bff.url).signIn({
          method: 'sandbox',
          account: 'swr-demo',
          userName: 'nobody',
        })
      ).status,
    ).toBe(401);
  });
});

describe('IAM users for permission pickers', () => {
  it('when an administrator asks, then the account’s users come back by id and name only', async () => {
    const browser = new Browser(bff.url);
    await browser.signInWithKey(sandboxUser());
    const answer = await browser.request('GET', '/api/iam/users');
    expect(
      answer
        .json<{ users: { name: string }[] }>()
        .users.map((u) => u.name)
        .sort(),
    ).toEqual(['dev-reader', 'ops-admin', 'swr-demo']);
    expect(Object.keys(answer.json<{ users: object[] }>().users[0]!).sort()).toEqual([
      'id',
      'name',
    ]);
  });

  it('when a non-administrator asks, then 403 explains that only administrators can', async () => {
    const browser = new Browser(bff.url);
    await browser.signInWithKey(sandboxUser('dev-reader'));
    const answer = await browser.request('GET', '/api/iam/users');
    expect(answer.status).toBe(403);
    expect(answer.json()).toMatchObject({ code: 'IAM_FORBIDDEN' });
  });
});
