import { AUTH_LEVELS } from '@swr-console/swr-api';
import type { Services } from '../services.js';
import type { User } from '../identity/identity.js';
import { buildImage, buildIndex, type BuiltImage, type BuiltIndex } from '../images/build.js';
import { createNamespace } from '../domain/namespaces.js';
import { createRepository } from '../domain/repositories.js';
import { findNamespace, type RepositoryRecord } from '../domain/records.js';
import type { RegistryEvents } from '../registry/events.js';
import { runRetention } from '../jobs/retention.js';

const PLATFORMS = [
  { os: 'linux', architecture: 'amd64' },
  { os: 'linux', architecture: 'arm64' },
];

/** Pushes a built image (or index with its children) the way a client would, and records it. */
async function pushBuilt(
  services: Services,
  events: RegistryEvents,
  repository: RepositoryRecord,
  tag: string,
  built: BuiltImage | BuiltIndex,
  pusherId: string,
): Promise<void> {
  const registry = services.registries.get(repository.region)!;
  const name = `${repository.namespace}/${repository.name}`;
  const image = { namespace: repository.namespace, repository: repository.name };
  const children = 'images' in built ? built.images : [];
  for (const child of [...children, ...('images' in built ? [] : [built])]) {
    for (const blob of child.blobs) {
      if (!(await registry.hasBlob(name, blob.digest)))
        await registry.pushBlob(name, blob.digest, blob.data, blob.size);
    }
  }
  for (const child of children) {
    await registry.putManifest(
      name,
      child.manifest.digest,
      child.manifest.body,
      child.manifest.mediaType,
    );
    await events.manifestPushed(repository.region, image, {
      reference: child.manifest.digest,
      digest: child.manifest.digest,
      body: child.manifest.body,
      contentType: child.manifest.mediaType,
      pusher: pusherId,
    });
  }
  const digest = await registry.putManifest(
    name,
    tag,
    built.manifest.body,
    built.manifest.mediaType,
  );
  await events.manifestPushed(repository.region, image, {
    reference: tag,
    digest,
    body: built.manifest.body,
    contentType: built.manifest.mediaType,
    pusher: pusherId,
  });
}

/**
 * Fills the first account so the console looks alive on first start: organizations, public and
 * private repositories with single- and multi-arch images, a read grant for the IAM user, a
 * retention rule, an automatic sync to the second region, a share with the second account and a
 * trigger.
 */
