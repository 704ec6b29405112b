import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, sandbox, sandboxUser, startBff, type RunningBff } from '../testing/harness.js';
import { SqliteSessionStore } from '../session/store.js';
import { Vault } from '../session/vault.js';

// Deletions the console sends with `Prefer: undo` are held by the BFF for the window, then sent
// to swr-local as the user who asked; an undo within the window means SWR never hears of it.
const WINDOW_MS = 600;
const region = 'cn-north-4';
const org = `held-${randomBytes(3).toString('hex')}`;
const api = `/api/swr/${region}/v2/manage/namespaces`;
let bff: RunningBff;
let admin: Browser;

interface Held {
  id: string;
  operation: string;
  params: Record<string, string>;
  state: string;
  executeAt: string;
  result?: { status: number; code?: string };
}

/** Repositories this file made; what is left of them goes with its organization at the end. */
const made = new Set<string>();

async function createRepository(browser: Browser, name: string): Promise<void> {
  made.add(name);
  const answer = await browser.request('POST', `${api}/${org}/repos`, {
    body: { repository: name, is_public: false, category: 'other' },
  });
  expect(answer.status, answer.text).toBeLessThan(300);
}

async function holdDelete(browser: Browser, name: string): Promise<Held> {
  const answer = await browser.request('DELETE', `${api}/${org}/repos/${name}`, {
    headers: { prefer: 'undo' },
  });
  expect(answer.status, answer.text).toBe(202);
  expect(answer.headers.get('preference-applied')).toBe('undo');
  return answer.json<{ deletion: Held }>().deletion;
}

const exists = async (browser: Browser, name: string) =>
  (await browser.request('GET', `${api}/${org}/repos/${name}`)).status;

async function listed(browser: Browser, id: string): Promise<Held | undefined> {
  const answer = await browser.request('GET', `/api/deletions?region=${region}`);
  expect(answer.status).toBe(200);
  return answer.json<{ deletions: Held[] }>().deletions.find((d) => d.id === id);
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  bff = await startBff({ undoWindowMs: WINDOW_MS });
  admin = new Browser(bff.url);
  await admin.signInWithKey(sandboxUser());
  expect((await admin.request('POST', api, { body: { namespace: org } })).status).toBe(201);
});
// The account's organization quota is shared with every other test of the BFF.
afterAll(async () => {
  for (const name of made) await admin?.request('DELETE', `${api}/${org}/repos/${name}`);
  await admin?.request('DELETE', `${api}/${org}`);
  await bff?.stop();
});

describe('a deletion held for undo', () => {
  it('when the window passes, then SWR deletes it, and the audit shows the hold and the deletion', async () => {
    await createRepository(admin, 'goes');
    const held = await holdDelete(admin, 'goes');
    expect(held).toMatchObject({
      operation: 'DeleteRepo',
      params: { namespace: org, repository: 'goes' },
      state: 'pending',
    });
    expect(Date.parse(held.executeAt) - Date.now()).toBeGreaterThan(WINDOW_MS / 2);
    // Held, not sent: the repository is still there.
    expect(await exists(admin, 'goes')).toBe(200);
    expect(await listed(admin, held.id)).toMatchObject({ state: 'pending' });

    const ended = await until(
      () => listed(admin, held.id),
      (d) => d?.state === 'done',
    );
    expect(ended).toMatchObject({ state: 'done', result: { status: 204 } });
    expect(await exists(admin, 'goes')).toBe(404);

    const audit = (await admin.request('GET', '/api/audit?limit=50')).json<{
      entries: { action: string; status: number; target: string; requestId: string }[];
    }>().entries;
    const target = `${region}/v2/manage/namespaces/${org}/repos/goes`;
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'DeleteRepo.held', status: 202, target }),
    );
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'DeleteRepo',
        status: 204,
        target,
        requestId: `deletion:${held.id}`,
      }),
    );
  });

  it('when undone within the window, then SWR never deletes it, and undoing again changes nothing', async () => {
    await createRepository(admin, 'stays');
    const held = await holdDelete(admin, 'stays');
    const undone = await admin.request('POST', `/api/deletions/${held.id}/undo`);
    expect(undone.status, undone.text).toBe(200);
    expect(undone.json()).toMatchObject({ deletion: { id: held.id, state: 'undone' } });
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 500));
    expect(await exists(admin, 'stays')).toBe(200);
    expect((await admin.request('POST', `/api/deletions/${held.id}/undo`)).status).toBe(200);
    const audit = (await admin.request('GET', '/api/audit?limit=50')).json<{
      entries: { action: string }[];
    }>().entries;
    expect(audit.map((e) => e.action)).toContain('DeleteRepo.undone');
  });

  it('when it has been sent already, then undo is refused as too late', async () => {
    await createRepository(admin, 'late');
    const held = await holdDelete(admin, 'late');
    await until(
      () => listed(admin, held.id),
      (d) => d?.state === 'done',
    );
    const late = await admin.request('POST', `/api/deletions/${held.id}/undo`);
    expect(late.status).toBe(409);
    expect(late.json()).toMatchObject({ code: 'DELETION_STARTED' });
  });

  it('when the same deletion is asked for twice, then it is held once', async () => {
    await createRepository(admin, 'twice');
    const first = await holdDelete(admin, 'twice');
    const second = await holdDelete(admin, 'twice');
    expect(second.id).toBe(first.id);
    await admin.request('POST', `/api/deletions/${first.id}/undo`);
  });

  it('when another account asks about it, then it does not exist for them; a reader of the account may not undo it', async () => {
    await createRepository(admin, 'theirs');
    const held = await holdDelete(admin, 'theirs');
    const stranger = new Browser(bff.url);
    await stranger.signInWithKey(sandboxUser(undefined, 1));
    expect(await listed(stranger, held.id)).toBeUndefined();
    expect((await stranger.request('POST', `/api/deletions/${held.id}/undo`)).status).toBe(404);
    const reader = new Browser(bff.url);
    await reader.signInWithKey(sandboxUser('dev-reader'));
    expect(await listed(reader, held.id)).toMatchObject({ state: 'pending' });
    expect((await reader.request('POST', `/api/deletions/${held.id}/undo`)).status).toBe(403);
    expect((await admin.request('POST', `/api/deletions/${held.id}/undo`)).status).toBe(200);
  });

  it('when the id is malformed, then 400 names it; nothing is held without Prefer: undo', async () => {
    const bad = await admin.request('POST', '/api/deletions/..%2F..%2Fx/undo');
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ errors: [{ field: 'path.id' }] });
    await createRepository(admin, 'now');
    const direct = await admin.request('DELETE', `${api}/${org}/repos/now`);
    expect(direct.status).toBe(204);
    expect(await exists(admin, 'now')).toBe(404);
  });

  it('when the held answer is read, then it carries no credentials or signature', async () => {
    await createRepository(admin, 'secretless');
    const user = sandboxUser();
    const answer = await admin.request('DELETE', `${api}/${org}/repos/secretless`, {
      headers: { prefer: 'undo' },
    });
    expect(answer.text).not.toContain(user.secret_key);
    expect(answer.text).not.toContain(user.access_key);
    expect(answer.text).not.toMatch(/sealed|v1\./);
    await admin.request(
      'POST',
      `/api/deletions/${answer.json<{ deletion: Held }>().deletion.id}/undo`,
    );
  });
});

