import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { RemoteRegistryError } from './errors.js';

/**
 * Passes a blob's bytes through while counting and hashing them: more than `size` bytes fail at
 * once (before the extra bytes go anywhere), fewer or other bytes fail at the end, before the
 * stream ends; so an upload with this body never completes with the wrong content.
 */
export class VerifiedBlob extends Transform {
  private received = 0;
  private readonly hash: Hash;

  constructor(
    private readonly digest: string,
    private readonly size: number,
  ) {
    super();
    this.hash = createHash(digest.slice(0, digest.indexOf(':')));
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.size)
      return callback(
        new RemoteRegistryError(
          undefined,
          'SIZE_MISMATCH',
          `The blob ${this.digest} has more than the ${this.size} bytes it should have`,
        ),
      );
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.received !== this.size)
      return callback(
        new RemoteRegistryError(
          undefined,
          'SIZE_MISMATCH',
          `The blob ${this.digest} has ${this.received} bytes, not ${this.size}`,
        ),
      );
    const actual = `${this.digest.slice(0, this.digest.indexOf(':'))}:${this.hash.digest('hex')}`;
    if (actual !== this.digest)
      return callback(
        new RemoteRegistryError(
          undefined,
          'DIGEST_MISMATCH',
          `The blob ${this.digest} has the content of ${actual}`,
        ),
      );
    callback();
  }
}