export async function seedDemo(services: Services, events: RegistryEvents): Promise<void> {
  const { db, identity, clock, regions } = services;
  const [home, away] = regions;
  const account = identity.sandboxCredentials()[0];
  const partner = identity.sandboxCredentials()[1];
  if (!home || !account) return;
  const admin = identity.userById(account.users[0]!.id)!;
  const reader = account.users.find((u) => !u.admin);
  const now = () => clock();

  const namespace = (region: string, name: string, user: User) =>
    findNamespace(db, region, name) ?? createNamespace(db, user, region, name, now());
  const library = namespace(home.id, 'library', admin);
  const web = namespace(home.id, 'team-web', admin);
  namespace(home.id, 'data-lab', admin);

  const busybox = createRepository(
    db,
    admin,
    library,
    {
      name: 'busybox-mini',
      category: 'linux',
      description: 'A tiny multi-arch base image.',
      isPublic: true,
    },
    now(),
  );
  const alpine = createRepository(
    db,
    admin,
    library,
    {
      name: 'alpine-lite',
      category: 'linux',
      description: 'Single-arch base image.',
      isPublic: true,
    },
    now(),
  );
  const frontend = createRepository(
    db,
    admin,
    web,
    { name: 'frontend', category: 'app_server', description: 'The web front end.' },
    now(),
  );
  const gateway = createRepository(
    db,
    admin,
    web,
    {
      name: 'api/gateway',
      category: 'framework_app',
      description: 'API gateway, nested repository name.',
    },
    now(),
  );

  await pushBuilt(
    services,
    events,
    busybox,
    '1.36',
    buildIndex('busybox-mini 1.36', PLATFORMS),
    admin.id,
  );
  await pushBuilt(
    services,
    events,
    busybox,
    'latest',
    buildIndex('busybox-mini 1.36', PLATFORMS),
    admin.id,
  );
  // 3.18 is the one the demo's retention rule ages out (below), so the history shows a run.
  for (const version of ['3.18', '3.19', '3.20']) {
    await pushBuilt(
      services,
      events,
      alpine,
      version,
      buildImage(`alpine-lite ${version}`),
      admin.id,
    );
  }
  for (const version of ['v1.0.0', 'v1.1.0', 'v1.2.0', 'v1.3.0']) {
    await pushBuilt(
      services,
      events,
      frontend,
      version,
      buildImage(`frontend ${version}`),
      admin.id,
    );
  }
  await pushBuilt(services, events, frontend, 'latest', buildImage('frontend v1.3.0'), admin.id);
  await pushBuilt(
    services,
    events,
    gateway,
    '2.0.1',
    buildIndex('gateway 2.0.1', PLATFORMS),
    admin.id,
  );

  if (reader) {
    db.prepare(
      'INSERT OR IGNORE INTO namespace_grants (namespace_id, user_id, user_name, auth) VALUES (?, ?, ?, ?)',
    ).run(web.id, reader.id, reader.name, AUTH_LEVELS.read);
  }
  const at = now().toISOString();
  db.prepare(
    'INSERT INTO retentions (repository_id, algorithm, rules, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  ).run(
    frontend.id,
    'or',
    JSON.stringify([
      {
        template: 'tag_rule',
        params: { num: '10' },
        tag_selectors: [{ kind: 'label', pattern: 'latest' }],
      },
    ]),
    at,
    at,
  );
  if (away) {
    namespace(away.id, 'team-web', admin);
    db.prepare(
      `INSERT INTO sync_tasks (repository_id, remote_region, remote_namespace, sync_auto, override, creator_id, creator_name, created_at, updated_at)
       VALUES (?, ?, 'team-web', 1, 0, ?, ?, ?, ?)`,
    ).run(frontend.id, away.id, admin.id, admin.name, at, at);
  }
  if (partner) {
    db.prepare(
      `INSERT INTO shares (repository_id, domain_id, domain_name, permit, deadline, description, creator_id, creator_name, created_at, updated_at)
       VALUES (?, ?, ?, 'read', 'forever', 'Partner integration', ?, ?, ?, ?)`,
    ).run(gateway.id, partner.domain_id, partner.domain_name, admin.id, admin.name, at, at);
  }
  db.prepare(
    'INSERT INTO triggers (repository_id, name, definition, enable, creator_name, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    frontend.id,
    'redeploy-latest',
    JSON.stringify({
      name: 'redeploy-latest',
      action: 'update',
      app_type: 'deployments',
      application: 'frontend',
      cluster_name: 'demo-cluster',
      cluster_ns: 'default',
      condition: 'latest',
      enable: 'true',
      trigger_mode: 'cce',
      trigger_type: 'tag',
    }),
    'true',
    admin.name,
    at,
  );

  await showWhatJobsDo(services, { alpine, frontend, away: away?.id, admin });
}

/** How long the demo waits for its sync to end before the sandbox says it is ready anyway. */
const SETTLE_MS = 60_000;

/**
 * A newcomer's overview and history pages show what the console does from the first start: a
 * retention run (alpine-lite's rule keeps its two newest tags, so 3.18 goes) and a finished
 * manual sync of the front end's newest tags to the second region. Both really run, through the
 * same code as any other, and are over before the sandbox is ready.
 */
async function showWhatJobsDo(
  services: Services,
  demo: { alpine: RepositoryRecord; frontend: RepositoryRecord; away?: string; admin: User },
): Promise<void> {
  const { db, jobs, clock } = services;
  const at = clock().toISOString();
  // Older than the others without doubt (pushes a millisecond apart could tie).
  db.prepare("UPDATE tags SET updated_at = ? WHERE repository_id = ? AND name = '3.18'").run(
    new Date(clock().getTime() - 3600_000).toISOString(),
    demo.alpine.id,
  );
  db.prepare(
    'INSERT INTO retentions (repository_id, algorithm, rules, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  ).run(
    demo.alpine.id,
    'or',
    JSON.stringify([{ template: 'tag_rule', params: { num: '2' }, tag_selectors: [] }]),
    at,
    at,
  );
  await runRetention(services, demo.alpine.id);

  if (!demo.away) return;
  const queue = db.prepare(
    `INSERT INTO sync_jobs (repository_id, tag, remote_region, remote_namespace, override, status, operator_id, operator_name, created_at, updated_at)
     VALUES (?, ?, ?, 'team-web', 0, 'waiting', ?, ?, ?, ?)`,
  );
  for (const tag of ['v1.3.0', 'latest'])
    queue.run(demo.frontend.id, tag, demo.away, demo.admin.id, demo.admin.name, at, at);
  jobs.wake();
  const unfinished = db.prepare(
    "SELECT COUNT(*) FROM sync_jobs WHERE repository_id = ? AND status IN ('waiting', 'running')",
  );
  const deadline = Date.now() + SETTLE_MS;
  while ((unfinished.pluck().get(demo.frontend.id) as number) > 0 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
}
