import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { MANIFEST_TYPES } from '../domain/manifests.js';

/** swr-local's own calls to a registry carry this agent, so their notifications can be told apart. */
export const INTERNAL_AGENT = 'swr-local-internal';

const ACCEPT = [...MANIFEST_TYPES].join(', ');

/** The registry answered a request with an error the call did not expect. */
export class RegistryError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

/**
 * The registry could not be reached: it is down, and being started again. Worth retrying, unlike
 * what the registry answers.
 */
export class RegistryUnavailable extends Error {
  readonly transient = true;
  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    super('The registry is not answering just now (it is being restarted); try again shortly', {
      cause,
    });
    this.name = 'RegistryUnavailable';
  }
}

export interface FetchedManifest {
  body: string;
  mediaType: string;
  digest: string;
}

/** The Distribution HTTP API of one registry, as swr-local uses it for retag, delete and sync. */
export class RegistryClient {
  constructor(
    readonly url: string,
    private readonly agent = INTERNAL_AGENT,
  ) {}

  private async call(
    path: string,
    init: RequestInit & { duplex?: 'half' } = {},
  ): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('user-agent', this.agent);
    try {
      return await fetch(`${this.url}${path}`, { ...init, headers });
    } catch (error) {
      throw new RegistryUnavailable(this.url, error);
    }
  }

  private async expect(response: Response, ok: number[], what: string): Promise<Response> {
    if (ok.includes(response.status)) return response;
    const text = await response.text().catch(() => '');
    throw new RegistryError(
      response.status,
      `${what} failed with ${response.status}: ${text.slice(0, 300)}`,
    );
  }

  async getManifest(repository: string, reference: string): Promise<FetchedManifest | undefined> {
    const response = await this.call(`/v2/${repository}/manifests/${reference}`, {
      headers: { accept: ACCEPT },
    });
    if (response.status === 404) {
      await response.body?.cancel();
      return undefined;
    }
    await this.expect(response, [200], `GET manifest ${repository}:${reference}`);
    return {
      body: await response.text(),
      mediaType: response.headers.get('content-type') ?? '',
      digest: response.headers.get('docker-content-digest') ?? '',
    };
  }

  async putManifest(
    repository: string,
    reference: string,
    body: string,
    mediaType: string,
  ): Promise<string> {
    const response = await this.expect(
      await this.call(`/v2/${repository}/manifests/${reference}`, {
        method: 'PUT',
        headers: { 'content-type': mediaType },
        body,
      }),
      [201],
      `PUT manifest ${repository}:${reference}`,
    );
    await response.body?.cancel();
    return response.headers.get('docker-content-digest') ?? '';
  }

  /** Deletes a manifest by digest; the registry drops every tag that pointed at it. */
  async deleteManifest(repository: string, digest: string): Promise<void> {
    const response = await this.call(`/v2/${repository}/manifests/${digest}`, { method: 'DELETE' });
    await response.body?.cancel();
    if (response.status !== 202 && response.status !== 404) {
      throw new RegistryError(
        response.status,
        `DELETE manifest ${repository}@${digest} failed with ${response.status}`,
      );
    }
  }

  async hasBlob(repository: string, digest: string): Promise<boolean> {
    const response = await this.call(`/v2/${repository}/blobs/${digest}`, { method: 'HEAD' });
    return response.status === 200;
  }

  async getBlob(repository: string, digest: string): Promise<{ stream: Readable; size: number }> {
    const response = await this.expect(
      await this.call(`/v2/${repository}/blobs/${digest}`),
      [200],
      `GET blob ${digest}`,
    );
    return {
      stream: Readable.fromWeb(response.body! as WebReadableStream),
      size: Number(response.headers.get('content-length') ?? 0),
    };
  }

  /**
   * A whole blob in memory, for the small ones (image configs); undefined when it has more than
   * `limit` bytes, which are never read: whoever pushed it decides its size.
   */
  async readBlob(repository: string, digest: string, limit: number): Promise<Buffer | undefined> {
    const response = await this.expect(
      await this.call(`/v2/${repository}/blobs/${digest}`),
      [200],
      `GET blob ${digest}`,
    );
    const reader = response.body!.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return Buffer.concat(chunks);
      size += value.length;
      if (size > limit) {
        await reader.cancel();
        return undefined;
      }
      chunks.push(value);
    }
  }

  /** Mounts a blob from another repository of the same registry; false when it is not there. */
  async mountBlob(repository: string, digest: string, from: string): Promise<boolean> {
    const response = await this.call(
      `/v2/${repository}/blobs/uploads/?mount=${digest}&from=${from}`,
      { method: 'POST' },
    );
    await response.body?.cancel();
    if (response.status === 201) return true;
    if (response.status === 202) {
      const location = response.headers.get('location');
      if (location)
        await this.call(new URL(location, this.url).pathname, { method: 'DELETE' }).then((r) =>
          r.body?.cancel(),
        );
      return false;
    }
    throw new RegistryError(response.status, `mount of ${digest} failed with ${response.status}`);
  }

  /** Uploads a blob in one request (monolithic upload); the registry checks the digest. */
  async pushBlob(
    repository: string,
    digest: string,
    content: Readable | Buffer,
    size: number,
  ): Promise<void> {
    const start = await this.expect(
      await this.call(`/v2/${repository}/blobs/uploads/`, { method: 'POST' }),
      [202],
      `starting upload of ${digest}`,
    );
    await start.body?.cancel();
    const location = new URL(start.headers.get('location') ?? '', this.url);
    location.searchParams.set('digest', digest);
    const body = Buffer.isBuffer(content)
      ? content
      : (Readable.toWeb(content) as unknown as ReadableStream);
    const done = await this.call(`${location.pathname}${location.search}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(size) },
      body,
      duplex: 'half',
    });
    await this.expect(done, [201], `upload of ${digest}`);
    await done.body?.cancel();
  }
}
