import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { deriveLoginKey, signRequest } from '@swr-console/apig-signer';
import { sandboxUsers, type SandboxUser } from '@swr-console/contracts/sandbox';
import { createSwrClient, type SwrClient } from '@swr-console/swr-api';
import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core';
import { SwrClient as OfficialSwrClient } from '@huaweicloud/huaweicloud-sdk-swr';
import { pino } from 'pino';
import { openDatabase, type Db } from '../db/database.js';
import { startSwrLocal, type RunningSwrLocal } from '../start.js';

const REGIONS = ['cn-north-4', 'ap-southeast-1'];

export type { SandboxUser };

export interface Sandbox extends RunningSwrLocal {
  dataDir: string;
  /** `account` defaults to the first; `user` to the account itself (root). */
  user(name?: string, account?: number): SandboxUser;
  /** The project's typed client, signing each call, checking every answer against the contract. */
  client(user: SandboxUser, region?: string): SwrClient;
  /** The official Huawei Cloud SDK pointed at the sandbox. */
  sdk(user: SandboxUser, region?: string): OfficialSwrClient;
  api(region?: string): string;
  registry(region?: string): string;
  /**
   * Stops and starts again on the same data folder (and the same ports where free); `meanwhile`
   * may change the stopped sandbox's database, as a crash would have left it.
   */
  restart(meanwhile?: (db: Db) => void): Promise<void>;
}

/** A fetch that signs every request with the user's AK/SK, as the BFF will. */
export function signingFetch(user: SandboxUser, region: string): typeof fetch {
  return async (input, init = {}) => {
    const url = String(input);
    const body = typeof init.body === 'string' ? init.body : undefined;
    const headers = signRequest(
      {
        method: init.method ?? 'GET',
        url,
        headers: { ...(init.headers as Record<string, string>) },
        body,
      },
      { accessKey: user.access_key, secretKey: user.secret_key, projectId: user.projects[region] },
    );
    return fetch(url, { ...init, headers });
  };
}

export async function startSandbox(
  options: { seed?: 'demo' | 'none'; dataDir?: string } = {},
): Promise<Sandbox> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'swr-local-'));
  const start = () =>
    startSwrLocal(
      { dataDir, port: 0, regions: REGIONS, seed: options.seed ?? 'none' },
      pino({ level: process.env.LOG_LEVEL ?? 'silent' }),
    );
  let running = await start();
  const region = (id?: string) =>
    running.endpoints.regions.find((r) => r.id === (id ?? REGIONS[0]))!;

  const sandbox: Sandbox = {
    dataDir,
    get endpointsFile() {
      return running.endpointsFile;
    },
    get endpoints() {
      return running.endpoints;
    },
    get services() {
      return running.services;
    },
    get registries() {
      return running.registries;
    },
    async stop() {
      await running.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    async restart(meanwhile) {
      await running.stop();
      if (meanwhile) {
        const db = openDatabase(path.join(dataDir, 'swr-local.db'));
        meanwhile(db);
        db.close();
      }
      running = await start();
    },
    user(name, account = 0) {
      const all = sandboxUsers(running.endpoints).filter(
        (u) => u.account === running.endpoints.accounts[account]!.domain_name,
      );
      const found = name === undefined ? all[0] : all.find((u) => u.name === name);
      if (!found) throw new Error(`no sandbox user ${name}`);
      return found;
    },
    client(user, id = REGIONS[0]!) {
      return createSwrClient({
        baseUrl: region(id).api,
        fetch: signingFetch(user, id),
        validateResponses: true,
      });
    },
    sdk(user, id = REGIONS[0]!) {
      const credentials = new BasicCredentials()
        .withAk(user.access_key)
        .withSk(user.secret_key)
        .withProjectId(user.projects[id]!);
      return OfficialSwrClient.newBuilder()
        .withCredential(credentials)
        .withEndpoint(region(id).api)
        .build();
    },
    api: (id) => region(id).api,
    registry: (id) => region(id).registry,
  };
  return sandbox;
}

const run = promisify(execFile);

/** skopeo as a user runs it, with its own credentials file so tests do not share logins. */
export function skopeo(authFile: string) {
  return async (...args: string[]) => {
    try {
      const { stdout } = await run('skopeo', args, {
        env: { ...process.env, REGISTRY_AUTH_FILE: authFile },
        maxBuffer: 16 * 1024 * 1024,
      });
      return { ok: true as const, stdout, stderr: '' };
    } catch (error) {
      return {
        ok: false as const,
        stdout: '',
        stderr: String((error as { stderr?: string }).stderr ?? error),
      };
    }
  };
}

export function loginKey(user: SandboxUser): string {
  return deriveLoginKey(user.access_key, user.secret_key);
}

export interface RegistryUser {
  run: ReturnType<typeof skopeo>;
  /** docker login as a user runs it; the long-term key of `user` unless told otherwise. */
  login(
    region?: string,
    password?: string,
    username?: string,
  ): ReturnType<ReturnType<typeof skopeo>>;
  /** Copies every image of `source` (an oci: or docker:// reference) to `org/repo:tag` in the region. */
  push(source: string, target: string, region?: string): ReturnType<ReturnType<typeof skopeo>>;
  /** The raw manifest of `org/repo:tag`, or a failure saying why. */
  inspect(target: string, region?: string): ReturnType<ReturnType<typeof skopeo>>;
  /** `docker://host/org/repo:tag` for a region's registry. */
  ref(target: string, region?: string): string;
}

/** skopeo with its own credentials file, for `user` (or nobody), against a sandbox's registries. */
export function registryUser(sandbox: Sandbox, user?: SandboxUser): RegistryUser {
  const run = skopeo(path.join(mkdtempSync(path.join(tmpdir(), 'auth-')), 'auth.json'));
  const ref = (target: string, region = REGIONS[0]) =>
    `docker://${sandbox.registry(region)}/${target}`;
  return {
    run,
    ref,
    login: (
      region = REGIONS[0]!,
      password = user ? loginKey(user) : '',
      username = `${region}@${user?.access_key}`,
    ) =>
      run('login', '--tls-verify=false', '-u', username, '-p', password, sandbox.registry(region)),
    push: (source, target, region) =>
      run('copy', '--all', '--tls-verify=false', source, ref(target, region)),
    inspect: (target, region) => run('inspect', '--tls-verify=false', '--raw', ref(target, region)),
  };
}
