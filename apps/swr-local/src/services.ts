import type { Logger } from 'pino';
import type { Db } from './db/database.js';
import type { ImageStore } from './domain/image-store.js';
import type { Identity } from './identity/identity.js';
import type { RegistryClient } from './registry/client.js';
import type { Jobs } from './jobs/jobs.js';

export interface RegionEndpoint {
  id: string;
  /** Base URL of the region's SWR API. */
  api: string;
  /** `host:port` of the region's registry front, as clients write it in image names. */
  registry: string;
}

/** A running Enterprise instance: its registry (direct, unauthenticated) and its public host. */
export interface InstanceRuntime {
  registry: RegistryClient;
  /** `host:port` of the instance's registry front, its access address. */
  host: string;
}

/** Everything a handler may use; built once by start.ts. */
export interface Services {
  db: Db;
  identity: Identity;
  clock: () => Date;
  log: Logger;
  regions: RegionEndpoint[];
  registries: Map<string, RegistryClient>;
  images: ImageStore;
  jobs: Jobs;
  /** Enterprise instances by id. */
  instances: Map<string, InstanceRuntime>;
  /** The wait before a webhook's next attempt; unset, `retryDelayMs` (tests shorten it). */
  webhookRetryDelayMs?: (attempt: number) => number;
}

export function registryHostOf(services: Pick<Services, 'regions'>, region: string): string {
  return (
    services.regions.find((r) => r.id === region)?.registry ?? `swr.${region}.myhuaweicloud.com`
  );
}
