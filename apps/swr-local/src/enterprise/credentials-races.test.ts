import {
  MAX_LT_CREDENTIALS,
  type CreatedLtCredential,
  type LtCredential,
} from '@swr-console/swr-api';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../identity/secrets.js';
import * as suite from '../testing/enterprise-suite.js';
import { at, call, failure, useEnterpriseSandbox } from '../testing/enterprise-suite.js';
import { problemsOf } from '../testing/sdk-enterprise-models.js';
import { snapshot } from '../testing/snapshot.js';
import { checkLtLogin } from './credentials.js';
import { findInstance } from './records.js';

// Long-term credentials created at once, up to the instance's limit; and the login check itself,
// at times of the test's choosing.
useEnterpriseSandbox();

const create = async (name: string) =>
  (await call('CreateInstanceLtCredential', { path: at(), body: { name } })) as CreatedLtCredential;
const everyone = async () =>
  (await call('ListInstanceLtCredentials', { path: at(), query: { self_only: 'false' } }))
    .auth_tokens as LtCredential[];

describe('credentials created together', { timeout: 120_000 }, () => {
  it('when one name is created eight times at once, then exactly one is stored', async () => {
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => create('same-name')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await everyone()).filter((c) => c.name === 'same-name')).toHaveLength(1);
  });

  it('when creates race for the last places, then the instance holds at most 100', async () => {
    const held = (await everyone()).length;
    for (let i = held; i < MAX_LT_CREDENTIALS - 3; i++) await create(`filler-${i}`);
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => create(`racer-${i}`)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const before = snapshot(suite.sandbox);
    const full = await failure('CreateInstanceLtCredential', {
      path: at(),
      body: { name: 'one-more' },
    });
    expect([full.status, full.code]).toEqual([400, 'SWR.400002']);
    expect(full.message).toContain('An instance holds at most 100 long-term credentials.');
    expect(snapshot(suite.sandbox)).toEqual(before);

    const page = await call('ListInstanceLtCredentials', {
      path: at(),
      query: { self_only: 'false', offset: 50, limit: 50 },
    });
    expect(problemsOf('ListInstanceLtCredentials', page)).toEqual([]);
    expect([page.total, page.auth_tokens.length]).toEqual([MAX_LT_CREDENTIALS, 50]);
    const all = await everyone();
    expect(all).toHaveLength(MAX_LT_CREDENTIALS);
    // Newest first.
    const times = all.map((c) => c.created_at);
    expect(times).toEqual([...times].sort().reverse());
    for (const c of all)
      await call('DeleteInstanceLtCredential', {
        path: { ...at(), credential_id: c.token_id },
      });
    expect(await everyone()).toEqual([]);
  });
});

describe('the login check', () => {
  it('when a login repeats within a minute, then last_used_at is written once', async () => {
    const issued = await create('timed');
    const { db, identity } = suite.sandbox.services;
    const instance = findInstance(db, suite.instance)!;
    const lastUsed = () =>
      db
        .prepare('SELECT last_used_at FROM ent_lt_credentials WHERE token_id = ?')
        .pluck()
        .get(issued.token_id) as string | null;
    const login = (now: Date, password = issued.auth_token, username = issued.user_id) =>
      checkLtLogin(identity, db, instance, username, password, now);
    const t = new Date(Date.now() + 3_600_000);
    const later = (ms: number) => new Date(t.getTime() + ms);
    expect(login(t, issued.auth_token.replace(/.$/, 'x'))).toBeUndefined();
    expect(login(t, issued.auth_token, `ap-southeast-1@${issued.token_id}`)).toBeUndefined();
    expect(lastUsed()).toBeNull();
    expect(login(t)?.id).toBe(suite.admin.id);
    expect(lastUsed()).toBe(t.toISOString());
    expect(login(later(59_000))?.id).toBe(suite.admin.id);
    expect(lastUsed()).toBe(t.toISOString());
    login(later(60_000));
    expect(lastUsed()).toBe(later(60_000).toISOString());
  });

  it('when the user of a credential no longer exists, then it logs nobody in', () => {
    const { db, identity } = suite.sandbox.services;
    const instance = findInstance(db, suite.instance)!;
    const tokenId = `LT${'a'.repeat(32)}`;
    db.prepare(
      `INSERT INTO ent_lt_credentials (token_id, instance_id, user_id, name, secret_hash, created_at)
       VALUES (?, ?, 'gone', 'orphan', ?, ?)`,
    ).run(tokenId, instance.id, sha256('secret'), new Date().toISOString());
    try {
      const now = new Date();
      expect(
        checkLtLogin(identity, db, instance, `cn-north-4@${tokenId}`, 'secret', now),
      ).toBeUndefined();
    } finally {
      db.prepare('DELETE FROM ent_lt_credentials WHERE token_id = ?').run(tokenId);
    }
  });
});
