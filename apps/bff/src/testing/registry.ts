import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { deriveLoginKey } from '@swr-console/apig-signer';
import { sandbox, type SandboxUser } from './harness.js';

const run = promisify(execFile);

/**
 * skopeo as a user runs it against the sandbox's registries, logged in to each region named with
 * the user's long-term login, in an auth file of its own: the BFF tests' independent view of what
 * the registries hold.
 */
export async function registryTool(user: SandboxUser, regions: readonly string[]) {
  const auth = path.join(mkdtempSync(path.join(tmpdir(), 'bff-skopeo-')), 'auth.json');
  const skopeo = async (...args: string[]) =>
    (await run('skopeo', args, { env: { ...process.env, REGISTRY_AUTH_FILE: auth } })).stdout;
  const registry = (region: string) => {
    const found = sandbox().regions.find((r) => r.id === region);
    if (!found) throw new Error(`no sandbox region ${region}`);
    return found.registry;
  };
  for (const region of regions)
    await skopeo(
      'login',
      '--tls-verify=false',
      '-u',
      `${region}@${user.access_key}`,
      '-p',
      deriveLoginKey(user.access_key, user.secret_key),
      registry(region),
    );
  return {
    registry,
    /** Copies an image (every platform of a list) from one region's registry to another's. */
    copy: (from: string, to: string, fromRegion: string, toRegion = fromRegion) =>
      skopeo(
        'copy',
        '--all',
        '--src-tls-verify=false',
        '--dest-tls-verify=false',
        `docker://${registry(fromRegion)}/${from}`,
        `docker://${registry(toRegion)}/${to}`,
      ),
    /** The manifest as the registry serves it. */
    raw: async (reference: string, region: string) =>
      JSON.parse(
        await skopeo(
          'inspect',
          '--tls-verify=false',
          '--raw',
          `docker://${registry(region)}/${reference}`,
        ),
      ) as unknown,
    digest: async (reference: string, region: string) =>
      (
        await skopeo(
          'inspect',
          '--tls-verify=false',
          '--format',
          '{{.Digest}}',
          `docker://${registry(region)}/${reference}`,
        )
      ).trim(),
  };
}
