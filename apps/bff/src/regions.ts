import path from 'node:path';
import { readSandboxEndpoints, type SandboxEndpoints } from '@swr-console/contracts/sandbox';
import type { Config } from './config.js';

/** A region the BFF may reach: nothing else is ever a proxy target. */
export interface Region {
  id: string;
  /** Base URL of its SWR API. */
  api: string;
  /** `host[:port]` of its registry, as image names write it. */
  registry: string;
  /** Base URL of its key service (KMS), where signing keys live. */
  kms: string;
}

/** The sandbox's own users (local profile only), for its one-click sign-in. */
export interface SandboxUser {
  account: string;
  name: string;
  admin: boolean;
  accessKey: string;
  secretKey: string;
}

export interface Topology {
  iam: string;
  regions: Region[];
  sandboxUsers?: SandboxUser[];
}

/**
 * Whether the BFF runs against the local sandbox (`PROFILE=local`): only its topology carries the
 * sandbox's users. What runs on this machine (swr-local, test receivers) is reachable only then.
 */
export function isSandbox(topology: Topology): boolean {
  return topology.sandboxUsers !== undefined;
}

/** Where the SWR API and registry of a real region are (eu-west-101 lives under .eu). */
export function huaweiCloudRegion(id: string): Region {
  const domain = id === 'eu-west-101' ? 'myhuaweicloud.eu' : 'myhuaweicloud.com';
  return {
    id,
    api: `https://swr-api.${id}.${domain}`,
    registry: `swr.${id}.${domain}`,
    kms: `https://kms.${id}.${domain}`,
  };
}

/**
 * The regions of the profile: the sandbox's from its endpoints.json, or the configured real ones.
 * Read once at start; a missing or malformed endpoints file is a configuration error.
 */
export function loadTopology(config: Config): Topology {
  if (config.PROFILE === 'huaweicloud') {
    return {
      iam: config.HUAWEICLOUD_IAM_ENDPOINT,
      regions: config.HUAWEICLOUD_REGIONS.map(huaweiCloudRegion),
    };
  }
  const file =
    config.SWR_LOCAL_ENDPOINTS ?? path.join(config.DATA_DIR, 'swr-local', 'endpoints.json');
  let parsed: SandboxEndpoints;
  try {
    parsed = readSandboxEndpoints(file);
  } catch (error) {
    throw new Error(
      `SWR_LOCAL_ENDPOINTS: cannot read the sandbox's endpoints: ${(error as Error).message}`,
    );
  }
  return {
    iam: parsed.iam,
    // The sandbox answers the key service on each region's API port.
    regions: parsed.regions.map((region) => ({ ...region, kms: region.api })),
    sandboxUsers: parsed.accounts.flatMap((account) =>
      account.users.map((user) => ({
        account: account.domain_name,
        name: user.name,
        admin: user.admin,
        accessKey: user.access_key,
        secretKey: user.secret_key,
      })),
    ),
  };
}

export function findRegion(topology: Topology, id: string): Region | undefined {
  return topology.regions.find((region) => region.id === id);
}
