import type { SwrClient } from '@swr-console/swr-api';
import { describe, expect, it } from 'vitest';
import { buildImage } from '../images/build.js';
import { RegistryError } from '../registry/client.js';
import * as suite from '../testing/enterprise-suite.js';
import {
  at,
  call,
  ns,
  push,
  retentionPolicy,
  useEnterpriseSandbox,
} from '../testing/enterprise-suite.js';
import { waitFor } from '../testing/wait.js';
import { findInstance } from './records.js';
import { recordEnterprisePush } from './registry.js';
import { runScheduled } from './retention.js';
import { repositoryTurnOf, repositoryTurns } from './turns.js';

// Retention when things happen at once: a push that moves or adds a tag while the run waits for
// its turn at the repository, runs asked for together, and a schedule back from a long stop.
useEnterpriseSandbox();

async function namespace(name: string) {
  await call('CreateInstanceNamespace', {
    path: at(),
    body: { namespace_name: name, metadata: { public: 'false' } },
  });
}

async function pushed(content: string, target: string) {
  expect((await push(content, target)).stderr).toBe('');
}

/**
 * Holds the repository's turn, as a push through the front does while it writes, until `release`
 * is called; `push` then writes a tag inside that turn exactly as the front would.
 */
function holdRepository(namespaceName: string, repository: string) {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const held = repositoryTurns.run(
    repositoryTurnOf(suite.instance, `${namespaceName}/${repository}`),
    () => gate,
  );
  const services = suite.sandbox.services;
  const image = `${namespaceName}/${repository}`;
  return {
    release: async () => {
      release();
      await held;
    },
    async push(tag: string, content: string): Promise<string> {
      const runtime = services.instances.get(suite.instance)!;
      const built = buildImage(content);
      for (const blob of built.blobs)
        await runtime.registry.pushBlob(image, blob.digest, blob.data, blob.size);
      const { body, mediaType } = built.manifest;
      const digest = await runtime.registry.putManifest(image, tag, body, mediaType);
      recordEnterprisePush(
        services.db,
        findInstance(services.db, suite.instance)!,
        { namespace: namespaceName, repository },
        { reference: tag, digest, body, contentType: mediaType },
        services.clock().toISOString(),
      );
      return digest;
    },
  };
}

const tagDigests = (namespaceName: string, repository: string) =>
  Object.fromEntries(
    (
      suite.sandbox.services.db
        .prepare(
          `SELECT t.name, a.digest FROM ent_tags t JOIN ent_artifacts a ON a.id = t.artifact_id
           JOIN ent_repositories r ON r.id = t.repository_id JOIN ent_namespaces n ON n.id = r.namespace_id
           WHERE n.name = ? AND r.name = ?`,
        )
        .all(namespaceName, repository) as { name: string; digest: string }[]
    ).map((row) => [row.name, row.digest]),
  );

const subtaskStatus = (tag: string) =>
  suite.sandbox.services.db
    .prepare('SELECT status FROM ent_retention_subtasks WHERE tag = ? ORDER BY id DESC')
    .pluck()
    .get(tag) as string | undefined;

async function ended(namespaceName: string, policyId: number, id: number, as?: SwrClient) {
  const path = { ...ns(namespaceName), policy_id: policyId };
  return waitFor(async () => {
    const { executions } = await call('ListInstanceRetentionPolicyExecutions', { path }, as);
    const found = executions.find((e: { id: number }) => e.id === id);
    return found?.status !== 'InProgress' && found;
  });
}

async function startRun(namespaceName: string, policyId: number) {
  return (
    await call('ExecuteInstanceRetentionPolicy', {
      path: { ...ns(namespaceName), policy_id: policyId },
      body: { dry_run: false },
    })
  ).id as number;
}

const policyOf = async (namespaceName: string, keep = 1) =>
  (
    await call('CreateInstanceRetentionPolicy', {
      path: ns(namespaceName),
      body: retentionPolicy(keep),
    })
  ).id as number;

