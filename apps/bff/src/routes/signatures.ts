import { createPublicKey, verify } from 'node:crypto';
import { bffOperations } from '@swr-console/contracts/bff/schemas';
import {
  signatureTagOf,
  kmsKey,
  parseJson,
  signatureAlgorithmOf,
  type ArtifactSignatures,
  type SignatureCheck,
} from '@swr-console/swr-api';
import { Router } from 'express';
import { z } from 'zod';
import {
  fromSwr,
  instanceLogin,
  readAs,
  regionUpstream,
  swrClientOf,
  type RegionUpstream,
} from '../auth/clients.js';
import { RegistryReader } from '../registry/reader.js';
import { HttpProblem, titleOf } from '../problem.js';
import type { Topology } from '../regions.js';
import { requireSignIn } from '../security.js';
import type { Sessions } from '../session/sessions.js';
import { checked, reply, serve } from './contract.js';

/**
 * `GET /api/signatures/{region}`: whether artifacts of an Enterprise repository carry cosign
 * signatures, and whether each verifies with one of the account's keys. The BFF reads the
 * signatures from the instance's registry and checks them itself with the public keys of the key
 * service; nothing the registry or SWR says about "signed" is taken on trust.
 */

const SIMPLE_SIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json';
const SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
const HASHES: Record<string, string> = { ECDSA_SHA_256: 'sha256', ECDSA_SHA_384: 'sha384' };

interface PublicKey {
  id: string;
  alias: string;
  algorithm: string;
  pem: string;
}

export interface SignatureOptions {
  topology: Topology;
  sessions: Sessions;
  timeoutMs: number;
  /** Registries spoken to over plain HTTP (the sandbox). */
  insecureRegistries: boolean;
}

const KMS = { name: 'The key service', unreadable: 'KMS_UNREADABLE' };

const listedKeys = z.object({
  key_details: z.array(kmsKey.pick({ key_id: true, key_alias: true, key_spec: true })).default([]),
});
const shownKey = z.object({ public_key: z.string().optional() });

/** Every signing key of the account in the region, with its public half. */
async function publicKeys(upstream: RegionUpstream): Promise<PublicKey[]> {
  const kms = swrClientOf(upstream, 'kms');
  const path = { project_id: upstream.projectId };
  const listed = readAs(
    listedKeys,
    (await fromSwr(kms.request('ListKeys', { path, body: {} }), KMS)).data,
    KMS,
  );
  const keys: PublicKey[] = [];
  for (const key of listed.key_details) {
    const algorithm = signatureAlgorithmOf(key.key_spec);
    if (!algorithm || !HASHES[algorithm]) continue;
    const shown = readAs(
      shownKey,
      (await fromSwr(kms.request('ShowPublicKey', { path, body: { key_id: key.key_id } }), KMS))
        .data,
      KMS,
    );
    if (shown.public_key)
      keys.push({ id: key.key_id, alias: key.key_alias, algorithm, pem: shown.public_key });
  }
  return keys;
}

/** What a cosign "simple signing" payload says it signed. */
const payloadSchema = z.object({
  critical: z
    .object({
      identity: z.object({ 'docker-reference': z.string().optional() }).optional(),
      image: z.object({ 'docker-manifest-digest': z.string().optional() }).optional(),
      type: z.string().optional(),
    })
    .optional(),
});

/** The layers of a signature manifest, as far as finding signatures needs. */
const signatureManifest = z.object({
  layers: z
    .array(
      z.object({
        mediaType: z.string().optional(),
        digest: z.string(),
        annotations: z.record(z.string(), z.string()).optional(),
      }),
    )
    .default([]),
});

