import { createHash } from 'node:crypto';
import { bundleFromJSON } from '@sigstore/bundle';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';

/**
 * Checks a cosign signature the way `cosign verify --key` does, with sigstore's own verifier for
 * the cryptography: the signature over the simple-signing payload must verify with the public key,
 * and the payload must name the image's manifest digest and repository.
 */
export interface CosignLayer {
  payload: Buffer;
  /** Base64 signature from the `dev.cosignproject.cosign/signature` annotation. */
  signature: string;
}

const HASHES = { sha256: 'SHA2_256', sha384: 'SHA2_384' } as const;

function sigstoreVerifies(
  layer: CosignLayer,
  publicKeyPem: string,
  hash: keyof typeof HASHES,
): boolean {
  const bundle = bundleFromJSON({
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: {
      publicKey: { hint: 'image-signing-key' },
      tlogEntries: [],
      timestampVerificationData: { rfc3161Timestamps: [] },
    },
    messageSignature: {
      messageDigest: {
        algorithm: HASHES[hash],
        digest: createHash(hash).update(layer.payload).digest('base64'),
      },
      signature: layer.signature,
    },
  });
  const trust = toTrustMaterial(
    { certificateAuthorities: [], timestampAuthorities: [], tlogs: [], ctlogs: [] } as never,
    { 'image-signing-key': { rawBytes: publicKeyPem } } as never,
  );
  const verifier = new Verifier(trust, {
    tlogThreshold: 0,
    ctlogThreshold: 0,
    timestampThreshold: 0,
  });
  try {
    verifier.verify(toSignedEntity(bundle, layer.payload));
    return true;
  } catch {
    return false;
  }
}

export function cosignVerifies(
  layers: CosignLayer[],
  expected: { digest: string; reference: string },
  publicKeyPem: string,
  hash: keyof typeof HASHES,
): boolean {
  return layers.some((layer) => {
    if (!sigstoreVerifies(layer, publicKeyPem, hash)) return false;
    const payload = JSON.parse(layer.payload.toString()) as {
      critical?: {
        identity?: { 'docker-reference'?: string };
        image?: { 'docker-manifest-digest'?: string };
        type?: string;
      };
    };
    return (
      payload.critical?.type === 'cosign container image signature' &&
      payload.critical.image?.['docker-manifest-digest'] === expected.digest &&
      payload.critical.identity?.['docker-reference'] === expected.reference
    );
  });
}
