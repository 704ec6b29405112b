import './linear-regexps.js';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import {
  readSandboxEndpoints,
  writeSandboxEndpoints,
  type SandboxEndpoints,
} from '@swr-console/contracts/sandbox';
import type { Express } from 'express';
import path from 'node:path';
import { pino, type Logger } from 'pino';
import { createRegionApi } from './api/app.js';
import { handlers } from './api/handlers/index.js';
import { openDatabase } from './db/database.js';
import { ImageStore } from './domain/image-store.js';
import { createIam } from './identity/iam.js';
import { Identity } from './identity/identity.js';
import { pushHooks } from './jobs/hooks.js';
import { Jobs } from './jobs/jobs.js';
import { runRetention } from './jobs/retention.js';
import { syncTag } from './jobs/sync.js';
import type { Options } from './options.js';
import { TokenSigner } from './registry/access.js';
import { RegistryClient } from './registry/client.js';
import { basicBackend, RegistryEvents } from './registry/events.js';
import { RegistryFront, type RegistryBackend } from './registry/front.js';
import { startRegistry, type RegistryProcess } from './registry/process.js';
import { seedDemo } from './seed/demo.js';
import { seedEnterpriseDemo } from './seed/enterprise.js';
import { allInstances, ensureInstances } from './enterprise/records.js';
import { enterpriseBackend } from './enterprise/registry.js';
import { runSignExecution, SIGN_JOB, signOnPush } from './enterprise/signing.js';
import { resumeScans, runScan, SCAN_JOB, scanOnPush } from './enterprise/scans.js';
import {
  REPLICATION_JOB,
  REPLICATION_SCHEDULE_JOB,
  replicateOnPush,
  runReplication,
  runScheduledReplication,
} from './enterprise/replication.js';
import {
  RETENTION_JOB,
  RETENTION_SCHEDULE_JOB,
  runRetentionExecution,
  runScheduled,
} from './enterprise/retention.js';
import { runWebhookJob, WEBHOOK_JOB, webhooksOnPush } from './enterprise/webhooks.js';
import { resumeRestores } from './enterprise/restores.js';
import type { RegionEndpoint, Services } from './services.js';

export interface RunningSwrLocal {
  endpointsFile: string;
  endpoints: SandboxEndpoints;
  services: Services;
  /** The Distribution registries it runs, by region or instance name. */
  registries: ReadonlyMap<string, RegistryProcess>;
  stop(): Promise<void>;
}

const DAY_MS = 86_400_000;

/** The sandbox's two accounts: the first with an administrator and a read-only IAM user. */
const SANDBOX_ACCOUNTS = [
  {
    name: 'swr-demo',
    users: [
      { name: 'ops-admin', admin: true },
      { name: 'dev-reader', admin: false },
    ],
  },
  { name: 'partner-co', users: [] },
];

/**
 * Starts swr-local: per region an SWR API on `port + i`, a registry front and a Distribution
 * registry; the mini IAM on `port + regions`; the job workers. Writes endpoints.json when ready.
 */
