import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VULNERABILITY_REPORT_TYPE, type InstanceTag } from '@swr-console/swr-api';
import { beforeAll, describe, expect, it } from 'vitest';
import * as suite from '../testing/enterprise-suite.js';
import {
  at,
  call,
  digestOf,
  failure,
  ns,
  push,
  useEnterpriseSandbox,
} from '../testing/enterprise-suite.js';
import { buildImage } from '../images/build.js';
import { signingFetch } from '../testing/sandbox.js';
import { snapshot } from '../testing/snapshot.js';
import { waitFor } from '../testing/wait.js';

// Changes that meet: requests at once, a push while the API rewrites a repository, a registry
// notification that arrives late, a scan whose artifact goes, a restart with scans waiting.
useEnterpriseSandbox();

const repo = (repository: string) => ({ ...ns('races'), repository_name: repository });
const artifact = (repository: string, reference: string) => ({ ...repo(repository), reference });
const tagPath = (repository: string, tag: string) => ({
  instance_id: suite.instance,
  namespace_name: 'races',
  repository_name: repository,
  tag_name: tag,
});
const api = (method: string, url: string) =>
  signingFetch(suite.admin, 'cn-north-4')(`${suite.sandbox.api()}${url}`, {
    method,
    headers: { 'content-type': 'application/json' },
  });
const inspect = (reference: string) =>
  suite.registry('inspect', '--tls-verify=false', `docker://${suite.host}/${reference}`);
async function tagsOf(repository: string, as?: Parameters<typeof call>[2]) {
  const listed = await call(
    'ListInstanceTags',
    {
      path: { instance_id: suite.instance, namespace_name: 'races', repository_name: repository },
      query: { limit: 100, offset: 0 },
    },
    as,
  );
  return Object.fromEntries(listed.tags.map((tag: InstanceTag) => [tag.name, tag.digest]));
}
async function scanStatus(repository: string, digest: string, as?: Parameters<typeof call>[2]) {
  const shown = await call(
    'ShowInstanceArtifact',
    { path: artifact(repository, digest), query: { with_scan_overview: 'true' } },
    as,
  );
  return shown.scan_overview?.[VULNERABILITY_REPORT_TYPE]?.scan_status;
}

beforeAll(async () => {
  await call('CreateInstanceNamespace', {
    path: at(),
    body: { namespace_name: 'races', metadata: { public: 'false' } },
  });
});

