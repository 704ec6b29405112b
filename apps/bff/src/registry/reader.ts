import { createHash } from 'node:crypto';
import { z } from 'zod';
import { fetchWithin, readAtMost, readJson } from '../auth/upstream.js';

/** A small blob: a signature payload. */
const MAX_BLOB_BYTES = 64 * 1024;
/** OCI's own limit for a manifest a registry must accept. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

/** Every kind of manifest a registry may hold under a tag: images and multi-platform lists. */
export const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
] as const;

export const sha256Of = (data: Buffer | string) =>
  `sha256:${createHash('sha256').update(data).digest('hex')}`;

/** The registry would not let the user read the repository (no pull right, or a bad login). */
export class RegistryRefusal extends Error {
  constructor(readonly status: number) {
    super(`the registry refused the login (${status})`);
    this.name = 'RegistryRefusal';
  }
}

/** A manifest as the registry served it, with the digest of its bytes. */
export interface ServedManifest {
  body: string;
  mediaType: string;
  digest: string;
}

/** A pull-only view of one repository of a registry, with Docker's token authentication. */
export class RegistryReader {
  private token: string | undefined;

  constructor(
    private readonly base: string,
    private readonly repository: string,
    private readonly login: { username: string; password: string },
    private readonly timeoutMs: number,
  ) {}

  async manifest(reference: string): Promise<string | undefined> {
    const response = await this.get(`/v2/${this.repository}/manifests/${reference}`, {
      accept: 'application/vnd.oci.image.manifest.v1+json',
    });
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`the registry answered ${response.status}`);
    const data = await readAtMost(response, MAX_MANIFEST_BYTES);
    if (!data) throw new Error('a signature manifest is too large');
    return data.toString('utf8');
  }

  /**
   * Any manifest (image or list) by tag or digest, or undefined when there is none. Its digest is
   * computed from the bytes, and a manifest asked for by digest must match it.
   */
  async read(reference: string): Promise<ServedManifest | undefined> {
    const response = await this.get(`/v2/${this.repository}/manifests/${reference}`, {
      accept: MANIFEST_TYPES.join(', '),
    });
    if (response.status === 404) return undefined;
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      throw new RegistryRefusal(response.status);
    }
    if (!response.ok) throw new Error(`the registry answered ${response.status}`);
    const data = await readAtMost(response, MAX_MANIFEST_BYTES);
    if (!data) throw new Error('a manifest is too large');
    const digest = sha256Of(data);
    if (reference.startsWith('sha256:') && reference !== digest)
      throw new Error('a manifest does not match its digest');
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
    return { body: data.toString('utf8'), mediaType, digest };
  }

  /** A blob, checked against its digest (small ones only: payloads and image configs). */
  async blob(digest: string, limit = MAX_BLOB_BYTES): Promise<Buffer> {
    const response = await this.get(`/v2/${this.repository}/blobs/${digest}`, {});
    if (!response.ok) throw new Error(`the registry answered ${response.status} for a blob`);
    const data = await readAtMost(response, limit);
    if (!data) throw new Error('a blob is too large for the console to read');
    if (sha256Of(data) !== digest) throw new Error('a blob does not match its digest');
    return data;
  }

  private async get(path: string, headers: Record<string, string>): Promise<Response> {
    const send = () =>
      fetchWithin(
        `${this.base}${path}`,
        {
          headers: { ...headers, ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
          redirect: 'follow',
        },
        this.timeoutMs,
      );
    let response = await send();
    if (response.status === 401 && !this.token) {
      await response.body?.cancel();
      this.token = await this.authenticate(response.headers.get('www-authenticate') ?? '');
      response = await send();
    }
    return response;
  }

  private async authenticate(challenge: string): Promise<string> {
    const field = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(challenge)?.[1];
    const realm = field('realm');
    if (!realm) throw new Error('the registry asked for an unknown kind of login');
    const url = new URL(realm);
    // The instance's password goes only to the instance's own address, never elsewhere.
    if (url.origin !== new URL(this.base).origin)
      throw new Error(`the registry sent the login to another address (${url.origin})`);
    const service = field('service');
    if (service) url.searchParams.set('service', service);
    url.searchParams.set('scope', `repository:${this.repository}:pull`);
    const basic = Buffer.from(`${this.login.username}:${this.login.password}`).toString('base64');
    const response = await fetchWithin(
      url,
      { headers: { authorization: `Basic ${basic}` } },
      this.timeoutMs,
    );
    if (!response.ok) {
      await response.body?.cancel();
      throw new RegistryRefusal(response.status);
    }
    const body = tokenAnswer.safeParse(await readJson(response, MAX_BLOB_BYTES));
    const token = body.success ? (body.data.token ?? body.data.access_token) : undefined;
    if (!token) throw new Error('the registry issued no token');
    return token;
  }
}

/** Docker's token answer: the token under either of its two names. */
const tokenAnswer = z.object({ token: z.string().optional(), access_token: z.string().optional() });
