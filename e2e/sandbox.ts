import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { deriveLoginKey } from '@swr-console/apig-signer';
import {
  readSandboxEndpoints,
  sandboxUsers,
  type SandboxEndpoints,
  type SandboxUser,
} from '@swr-console/contracts/sandbox';
import { buildImage, writeOciLayout, type ImageShape } from '@swr-console/swr-local/images';

/** The sandbox the e2e stack runs (scripts/start.mjs with DATA_DIR=.data/e2e). */
const DATA_DIR = path.resolve('.data/e2e');

function endpoints(): SandboxEndpoints {
  return readSandboxEndpoints(path.join(DATA_DIR, 'swr-local', 'endpoints.json'));
}

export function sandboxUser(name: string): SandboxUser {
  const user = sandboxUsers(endpoints()).find((u) => u.name === name);
  if (!user) throw new Error(`no sandbox user ${name}`);
  return user;
}

const run = promisify(execFile);

export interface RegistryLogin {
  registry: string;
  username: string;
  password: string;
}

/** `skopeo login` with what a login command gave; the environment that carries the login. */
async function skopeoLogin(login: RegistryLogin): Promise<NodeJS.ProcessEnv> {
  const auth = path.join(mkdtempSync(path.join(tmpdir(), 'e2e-auth-')), 'auth.json');
  const env = { ...process.env, REGISTRY_AUTH_FILE: auth };
  await run(
    'skopeo',
    ['login', '--tls-verify=false', '-u', login.username, '-p', login.password, login.registry],
    { env },
  );
  return env;
}

/** skopeo as a user runs it, with the credentials a login command gave. */
export async function pushImage(
  login: RegistryLogin,
  target: string,
  content: string,
  shape?: ImageShape,
): Promise<void> {
  const env = await skopeoLogin(login);
  const dir = mkdtempSync(path.join(tmpdir(), 'e2e-oci-'));
  writeOciLayout(dir, 'img', buildImage(content, undefined, undefined, shape));
  await run(
    'skopeo',
    ['copy', '--dest-tls-verify=false', `oci:${dir}:img`, `docker://${login.registry}/${target}`],
    { env },
  );
}

/** Whether the registry still serves an image (`skopeo inspect`, as a user would check). */
export async function imageExists(login: RegistryLogin, target: string): Promise<boolean> {
  const env = await skopeoLogin(login);
  try {
    await run('skopeo', ['inspect', '--tls-verify=false', `docker://${login.registry}/${target}`], {
      env,
    });
    return true;
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    if (/manifest unknown|not found/i.test(stderr)) return false;
    throw error;
  }
}

/** The long-term docker login of a user in a region, as its login command spells it. */
export function regionLogin(user: SandboxUser, region: string): RegistryLogin {
  const found = endpoints().regions.find((r) => r.id === region);
  if (!found) throw new Error(`no sandbox region ${region}`);
  return {
    registry: found.registry.replace(/^https?:\/\//, ''),
    username: `${region}@${user.access_key}`,
    password: deriveLoginKey(user.access_key, user.secret_key),
  };
}

/** The manifest a registry serves for a tag, as it is (`skopeo inspect --raw`). */
export async function rawManifest(login: RegistryLogin, target: string): Promise<unknown> {
  const env = await skopeoLogin(login);
  const { stdout } = await run(
    'skopeo',
    ['inspect', '--tls-verify=false', '--raw', `docker://${login.registry}/${target}`],
    { env },
  );
  return JSON.parse(stdout) as unknown;
}

/** The digest a registry serves for a tag (`skopeo inspect`). */
export async function imageDigest(login: RegistryLogin, target: string): Promise<string> {
  const env = await skopeoLogin(login);
  const { stdout } = await run(
    'skopeo',
    ['inspect', '--tls-verify=false', `docker://${login.registry}/${target}`],
    { env },
  );
  return (JSON.parse(stdout) as { Digest: string }).Digest;
}

/** `skopeo copy` from the registry to a local folder: a pull, as a user runs it. */
export async function pullImage(login: RegistryLogin, source: string): Promise<void> {
  const env = await skopeoLogin(login);
  const dir = mkdtempSync(path.join(tmpdir(), 'e2e-pull-'));
  await run(
    'skopeo',
    ['copy', '--src-tls-verify=false', `docker://${login.registry}/${source}`, `oci:${dir}:img`],
    { env },
  );
}
