import { createHash, createPublicKey, verify } from 'node:crypto';
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
import { fetchWithin, readAtMost, readJson } from '../auth/upstream.js';
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
const MAX_BLOB_BYTES = 64 * 1024;
/** OCI's own limit for a manifest a registry must accept. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

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

  /** A blob, checked against its digest (small ones only: signature payloads). */
  async blob(digest: string): Promise<Buffer> {
    const response = await this.get(`/v2/${this.repository}/blobs/${digest}`, {});
    if (!response.ok) throw new Error(`the registry answered ${response.status} for a blob`);
    const data = await readAtMost(response, MAX_BLOB_BYTES);
    if (!data) throw new Error('a signature payload is too large');
    if (`sha256:${createHash('sha256').update(data).digest('hex')}` !== digest)
      throw new Error('a signature payload does not match its digest');
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
    if (!response.ok) throw new Error(`the registry refused the login (${response.status})`);
    const body = tokenAnswer.safeParse(await readJson(response, MAX_BLOB_BYTES));
    const token = body.success ? (body.data.token ?? body.data.access_token) : undefined;
    if (!token) throw new Error('the registry issued no token');
    return token;
  }
}

/** Docker's token answer: the token under either of its two names. */
const tokenAnswer = z.object({ token: z.string().optional(), access_token: z.string().optional() });

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