describe('changes at once', { timeout: 60_000 }, () => {
  it('when two tags of one artifact are deleted at once, then both go, the artifact stays and its third tag still pulls', async () => {
    for (const tag of ['a', 'b', 'c'])
      expect((await push('shared', `races/app:${tag}`)).stderr).toBe('');
    const digest = await digestOf('races/app:a');
    const answers = await Promise.all(
      ['a', 'b'].map((tag) =>
        api(
          'DELETE',
          `/v2/instances/${suite.instance}/namespaces/races/repositories/app/tags/${tag}`,
        ),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual([204, 204]);
    expect(await tagsOf('app')).toEqual({ c: digest });
    expect((await inspect('races/app:c')).stderr).toBe('');
    expect((await inspect(`races/app@${digest}`)).stderr).toBe('');
    expect((await inspect('races/app:a')).ok).toBe(false);
    expect((await inspect('races/app:b')).ok).toBe(false);
  });

  it('when a push moves a tag while another tag of its artifact is deleted, then the registry and the records both keep the push', async () => {
    for (const tag of ['x', 'y'])
      expect((await push('before', `races/moved:${tag}`)).stderr).toBe('');
    // The push starts just as DeleteInstanceTag deletes the manifest it then writes back under
    // "y"; it is given three seconds, which it needs only when it waits its turn.
    const client = suite.sandbox.services.instances.get(suite.instance)!.registry;
    const deleteManifest = client.deleteManifest.bind(client);
    let pushed: ReturnType<typeof push> | undefined;
    client.deleteManifest = async (repository, digest) => {
      if (repository === 'races/moved' && !pushed) {
        pushed = push('after', 'races/moved:y');
        await Promise.race([pushed, new Promise((resolve) => setTimeout(resolve, 3000))]);
      }
      return deleteManifest(repository, digest);
    };
    try {
      await call('DeleteInstanceTag', { path: tagPath('moved', 'x') });
      expect((await pushed!).stderr).toBe('');
    } finally {
      client.deleteManifest = deleteManifest;
    }
    const registryDigest = await digestOf('races/moved:y');
    expect(registryDigest).toBe(buildImage('after').manifest.digest);
    expect(await tagsOf('moved')).toEqual({ y: registryDigest });
  });

  it("when the registry's notification of a push arrives after a later push of the tag, then the tag stays where the later push put it", async () => {
    expect((await push('first', 'races/late:v1')).stderr).toBe('');
    const first = await digestOf('races/late:v1');
    expect((await push('second', 'races/late:v1')).stderr).toBe('');
    const second = await digestOf('races/late:v1');
    // Distribution delivers notifications from a queue, again after a failed delivery: the
    // first push's may come now.
    const config = JSON.parse(
      readFileSync(
        path.join(suite.sandbox.dataDir, 'instances', suite.instance, 'config.yml'),
        'utf8',
      ),
    ) as { notifications: { endpoints: { headers: { Authorization: string[] } }[] } };
    const delivered = await fetch(`http://${suite.host}/internal/events`, {
      method: 'POST',
      headers: {
        authorization: config.notifications.endpoints[0]!.headers.Authorization[0]!,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        events: [
          {
            action: 'push',
            target: {
              mediaType: 'application/vnd.oci.image.manifest.v1+json',
              digest: first,
              repository: 'races/late',
              tag: 'v1',
            },
            request: { useragent: 'skopeo/1.9.3' },
          },
        ],
      }),
    });
    expect(delivered.status).toBe(200);
    expect(await tagsOf('late')).toEqual({ v1: second });
  });
});

describe('immutable tags in a repository deletion', () => {
  it('when a repository holds an immutable tag, then deleting it is 412 and changes nothing', async () => {
    expect((await push('kept', 'races/kept:release-1')).stderr).toBe('');
    await call('CreateImmutableRule', {
      path: ns('races'),
      body: {
        tag_selectors: [{ kind: 'doublestar', decoration: 'matches', pattern: 'release-*' }],
        scope_selectors: {
          repository: [{ kind: 'doublestar', decoration: 'repoMatches', pattern: 'kept' }],
        },
      },
    });
    const before = snapshot(suite.sandbox);
    const refused = await failure('DeleteInstanceRepository', { path: repo('kept') });
    expect([refused.status, refused.code]).toEqual([412, 'SWR.412001']);
    expect(refused.message).toContain('races/kept:release-1');
    expect(snapshot(suite.sandbox)).toEqual(before);
    expect((await inspect('races/kept:release-1')).stderr).toBe('');
  });
});

describe('repository names the registry routes use', () => {
  it.each(['tags', 'blobs', 'manifests', 'tags/blobs/manifests'])(
    'when a repository is called %s, then skopeo pushes and pulls it',
    async (name) => {
      expect((await push(`named ${name}`, `races/${name}:v1`)).stderr).toBe('');
      expect((await inspect(`races/${name}:v1`)).stderr).toBe('');
      const shown = await call('ShowInstanceRepository', { path: repo(name) });
      expect(shown.tag_count).toBe(1);
    },
  );
});

describe('scans whose artifact goes, and scans across a restart', { timeout: 60_000 }, () => {
  it('when an artifact is deleted while it is being scanned, then the scan job ends and its reads are 404, not 5xx', async () => {
    expect((await push('deleted mid-scan', 'races/running:v1')).stderr).toBe('');
    const digest = await digestOf('races/running:v1');
    const client = suite.sandbox.services.instances.get(suite.instance)!.registry;
    const getBlob = client.getBlob.bind(client);
    let deleted: Promise<unknown> | undefined;
    client.getBlob = async (repository, blob) => {
      if (repository === 'races/running')
        await (deleted ??= call('DeleteInstanceArtifact', { path: artifact('running', digest) }));
      return getBlob(repository, blob);
    };
    try {
      await call('StartManualScanning', { path: artifact('running', digest) });
      await waitFor(() => deleted !== undefined, 10_000, 'the deletion');
      await deleted;
      await waitFor(() => scanJobs().length === 0, 10_000, 'the scan job to end');
    } finally {
      client.getBlob = getBlob;
    }
    const shown = await failure('ShowInstanceArtifact', { path: artifact('running', digest) });
    expect(shown.status).toBe(404);
    const report = await failure('ListInstanceArtifactVulnerabilities', {
      path: artifact('running', digest),
    });
    expect(report.status).toBe(404);
  });

  it('when swr-local stops with scans waiting (one of a deleted artifact, one left without its job), then after a restart each ends', async () => {
    for (const name of ['twice', 'orphan', 'gone'])
      expect((await push(`waits ${name}`, `races/${name}:v1`)).stderr).toBe('');
    const twice = await digestOf('races/twice:v1');
    const orphan = await digestOf('races/orphan:v1');
    const gone = await digestOf('races/gone:v1');
    // Workers stopped: scans are accepted and stored, none runs before the process goes.
    await suite.sandbox.services.jobs.stop();
    const url = `/v2/${suite.project}/instances/${suite.instance}/namespaces/races/repositories/twice/artifacts/${twice}/scan`;
    const answers = await Promise.all([api('POST', url), api('POST', url)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([202, 409]);
    await call('StartManualScanning', { path: artifact('orphan', orphan) });
    await call('StartManualScanning', { path: artifact('gone', gone) });
    await call('DeleteInstanceArtifact', { path: artifact('gone', gone) });
    const orphanId = (await call('ShowInstanceArtifact', { path: artifact('orphan', orphan) })).id;
    await suite.sandbox.restart((db) => {
      // As a crash between storing the scan and its job would have left it.
      const dropped = db
        .prepare(
          "DELETE FROM jobs WHERE kind = 'ent-scan' AND json_extract(payload, '$.artifactId') = ?",
        )
        .run(orphanId);
      expect(dropped.changes).toBe(1);
    });
    const client = suite.sandbox.client(suite.admin);
    for (const [name, digest] of [
      ['twice', twice],
      ['orphan', orphan],
    ] as const)
      await waitFor(
        async () => (await scanStatus(name, digest, client)) === 'Success',
        30_000,
        `the scan of ${name}`,
      );
    await waitFor(() => scanJobs().length === 0, 10_000, 'every scan job to end');
    const again = await call('StartManualScanning', { path: artifact('orphan', orphan) }, client);
    expect(again).toBeFalsy();
  });
});

function scanJobs(): unknown[] {
  return suite.sandbox.services.db
    .prepare("SELECT * FROM jobs WHERE kind = 'ent-scan' AND status != 'failed'")
    .all();
}