export async function startSwrLocal(
  options: Options,
  log: Logger = pino({ level: process.env.LOG_LEVEL ?? 'info' }),
): Promise<RunningSwrLocal> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const endpointsFile = path.join(options.dataDir, 'endpoints.json');
  const previous = readPrevious(endpointsFile);

  const db = openDatabase(path.join(options.dataDir, 'swr-local.db'));
  const identity = new Identity(db);
  const clock = () => new Date();
  if (identity.accountCount() === 0) {
    for (const account of SANDBOX_ACCOUNTS)
      identity.createAccount(account.name, options.regions, account.users, clock().toISOString());
  }
  identity.ensureProjects(options.regions);

  const registries = new Map<string, RegistryClient>();
  const regions: RegionEndpoint[] = [];
  // Replication and webhooks wait on other machines: lanes of their own (see Jobs).
  const jobs = new Jobs(db, log, clock, 2, { [REPLICATION_JOB]: 2, [WEBHOOK_JOB]: 4 });
  const services: Services = {
    db,
    identity,
    clock,
    log,
    regions,
    registries,
    images: new ImageStore(db, registries, clock),
    jobs,
    instances: new Map(),
  };
  const events = new RegistryEvents(services, registries, pushHooks(services));
  const tokens = new TokenSigner();
  const eventToken = randomBytes(24).toString('hex');

  const processes = new Map<string, RegistryProcess>();
  const fronts: RegistryFront[] = [];
  const servers: Server[] = [];
  const stop = async () => {
    await jobs.stop();
    await Promise.all(
      servers.map(
        (server) =>
          new Promise((resolve) => {
            server.close(resolve);
            server.closeAllConnections();
          }),
      ),
    );
    await Promise.all(fronts.map((front) => front.close()));
    await Promise.all([...processes.values()].map((p) => p.stop()));
    db.close();
  };

  /** A Distribution registry behind its own front, which keeps its address when it can. */
  const guardedRegistry = async (
    name: string,
    dataDir: string,
    backend: RegistryBackend,
    previousHost: string | undefined,
  ) => {
    const front = new RegistryFront({ services, tokens, backend, eventToken });
    fronts.push(front);
    const frontUrl = await listenFront(front, previousHost);
    const registry = await startRegistry({
      region: name,
      dataDir,
      publicUrl: frontUrl,
      notificationUrl: `${frontUrl}/internal/events`,
      notificationToken: eventToken,
      log,
    });
    processes.set(name, registry);
    front.upstream = registry.url;
    return { client: new RegistryClient(registry.url), host: front.host };
  };

  try {
    for (const region of options.regions) {
      const { client, host } = await guardedRegistry(
        region,
        path.join(options.dataDir, 'registries', region),
        basicBackend(services, events, region),
        previous?.regions.find((r) => r.id === region)?.registry,
      );
      registries.set(region, client);
      regions.push({ id: region, api: '', registry: host });
    }
    // Each account's Enterprise instance, in the first (home) region, with its own registry.
    ensureInstances(db, options.regions[0]!, clock());
    for (const instance of allInstances(db)) {
      const runtime = await guardedRegistry(
        instance.name,
        path.join(options.dataDir, 'instances', instance.id),
        enterpriseBackend(
          services,
          instance,
          () => services.instances.get(instance.id)?.registry,
          (push) => {
            signOnPush(services, push);
            scanOnPush(services, push);
            webhooksOnPush(services, push);
            replicateOnPush(services, push);
          },
        ),
        previous?.instances?.[instance.id],
      );
      services.instances.set(instance.id, { registry: runtime.client, host: runtime.host });
    }
    // Port 0 (tests) lets every server take any free port.
    const portOf = (i: number) => (options.port === 0 ? 0 : options.port + i);
    for (const [i, region] of options.regions.entries()) {
      const server = await listen(createRegionApi(region, services, handlers), portOf(i));
      servers.push(server);
      regions[i]!.api = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    }
    const iam = await listen(createIam(services), portOf(options.regions.length));
    servers.push(iam);

    resumeScans(services);
    await resumeRestores(services);
    jobs.start({
      run: async (kind, payload, shutdown) => {
        if (kind === 'retention-run')
          await runRetention(services, (payload as { repositoryId: number }).repositoryId);
        else if (kind === 'maintenance') dailyMaintenance(services);
        else if (kind === SCAN_JOB)
          await runScan(services, (payload as { artifactId: number }).artifactId);
        else if (kind === WEBHOOK_JOB) await runWebhookJob(services, payload, shutdown);
        else if (kind === RETENTION_JOB)
          await runRetentionExecution(
            services,
            (payload as { executionId: number }).executionId,
            shutdown,
          );
        else if (kind === REPLICATION_JOB)
          await runReplication(
            services,
            (payload as { executionId: number }).executionId,
            shutdown,
          );
        else if (kind === REPLICATION_SCHEDULE_JOB)
          runScheduledReplication(
            services,
            (payload as Scheduled).policyId,
            (payload as Scheduled).at,
          );
        else if (kind === RETENTION_SCHEDULE_JOB)
          runScheduled(services, (payload as Scheduled).policyId, (payload as Scheduled).at);
        else if (kind === SIGN_JOB)
          await runSignExecution(services, (payload as { executionId: number }).executionId);
        else throw new Error(`unknown job kind ${kind}`);
      },
      sync: (job) => syncTag(services, job),
    });
    // Retention also runs once a day (and once at start), as SWR ages images on its own.
    dailyMaintenance(services);
    setInterval(() => jobs.enqueue('maintenance', {}), DAY_MS).unref();

    if (
      options.seed === 'demo' &&
      db.prepare("SELECT value FROM settings WHERE key = 'demo-seeded'").get() === undefined
    ) {
      await seedDemo(services, events);
      await seedEnterpriseDemo(services);
      db.prepare("INSERT INTO settings (key, value) VALUES ('demo-seeded', ?)").run(
        clock().toISOString(),
      );
    }
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }

  const endpoints: SandboxEndpoints = {
    iam: `http://127.0.0.1:${(servers.at(-1)!.address() as { port: number }).port}`,
    regions,
    instances: Object.fromEntries(
      [...services.instances].map(([id, runtime]) => [id, runtime.host]),
    ),
    accounts: identity.sandboxCredentials(),
  };
  writeSandboxEndpoints(endpointsFile, endpoints);
  log.info({ endpointsFile }, 'swr-local ready');
  return { endpointsFile, endpoints, services, registries: processes, stop };
}

/** A scheduled policy run's payload: the policy, and the time it was armed for. */
interface Scheduled {
  policyId: number;
  at: string;
}

function dailyMaintenance(services: Services): void {
  const { db, jobs, identity, clock } = services;
  for (const repositoryId of db
    .prepare('SELECT repository_id FROM retentions')
    .pluck()
    .all() as number[]) {
    if (!jobs.isWaiting('retention-run', { repositoryId }))
      jobs.enqueue('retention-run', { repositoryId });
  }
  // SWR keeps retention history for three months.
  db.prepare('DELETE FROM retention_logs WHERE created_at < ?').run(
    new Date(clock().getTime() - 90 * DAY_MS).toISOString(),
  );
  identity.pruneTokens(clock());
}

/** Keeps a region's registry address across restarts when the port is still free. */
async function listenFront(front: RegistryFront, previous: string | undefined): Promise<string> {
  const port = previous ? Number(previous.split(':').at(-1)) : 0;
  if (port > 0) {
    try {
      return await front.listen(port);
    } catch {
      // taken meanwhile: any free port will do
    }
  }
  return front.listen(0);
}

function listen(app: Express, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, '127.0.0.1', (error?: Error) =>
      error ? reject(error) : resolve(server),
    );
  });
}

/** What the last run wrote, to keep its ports; nothing when there is none or it is unreadable. */
function readPrevious(file: string): SandboxEndpoints | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return readSandboxEndpoints(file);
  } catch {
    return undefined;
  }
}
