import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseJson } from '@swr-console/swr-api';
import { z } from 'zod';
import { isDigest, readManifest } from '../domain/manifests.js';
import { INTERNAL_AGENT } from '../registry/client.js';
import {
  discard,
  errorFromResponse,
  expectStatus,
  readBytes,
  readText,
  RemoteRegistryError,
} from './errors.js';
import { pingAnswer, pingFailure, type PingResult } from './ping.js';
import {
  checkDigest,
  checkReference,
  checkRepository,
  pull,
  pushPull,
  RegistryHttp,
  type CallOptions,
  type RemoteRegistryOptions,
} from './registry-http.js';
import { VerifiedBlob } from './verified-blob.js';

export type { CallOptions, PingResult, RemoteRegistryOptions };

export interface RemoteManifest {
  /** The digest of `body`: what the same bytes are known by in any registry. */
  digest: string;
  mediaType: string;
  body: Buffer;
}

export interface RemoteBlob {
  /** From Content-Length; undefined when the registry did not say. */
  size: number | undefined;
  /** Must be read or destroyed: it holds a connection. */
  stream: Readable;
}

export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];

/** Distribution refuses larger manifests; a registry that sends more is not read further. */
const MANIFEST_LIMIT = 4 * 1024 * 1024;
const TAGS_PAGE_LIMIT = 8 * 1024 * 1024;
const MAX_TAG_PAGES = 10_000;
/** The most entries a list (tags, catalog) may have: a registry decides how long it goes on. */
export const MAX_LISTED = 100_000;

const listPage = (key: 'tags' | 'repositories') =>
  z.object({ [key]: z.array(z.string()).nullish() });