describe('retention racing pushes', { timeout: 120_000 }, () => {
  it('when a push moves a planned tag while the run waits for the repository, then the moved tag stays', async () => {
    await namespace('moved');
    // One image under two tags; the newer, keep, is kept and old is to go by itself.
    await pushed('shared image', 'moved/app:old');
    await pushed('shared image', 'moved/app:keep');
    const policyId = await policyOf('moved');
    const turn = holdRepository('moved', 'app');
    const id = await startRun('moved', policyId);
    await waitFor(() => subtaskStatus('old') === 'InProgress', 10_000, 'the deletion in turn');
    const moved = await turn.push('old', 'another image');
    await turn.release();
    const run = await ended('moved', policyId, id);
    expect(run.status).toBe('Succeed');
    expect(tagDigests('moved', 'app')).toMatchObject({ old: moved, keep: expect.any(String) });
    const runtime = suite.sandbox.services.instances.get(suite.instance)!;
    expect((await runtime.registry.getManifest('moved/app', 'old'))?.digest).toBe(moved);
  });

  it('when a push adds a tag to a planned image while the run waits, then the image and that tag stay', async () => {
    await namespace('tagged');
    await pushed('first image', 'tagged/app:v1');
    await pushed('second image', 'tagged/app:v2');
    const planned = tagDigests('tagged', 'app').v1!;
    const policyId = await policyOf('tagged');
    const turn = holdRepository('tagged', 'app');
    const id = await startRun('tagged', policyId);
    await waitFor(() => subtaskStatus('v1') === 'InProgress', 10_000, 'the deletion in turn');
    expect(await turn.push('again', 'first image')).toBe(planned);
    await turn.release();
    expect((await ended('tagged', policyId, id)).status).toBe('Succeed');
    const tags = tagDigests('tagged', 'app');
    expect(tags.again).toBe(planned);
    expect(tags.v1).toBeUndefined();
    const runtime = suite.sandbox.services.instances.get(suite.instance)!;
    expect((await runtime.registry.getManifest('tagged/app', 'again'))?.digest).toBe(planned);
  });
});

describe('retention runs asked for together', { timeout: 60_000 }, () => {
  it('when a run is asked for five times at once, then one starts and four are 409', async () => {
    await namespace('together');
    for (const tag of ['a', 'b', 'c']) await pushed(`together ${tag}`, `together/app:${tag}`);
    const policyId = await policyOf('together');
    const client = suite.sandbox.client(suite.admin);
    const answers = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        client.request('ExecuteInstanceRetentionPolicy', {
          path: { ...ns('together'), policy_id: policyId },
          body: { dry_run: false },
        }),
      ),
    );
    const refused = answers.flatMap((answer) =>
      answer.status === 'rejected' ? [(answer.reason as { status: number }).status] : [],
    );
    expect(refused).toEqual([409, 409, 409, 409]);
    const started = answers.find((answer) => answer.status === 'fulfilled')!;
    const { id } = (started as PromiseFulfilledResult<{ data: { id: number } }>).value.data;
    expect((await ended('together', policyId, id)).status).toBe('Succeed');
    expect(Object.keys(tagDigests('together', 'app'))).toEqual(['c']);
  });
});

describe('a retention schedule after a long stop', { timeout: 60_000 }, () => {
  it('when its time passed hours ago, then it runs once and is armed for a time to come', async () => {
    await namespace('asleep');
    const { id } = await call('CreateInstanceRetentionPolicy', {
      path: ns('asleep'),
      body: retentionPolicy(1, {
        trigger: { type: 'scheduled', trigger_settings: { cron: '0 * * * * *' } },
      }),
    });
    const { db } = suite.sandbox.services;
    const missed = new Date(Date.now() - 3 * 3_600_000);
    missed.setUTCSeconds(0, 0);
    db.prepare('UPDATE ent_retention_policies SET next_run_at = ? WHERE id = ?').run(
      missed.toISOString(),
      id,
    );
    runScheduled(suite.sandbox.services, id, missed.toISOString());
    const next = db
      .prepare('SELECT next_run_at FROM ent_retention_policies WHERE id = ?')
      .pluck()
      .get(id) as string;
    expect(new Date(next).getTime()).toBeGreaterThan(Date.now());
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const runs = db
      .prepare('SELECT COUNT(*) FROM ent_retention_executions WHERE policy_id = ?')
      .pluck()
      .get(id) as number;
    expect(runs).toBe(1);
  });
});

// Last: it restarts swr-local, which the suite's client does not follow.
describe('retention and a registry that fails mid-way', { timeout: 120_000 }, () => {
  it('when the registry fails between untagging and writing the image back, then after a restart the tags kept are there and the planned one is gone', async () => {
    await namespace('broken');
    await pushed('broken image', 'broken/app:old');
    await pushed('broken image', 'broken/app:keep');
    const digest = tagDigests('broken', 'app').keep!;
    const policyId = await policyOf('broken');
    const runtime = suite.sandbox.services.instances.get(suite.instance)!;
    const putManifest = runtime.registry.putManifest.bind(runtime.registry);
    // The registry goes away right after it deleted the manifest (a supervised restart).
    runtime.registry.putManifest = () => {
      runtime.registry.putManifest = putManifest;
      return Promise.reject(new RegistryError(503, 'the registry is restarting'));
    };
    const id = await startRun('broken', policyId);
    expect((await ended('broken', policyId, id)).status).toBe('Failed');
    await suite.sandbox.restart();
    const restarted = suite.sandbox.services.instances.get(suite.instance)!.registry;
    await waitFor(
      async () => (await restarted.getManifest('broken/app', 'keep'))?.digest === digest,
    );
    expect(await restarted.getManifest('broken/app', 'old')).toBeUndefined();
    expect(tagDigests('broken', 'app')).toEqual({ keep: digest });
  });
});
