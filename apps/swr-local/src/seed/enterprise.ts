import { createKey } from '../enterprise/keys.js';
import { allInstances, findEntNamespace, type InstanceRow } from '../enterprise/records.js';
import { recordEnterprisePush } from '../enterprise/registry.js';
import {
  runSignExecution,
  selectArtifacts,
  startExecution,
  type PolicyRow,
} from '../enterprise/signing.js';
import { buildImage } from '../images/build.js';
import { recordAudit } from '../enterprise/audit.js';
import { scanNow } from '../enterprise/scans.js';
import { findArtifact, findEntRepository } from '../enterprise/records.js';
import { DEBIAN_12_OS_RELEASE, debian12Status } from '../scanning/testing.js';
import type { Services } from '../services.js';
import type { SignPolicyBody } from '@swr-console/swr-api';

const NAMESPACES = [
  {
    name: 'platform',
    public: true,
    tags: { env: 'prod', team: 'platform' },
  },
  {
    name: 'payments',
    public: false,
    tags: { env: 'prod', team: 'payments', 'cost-center': 'cc-42' },
  },
  { name: 'sandbox', public: false, tags: { env: 'dev' } },
];

const IMAGES = [
  ['platform', 'base-image', 'v1.0'],
  ['platform', 'base-image', 'v1.1'],
  ['platform', 'base-image', 'dev'],
  ['payments', 'api', '1.4.2'],
] as const;

/** The payments API is a Debian 12 image with the glibc before DSA-5514-1: its scan finds it. */
const DEBIAN_IMAGES: ReadonlySet<string> = new Set(['payments/api']);

/**
 * The first account's Enterprise instance, alive on first start: tagged namespaces, a signing key,
 * an on-push signing policy on `platform` whose releases are signed already, and an unsigned dev
 * tag. Everything is done before start-up ends, so no seeded job runs later.
 */
export async function seedEnterpriseDemo(services: Services): Promise<void> {
  const { db, identity, clock } = services;
  const account = identity.sandboxCredentials()[0];
  const instance = allInstances(db).find((i) => i.domain_id === account?.domain_id);
  const runtime = instance && services.instances.get(instance.id);
  if (!account || !instance || !runtime) return;
  const at = () => clock().toISOString();

  for (const ns of NAMESPACES) {
    db.prepare(
      'INSERT INTO ent_namespaces (instance_id, name, metadata, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    ).run(instance.id, ns.name, JSON.stringify({ public: String(ns.public) }), at(), at());
    const id = findEntNamespace(db, instance.id, ns.name)!.id;
    for (const [key, value] of Object.entries(ns.tags))
      db.prepare('INSERT INTO ent_namespace_tags (namespace_id, key, value) VALUES (?, ?, ?)').run(
        id,
        key,
        value,
      );
  }
  for (const [namespace, repository, tag] of IMAGES) {
    await push(services, instance, namespace, repository, tag);
    recordAudit(db, {
      instanceId: instance.id,
      operation: 'create',
      resourceType: 'artifact',
      resource: `${namespace}/${repository}:${tag}`,
      username: account.domain_name,
      at: at(),
    });
  }
  await scanDemo(services, instance, 'payments', 'api');

  const key = createKey(
    db,
    { domainId: instance.domain_id, region: instance.region },
    { alias: 'release-signing', spec: 'EC_P256', description: 'Signs release images' },
    clock(),
  );
  const platform = findEntNamespace(db, instance.id, 'platform')!;
  const definition: SignPolicyBody = {
    name: 'sign-releases',
    description: 'Every v* tag pushed to platform is signed',
    enabled: true,
    signature_method: 'KMS',
    signature_algorithm: 'ECDSA_SHA_256',
    signature_key: key.id,
    trigger: { type: 'event_based' },
    scope_rules: [
      {
        repo_scope_mode: 'regular',
        scope_selectors: {
          repository: [{ kind: 'doublestar', decoration: 'repoMatches', pattern: '**' }],
        },
        tag_selectors: [{ kind: 'doublestar', decoration: 'matches', pattern: 'v*' }],
      },
    ],
  };
  const policyId = Number(
    db
      .prepare(
        `INSERT INTO ent_sign_policies (namespace_id, name, definition, creator, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        platform.id,
        definition.name,
        JSON.stringify(definition),
        account.domain_name,
        at(),
        at(),
      ).lastInsertRowid,
  );
  const policy = db
    .prepare('SELECT * FROM ent_sign_policies WHERE id = ?')
    .get(policyId) as PolicyRow;
  const execution = startExecution(
    services,
    policy,
    platform,
    'manual',
    selectArtifacts(db, platform, definition.scope_rules),
    false,
  );
  await runSignExecution(services, execution);
}

async function push(
  services: Services,
  instance: InstanceRow,
  namespace: string,
  repository: string,
  tag: string,
): Promise<void> {
  const runtime = services.instances.get(instance.id)!;
  const name = `${namespace}/${repository}`;
  const built = DEBIAN_IMAGES.has(name)
    ? buildImage(`${name} ${tag}`, undefined, undefined, {
        files: {
          'usr/lib/os-release': DEBIAN_12_OS_RELEASE,
          'var/lib/dpkg/status': debian12Status(),
        },
      })
    : buildImage(`${name} ${tag}`);
  for (const blob of built.blobs) {
    if (!(await runtime.registry.hasBlob(name, blob.digest)))
      await runtime.registry.pushBlob(name, blob.digest, blob.data, blob.size);
  }
  const digest = await runtime.registry.putManifest(
    name,
    tag,
    built.manifest.body,
    built.manifest.mediaType,
  );
  recordEnterprisePush(
    services.db,
    instance,
    { namespace, repository },
    { reference: tag, digest, body: built.manifest.body, contentType: built.manifest.mediaType },
    services.clock().toISOString(),
  );
}

/** Scans the demo's Debian image before start-up ends, so its report is there from the start. */
async function scanDemo(
  services: Services,
  instance: InstanceRow,
  namespace: string,
  repository: string,
): Promise<void> {
  const { db } = services;
  const found = findEntRepository(db, findEntNamespace(db, instance.id, namespace)!.id, repository);
  const digest = db
    .prepare('SELECT digest FROM ent_artifacts WHERE repository_id = ? ORDER BY id LIMIT 1')
    .pluck()
    .get(found!.id) as string;
  await scanNow(services, findArtifact(db, found!.id, digest)!);
}
