import { createHash, createPublicKey, verify } from 'node:crypto';
import { parseJson, signatureTagOf } from '@swr-console/swr-api';
import type { RegistryClient } from '../registry/client.js';
import { HASH_OF, signWith, type KeyRow } from './keys.js';
import { z } from 'zod';

/**
 * Signatures in cosign's layout, which cosign, sigstore's policy controller and containers/image
 * verify: a manifest tagged `sha256-<digest>.sig` in the image's repository, one layer per
 * signature, each layer a "simple signing" payload naming the image and its manifest digest, with
 * the base64 signature of that payload in the layer's annotation.
 */

const SIMPLE_SIGNING_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';
const SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const ZERO_TIME = '0001-01-01T00:00:00Z';

const layerSchema = z.looseObject({
  mediaType: z.string(),
  size: z.number(),
  digest: z.string(),
  annotations: z.record(z.string(), z.string()).optional(),
});
type Layer = z.output<typeof layerSchema>;

/**
 * The layers of a signature manifest the registry holds, every field kept. One it cannot read is
 * an error: signing anew would drop the signatures it holds.
 */
function signatureLayersOf(body: string): Layer[] {
  const json = parseJson(body);
  if (json === undefined) throw new Error('the signature manifest in the registry is not JSON');
  const parsed = z.looseObject({ layers: z.array(layerSchema).default([]) }).safeParse(json);
  if (!parsed.success) throw new Error('the signature manifest in the registry is not readable');
  return parsed.data.layers;
}

export interface SignRequest {
  registry: RegistryClient;
  /** Registry host clients name the image with, e.g. `registry.example.com:443`. */
  host: string;
  /** `namespace/repository`. */
  repository: string;
  digest: string;
  key: KeyRow;
  algorithm: string;
}

export interface SignOutcome {
  tag: string;
  /** Digest and body of the signature manifest, to record. */
  digest: string;
  body: string;
  /** True when the artifact already carried a valid signature by this key. */
  alreadySigned: boolean;
}

const sha256 = (data: Buffer | string) =>
  `sha256:${createHash('sha256').update(data).digest('hex')}`;

/** The payload cosign signs: which image (by repository) and which manifest (by digest). */
function simpleSigningPayload(dockerReference: string, digest: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      critical: {
        identity: { 'docker-reference': dockerReference },
        image: { 'docker-manifest-digest': digest },
        type: 'cosign container image signature',
      },
      optional: null,
    }),
  );
}

/** Whether a base64 signature over the payload verifies with the key (by the algorithm's hash). */
function verifiesWith(
  publicKeyPem: string,
  algorithm: string,
  payload: Buffer,
  signature: string,
): boolean {
  const hash = HASH_OF[algorithm];
  if (!hash) return false;
  try {
    return verify(hash, payload, createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * Signs an artifact: adds a signature layer to its `.sig` manifest (creating it when needed),
 * unless a signature by the same key is there already.
 */
export async function signArtifact(request: SignRequest): Promise<SignOutcome> {
  const { registry, repository, digest, key, algorithm } = request;
  const tag = signatureTagOf(digest);
  const payload = simpleSigningPayload(`${request.host}/${repository}`, digest);
  const payloadDigest = sha256(payload);

  const existing = await registry.getManifest(repository, tag);
  const layers: Layer[] = existing ? signatureLayersOf(existing.body) : [];
  const signedAlready = layers.some(
    (layer) =>
      layer.digest === payloadDigest &&
      verifiesWith(
        key.public_key,
        algorithm,
        payload,
        layer.annotations?.[SIGNATURE_ANNOTATION] ?? '',
      ),
  );
  if (existing && signedAlready)
    return { tag, digest: existing.digest, body: existing.body, alreadySigned: true };

  const signature = signWith(key, algorithm, payload).toString('base64');
  layers.push({
    mediaType: SIMPLE_SIGNING_TYPE,
    size: payload.length,
    digest: payloadDigest,
    annotations: { [SIGNATURE_ANNOTATION]: signature },
  });
  if (!(await registry.hasBlob(repository, payloadDigest)))
    await registry.pushBlob(repository, payloadDigest, payload, payload.length);

  const config = Buffer.from(
    JSON.stringify({
      architecture: '',
      created: ZERO_TIME,
      history: layers.map(() => ({ created: ZERO_TIME })),
      os: '',
      rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.digest) },
      config: {},
    }),
  );
  const configDigest = sha256(config);
  if (!(await registry.hasBlob(repository, configDigest)))
    await registry.pushBlob(repository, configDigest, config, config.length);

  const body = JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: OCI_CONFIG, size: config.length, digest: configDigest },
    layers,
  });
  const written = await registry.putManifest(repository, tag, body, OCI_MANIFEST);
  return { tag, digest: written || sha256(body), body, alreadySigned: false };
}