/** Checks one signature layer: the payload names this image and a key of the account signed it. */
function checkLayer(
  payload: Buffer,
  signature: string,
  expected: { digest: string; repository: string },
  keys: PublicKey[],
): SignatureCheck {
  const read = payloadSchema.safeParse(parseJson(payload.toString('utf8')));
  if (!read.success) return { verified: false, problem: 'The signed payload is not JSON.' };
  const parsed = read.data;
  if (parsed.critical?.type !== 'cosign container image signature')
    return { verified: false, problem: 'The payload is not a cosign image signature.' };
  if (parsed.critical.image?.['docker-manifest-digest'] !== expected.digest)
    return { verified: false, problem: 'The signature is for another image digest.' };
  const reference = parsed.critical.identity?.['docker-reference'] ?? '';
  if (!reference.endsWith(`/${expected.repository}`))
    return { verified: false, problem: `The signature names another repository (${reference}).` };
  for (const key of keys) {
    try {
      const ok = verify(
        HASHES[key.algorithm]!,
        payload,
        createPublicKey(key.pem),
        Buffer.from(signature, 'base64'),
      );
      if (ok)
        return { verified: true, keyId: key.id, keyAlias: key.alias, algorithm: key.algorithm };
    } catch {
      // a malformed signature verifies with no key
    }
  }
  return {
    verified: false,
    problem:
      keys.length === 0
        ? 'The account has no signing keys in this region to check it with.'
        : 'No signing key of the account in this region verifies it.',
  };
}

async function checkSignatures(
  reader: Pick<RegistryReader, 'manifest' | 'blob'>,
  digests: string[],
  expected: { repository: string },
  keys: PublicKey[],
): Promise<ArtifactSignatures[]> {
  const results: ArtifactSignatures[] = [];
  for (const digest of digests) {
    const manifest = await reader.manifest(signatureTagOf(digest));
    if (!manifest) {
      results.push({ digest, signed: false, verified: false, signatures: [] });
      continue;
    }
    const read = signatureManifest.safeParse(parseJson(manifest));
    if (!read.success) throw new Error('a signature manifest is not an image manifest');
    const layers = read.data.layers;
    const signatures: SignatureCheck[] = [];
    for (const layer of layers.filter((l) => l.mediaType === SIMPLE_SIGNING)) {
      const signature = layer.annotations?.[SIGNATURE_ANNOTATION];
      if (!signature) {
        signatures.push({ verified: false, problem: 'A signature layer carries no signature.' });
        continue;
      }
      try {
        const payload = await reader.blob(layer.digest);
        signatures.push(checkLayer(payload, signature, { digest, ...expected }, keys));
      } catch (error) {
        signatures.push({ verified: false, problem: `Not readable: ${(error as Error).message}.` });
      }
    }
    results.push({
      digest,
      signed: signatures.length > 0,
      verified: signatures.some((s) => s.verified),
      signatures,
    });
  }
  return results;
}

export function signatureRoutes(options: SignatureOptions): Router {
  const router = Router();
  serve(router, 'CheckSignatures', requireSignIn(), async (req, res) => {
    const {
      instance,
      namespace,
      repository,
      digest: digests,
    } = checked(bffOperations.CheckSignatures.query, req.query, {
      detail: 'Some parameters need attention.',
    });
    const upstream = await regionUpstream(res, options, String(req.params.region));
    const login = await instanceLogin(upstream, instance);
    const keys = await publicKeys(upstream);
    const base = `${options.insecureRegistries ? 'http' : 'https'}://${login.registry}`;
    const reader = new RegistryReader(
      base,
      `${namespace}/${repository}`,
      { username: login.username, password: login.password },
      options.timeoutMs,
    );
    let artifacts: ArtifactSignatures[];
    try {
      artifacts = await checkSignatures(
        reader,
        digests,
        { repository: `${namespace}/${repository}` },
        keys,
      );
    } catch (error) {
      throw new HttpProblem(
        502,
        titleOf(502),
        `The instance registry: ${(error as Error).message}.`,
        {
          code: 'REGISTRY_UNREADABLE',
        },
      );
    }
    reply(res, 'CheckSignatures', { artifacts });
  });
  return router;
}