describe('a held deletion and the BFF that held it', () => {
  it('when the store cannot record it, then 503 says nothing was deleted, and SWR never hears of it', async () => {
    class Failing extends SqliteSessionStore {
      override deletions() {
        const real = super.deletions();
        // Everything as usual but the write of a new deletion.
        return Object.assign(Object.create(real) as typeof real, {
          add: () => Promise.reject(new Error('disk full')),
        });
      }
    }
    const store = new Failing(path.join(mkdtempSync(path.join(tmpdir(), 'held-')), 's.db'));
    const failing = await startBff({ store, undoWindowMs: 200 });
    try {
      const browser = new Browser(failing.url);
      await browser.signInWithKey(sandboxUser());
      await createRepository(browser, 'unrecorded');
      const answer = await browser.request('DELETE', `${api}/${org}/repos/unrecorded`, {
        headers: { prefer: 'undo' },
      });
      expect(answer.status).toBe(503);
      expect(answer.json()).toMatchObject({ code: 'SESSION_STORE_DOWN' });
      expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(await exists(browser, 'unrecorded')).toBe(200);
    } finally {
      await failing.stop();
      await store.close();
    }
  });

  it('when the BFF stops inside the window and another starts on the same store, then the deletion still happens, once', async () => {
    const store = new SqliteSessionStore(
      path.join(mkdtempSync(path.join(tmpdir(), 'held-')), 'sessions.db'),
    );
    const vault = new Vault(randomBytes(32));
    const first = await startBff({ store, vault, undoWindowMs: 1_500 });
    const browser = new Browser(first.url);
    await browser.signInWithKey(sandboxUser());
    await createRepository(browser, 'restart');
    const held = await holdDelete(browser, 'restart');
    await first.stop();

    const second = await startBff({ store, vault, undoWindowMs: 1_500 });
    try {
      const after = new Browser(second.url);
      after.cookie = browser.cookie;
      after.csrf = browser.csrf;
      const ended = await until(
        () => listed(after, held.id),
        (d) => d?.state === 'done',
      );
      expect(ended).toMatchObject({ state: 'done', result: { status: 204 } });
      expect(await exists(after, 'restart')).toBe(404);
      const runs = (await after.request('GET', '/api/audit?limit=100'))
        .json<{ entries: { requestId: string }[] }>()
        .entries.filter((e) => e.requestId === `deletion:${held.id}`);
      expect(runs).toHaveLength(1);
    } finally {
      await second.stop();
      await store.close();
    }
  });

  it('when SWR cannot be reached at the end of the window, then the deletion waits and says why, never lost', async () => {
    const dead = sandbox().regions.map((r) => ({
      ...r,
      api: 'http://127.0.0.1:9',
      kms: 'http://127.0.0.1:9',
    }));
    const store = new SqliteSessionStore(
      path.join(mkdtempSync(path.join(tmpdir(), 'held-')), 'sessions.db'),
    );
    const away = await startBff({
      store,
      undoWindowMs: 200,
      topology: { iam: sandbox().iam, regions: dead, sandboxUsers: [] },
    });
    try {
      // Signed in through the working BFF's store would need IAM; sign in here needs IAM only.
      const browser = new Browser(away.url);
      await browser.signInWithKey(sandboxUser());
      const held = await holdDelete(browser, 'anything');
      const waiting = await until(
        () => listed(browser, held.id),
        (d) => d?.result !== undefined,
      );
      expect(waiting).toMatchObject({
        state: expect.stringMatching(/^(pending|running)$/),
        result: { status: 0, code: 'UPSTREAM_UNREACHABLE' },
      });
      await browser.request('POST', `/api/deletions/${held.id}/undo`);
    } finally {
      await away.stop();
      await store.close();
    }
  });
});
