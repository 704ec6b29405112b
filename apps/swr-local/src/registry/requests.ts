import type { IncomingMessage } from 'node:http';
import { isDigest } from '../domain/manifests.js';

/** Reading what a registry client sends the front: the request target, references and bodies. */

/**
 * The request target as a URL, when it is a path (origin form); undefined for anything else a
 * client may send: `*`, an absolute URL, `//host…`, or something no URL parser takes.
 */
export function originForm(target: string | undefined, base: string): URL | undefined {
  if (!target?.startsWith('/') || target.startsWith('//')) return undefined;
  try {
    return new URL(target, base);
  } catch {
    return undefined;
  }
}

/**
 * `/v2/<name>/manifests/<reference>`, `/v2/<name>/blobs/<digest>`, `/v2/<name>/blobs/uploads/[id]`
 * and `/v2/<name>/tags/list`. The name is the longest that leaves one of those, as Distribution's
 * routes read it, so a repository may be called `tags`, `blobs` or `manifests`
 * (`/v2/team/tags/blobs/…` is a blob of `team/tags`, not a listing of `team`).
 */
const IMAGE_PATH =
  /^\/v2\/(.+)\/(?:(manifests)(\/[^/]*)|(blobs)(\/uploads\/[^/]*|\/[^/]*)|(tags)(\/list))$/;

/** The repository name, what of it is asked for, and the rest (`/reference`, …) of an image path. */
export function imagePathOf(
  pathname: string,
): { name: string; kind: 'manifests' | 'blobs' | 'tags'; rest: string } | undefined {
  const match = IMAGE_PATH.exec(pathname);
  if (!match) return undefined;
  return {
    name: match[1]!,
    kind: (match[2] ?? match[4] ?? match[6]) as 'manifests' | 'blobs' | 'tags',
    rest: (match[3] ?? match[5] ?? match[7])!,
  };
}

/** Distribution's grammar for a tag and for an upload's id. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const UPLOAD = /^uploads\/(?:[A-Za-z0-9_.=-]+)?$/;

/**
 * What is wrong with a manifest reference, a blob digest or an upload id, in Distribution's words;
 * checked here, so that the registry never meets one it would fail on.
 */
export function invalidReference(
  kind: string,
  rest: string,
): { code: string; message: string } | undefined {
  const reference = rest.slice(1);
  if (kind === 'manifests') {
    if (reference.includes(':'))
      return isDigest(reference)
        ? undefined
        : { code: 'DIGEST_INVALID', message: 'the digest is not valid' };
    return TAG.test(reference)
      ? undefined
      : { code: 'TAG_INVALID', message: 'the tag is not valid' };
  }
  if (kind === 'blobs') {
    if (reference === 'uploads' || reference.startsWith('uploads/'))
      return UPLOAD.test(reference)
        ? undefined
        : { code: 'BLOB_UPLOAD_UNKNOWN', message: 'the upload is not known' };
    if (!isDigest(reference)) return { code: 'DIGEST_INVALID', message: 'the digest is not valid' };
  }
  return undefined;
}

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