export function digestOf(body: Buffer, algorithm = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(body).digest('hex')}`;
}

/**
 * A registry that speaks the Docker Registry HTTP API v2 (OCI distribution): another Enterprise
 * instance, SWR Basic, Harbor, a plain Distribution. Anonymous until the registry challenges; then
 * Basic, or Bearer tokens from its token service, cached per scope.
 */
export class RemoteRegistry {
  readonly url: string;
  private readonly http: RegistryHttp;

  constructor(options: RemoteRegistryOptions) {
    this.http = new RegistryHttp(options);
    this.url = this.http.url;
  }

  /** Frees its kept-alive connections. */
  close(): void {
    this.http.close();
  }

  /** Whether the registry answers as one, and takes the credentials: the console's test connection. */
  async ping(options: CallOptions = {}): Promise<PingResult> {
    let response: IncomingMessage;
    try {
      response = await this.http.request({
        method: 'GET',
        url: this.http.at('/v2/'),
        scopes: [],
        signal: options.signal,
      });
    } catch (error) {
      if (error instanceof RemoteRegistryError && error.code === 'ABORTED') throw error;
      return pingFailure(error, this.url);
    }
    discard(response);
    return pingAnswer(response, this.http.auth.hasCredentials, this.url);
  }

  /** Every tag of a repository, page after page (`Link: <…>; rel="next"`); none when it is unknown. */
  async listTags(
    repository: string,
    options: CallOptions & { pageSize?: number } = {},
  ): Promise<string[]> {
    checkRepository(repository);
    return this.pagedList(`/v2/${repository}/tags/list`, 'tags', [pull(repository)], options, {
      what: `the tags of ${repository}`,
      missing: [],
    });
  }

  /**
   * Every repository of the registry (`/v2/_catalog`), for pull replication's name filter. A
   * registry that keeps its catalog to itself (Docker Hub, some Harbors) answers 401 or 404.
   */
  async catalog(options: CallOptions & { pageSize?: number } = {}): Promise<string[]> {
    return this.pagedList('/v2/_catalog', 'repositories', ['registry:catalog:*'], options, {
      what: 'the repositories',
    });
  }

  /** A list the registry pages with `Link: <…>; rel="next"`, gathered whole. */
  private async pagedList(
    path: string,
    key: 'tags' | 'repositories',
    scopes: string[],
    options: CallOptions & { pageSize?: number },
    read: { what: string; missing?: string[] },
  ): Promise<string[]> {
    let url: URL | undefined = this.http.at(path);
    if (options.pageSize) url.searchParams.set('n', String(options.pageSize));
    const items: string[] = [];
    const seen = new Set<string>();
    const what = `Listing ${read.what} at ${this.url}`;
    while (url) {
      if (seen.has(url.href) || seen.size >= MAX_TAG_PAGES)
        throw new RemoteRegistryError(200, 'INVALID_RESPONSE', `${what}: the list never ends`);
      seen.add(url.href);
      const response = await this.http.request({
        method: 'GET',
        url,
        scopes,
        signal: options.signal,
      });
      if (response.statusCode === 404 && seen.size === 1 && read.missing) {
        discard(response);
        return read.missing;
      }
      if (response.statusCode !== 200) throw await errorFromResponse(response, what);
      const page = listPage(key).safeParse(
        parseJson((await readText(response, TAGS_PAGE_LIMIT)) ?? ''),
      );
      if (!page.success)
        throw new RemoteRegistryError(200, 'INVALID_RESPONSE', `${what}: not a list of ${key}`);
      for (const item of page.data[key] ?? []) items.push(item);
      if (items.length > MAX_LISTED)
        throw new RemoteRegistryError(
          200,
          'INVALID_RESPONSE',
          `${what}: more than ${MAX_LISTED} ${key}, more than swr-local reads`,
        );
      url = this.http.nextPage([response.headers.link ?? []].flat().join(','), url);
    }
    return items;
  }

  /** A manifest by tag or digest, as its exact bytes; undefined when there is none. */
  async manifest(
    repository: string,
    reference: string,
    options: CallOptions = {},
  ): Promise<RemoteManifest | undefined> {
    checkRepository(repository);
    checkReference(reference);
    const what = `Reading the manifest ${repository}:${reference} at ${this.url}`;
    const response = await this.http.request({
      method: 'GET',
      url: this.http.at(`/v2/${repository}/manifests/${reference}`),
      headers: { accept: MANIFEST_ACCEPT.join(', ') },
      scopes: [pull(repository)],
      signal: options.signal,
    });
    if (response.statusCode === 404) {
      discard(response);
      return undefined;
    }
    if (response.statusCode !== 200) throw await errorFromResponse(response, what);
    const body = await readBytes(response, MANIFEST_LIMIT);
    if (!body) throw new RemoteRegistryError(200, 'MANIFEST_INVALID', `${what}: larger than 4 MiB`);
    const algorithm = isDigest(reference) ? reference.slice(0, reference.indexOf(':')) : 'sha256';
    const digest = digestOf(body, algorithm);
    if (isDigest(reference) && digest !== reference)
      throw new RemoteRegistryError(200, 'DIGEST_MISMATCH', `${what}: its content is ${digest}`);
    // A content type that names no manifest kind (`application/json`) gives way to the body's.
    const declared = response.headers['content-type']?.split(';')[0]?.trim();
    return { digest, mediaType: readManifest(body.toString('utf8'), declared).mediaType, body };
  }

  /** The digest a tag (or digest) points at, by HEAD; undefined when there is none. */
  async manifestDigest(
    repository: string,
    reference: string,
    options: CallOptions = {},
  ): Promise<string | undefined> {
    checkRepository(repository);
    checkReference(reference);
    const response = await this.http.request({
      method: 'HEAD',
      url: this.http.at(`/v2/${repository}/manifests/${reference}`),
      headers: { accept: MANIFEST_ACCEPT.join(', ') },
      scopes: [pull(repository)],
      signal: options.signal,
    });
    const what = `Checking ${repository}:${reference} at ${this.url}`;
    if ((await expectStatus(response, [200, 404], what)) === 404) return undefined;
    const digest = response.headers['docker-content-digest'];
    if (typeof digest === 'string' && isDigest(digest)) return digest;
    // The header is a SHOULD; without it, the bytes tell.
    return (await this.manifest(repository, reference, options))?.digest;
  }

  async hasBlob(repository: string, digest: string, options: CallOptions = {}): Promise<boolean> {
    checkRepository(repository);
    checkDigest(digest);
    const response = await this.http.request({
      method: 'HEAD',
      url: this.http.at(`/v2/${repository}/blobs/${digest}`),
      scopes: [pull(repository)],
      followRedirects: true,
      signal: options.signal,
    });
    const what = `Checking the blob ${digest} at ${this.url}`;
    return (await expectStatus(response, [200, 404], what)) === 200;
  }

  /** A blob as a stream, following a redirect to where the registry keeps it. */
  async getBlob(
    repository: string,
    digest: string,
    options: CallOptions = {},
  ): Promise<RemoteBlob> {
    checkRepository(repository);
    checkDigest(digest);
    const response = await this.http.request({
      method: 'GET',
      url: this.http.at(`/v2/${repository}/blobs/${digest}`),
      scopes: [pull(repository)],
      followRedirects: true,
      signal: options.signal,
    });
    if (response.statusCode !== 200)
      throw await errorFromResponse(response, `Reading the blob ${digest} of ${repository}`);
    const length = Number(response.headers['content-length']);
    return {
      size: Number.isSafeInteger(length) && length >= 0 ? length : undefined,
      stream: response,
    };
  }

  /**
   * Uploads a blob in one request (POST, then PUT ?digest= with its length). The bytes are counted
   * and hashed on the way: a stream that is shorter, longer or other than `digest` fails the
   * upload before the registry takes it.
   */
  async putBlob(
    repository: string,
    digest: string,
    size: number,
    content: Readable,
    options: CallOptions = {},
  ): Promise<void> {
    checkRepository(repository);
    checkDigest(digest);
    const what = `Uploading the blob ${digest} to ${repository} at ${this.url}`;
    let upload: URL;
    try {
      upload = await this.startUpload(repository, what, options);
    } catch (error) {
      content.destroy();
      throw error;
    }
    upload.searchParams.set('digest', digest);
    const verified = new VerifiedBlob(digest, size);
    pipeline(content, verified).catch(() => undefined); // the upload below fails with the cause
    try {
      const response = await this.http.request({
        method: 'PUT',
        url: upload,
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(size) },
        body: verified,
        scopes: [pushPull(repository)],
        signal: options.signal,
      });
      await expectStatus(response, [201, 204], what);
    } catch (error) {
      verified.destroy();
      content.destroy();
      await this.http.cancelUpload(upload, repository);
      throw error;
    }
  }

  /** Mounts a blob another repository of this registry has: true when done, false to upload it. */
  async mountBlob(
    repository: string,
    digest: string,
    fromRepository: string,
    options: CallOptions = {},
  ): Promise<boolean> {
    checkRepository(repository);
    checkRepository(fromRepository);
    checkDigest(digest);
    const url = this.http.at(`/v2/${repository}/blobs/uploads/`);
    url.searchParams.set('mount', digest);
    url.searchParams.set('from', fromRepository);
    const response = await this.http.request({
      method: 'POST',
      url,
      scopes: [pushPull(repository), pull(fromRepository)],
      signal: options.signal,
    });
    const what = `Mounting ${digest} from ${fromRepository} at ${this.url}`;
    if ((await expectStatus(response, [201, 202], what)) === 201) return true;
    // The registry opened an upload instead; it is not used.
    const location = response.headers.location;
    if (location) await this.http.cancelUpload(this.http.uploadUrl(location), repository);
    return false;
  }

  /** Writes a manifest as these exact bytes; resolves with its digest. */
  async putManifest(
    repository: string,
    reference: string,
    mediaType: string,
    body: Buffer,
    options: CallOptions = {},
  ): Promise<string> {
    checkRepository(repository);
    checkReference(reference);
    const response = await this.http.request({
      method: 'PUT',
      url: this.http.at(`/v2/${repository}/manifests/${reference}`),
      headers: { 'content-type': mediaType },
      body,
      scopes: [pushPull(repository)],
      signal: options.signal,
    });
    await expectStatus(response, [201], `Writing the manifest ${repository}:${reference}`);
    const digest = response.headers['docker-content-digest'];
    return typeof digest === 'string' && isDigest(digest) ? digest : digestOf(body);
  }

  private async startUpload(repository: string, what: string, options: CallOptions): Promise<URL> {
    const response = await this.http.request({
      method: 'POST',
      url: this.http.at(`/v2/${repository}/blobs/uploads/`),
      scopes: [pushPull(repository)],
      signal: options.signal,
    });
    await expectStatus(response, [202], what);
    return this.http.uploadUrl(response.headers.location);
  }
}

/**
 * One of swr-local's own registries (a Distribution process on loopback, as `RegistryProcess.url`
 * gives it): unauthenticated, with swr-local's agent so that the registry's notifications of what
 * is written are told apart from users' pushes, and with upload locations taken as paths (the
 * registry names its front's host in them).
 */
export function ownRegistry(url: string): RemoteRegistry {
  return new RemoteRegistry({
    url,
    headers: { 'user-agent': INTERNAL_AGENT },
    rebaseLocations: true,
  });
}
