import { createPrivateKey, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { signatureAlgorithmOf, type KeySpec, type KmsKey } from '@swr-console/swr-api';
import type { Db } from '../db/database.js';

/**
 * The key service stand-in: asymmetric signing keys per account and region. The private half is
 * created here, kept here, and only ever used here to sign; the API hands out public keys alone.
 */

export interface KeyRow {
  id: string;
  domain_id: string;
  region: string;
  alias: string;
  spec: string;
  description: string;
  public_key: string;
  private_key: string;
  created_at: string;
}

const CURVES: Partial<Record<KeySpec, string>> = { EC_P256: 'prime256v1', EC_P384: 'secp384r1' };

/** The hash each signature algorithm signs with. */
export const HASH_OF: Record<string, string> = { ECDSA_SHA_256: 'sha256', ECDSA_SHA_384: 'sha384' };

export class KeyProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function createKey(
  db: Db,
  owner: { domainId: string; region: string },
  request: { alias: string; spec: KeySpec; description: string },
  now: Date,
): KeyRow {
  const curve = CURVES[request.spec];
  if (!curve) {
    throw new KeyProblem(
      400,
      `Key spec ${request.spec} is not offered by this sandbox: standard image signature verifiers (cosign, sigstore, containers/image) check ECDSA signatures only. Use EC_P256 or EC_P384.`,
    );
  }
  const exists = db
    .prepare('SELECT 1 FROM kms_keys WHERE domain_id = ? AND region = ? AND alias = ?')
    .get(owner.domainId, owner.region, request.alias);
  if (exists) throw new KeyProblem(400, `A key with the alias "${request.alias}" already exists.`);
  const pair = generateKeyPairSync('ec', { namedCurve: curve });
  const row: KeyRow = {
    id: randomUUID(),
    domain_id: owner.domainId,
    region: owner.region,
    alias: request.alias,
    spec: request.spec,
    description: request.description,
    public_key: pair.publicKey.export({ type: 'spki', format: 'pem' }) as string,
    private_key: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    created_at: String(now.getTime()),
  };
  db.prepare(
    `INSERT INTO kms_keys (id, domain_id, region, alias, spec, description, public_key, private_key, created_at)
     VALUES (@id, @domain_id, @region, @alias, @spec, @description, @public_key, @private_key, @created_at)`,
  ).run(row);
  return row;
}

export function keysOf(db: Db, domainId: string, region: string): KeyRow[] {
  return db
    .prepare('SELECT * FROM kms_keys WHERE domain_id = ? AND region = ? ORDER BY created_at, id')
    .all(domainId, region) as KeyRow[];
}

export function findKey(
  db: Db,
  owner: { domainId: string; region: string },
  id: string,
): KeyRow | undefined {
  return db
    .prepare('SELECT * FROM kms_keys WHERE id = ? AND domain_id = ? AND region = ?')
    .get(id, owner.domainId, owner.region) as KeyRow | undefined;
}

/** Whether a policy's algorithm suits a key: EC_P256 signs ECDSA_SHA_256, EC_P384 ECDSA_SHA_384. */
export function algorithmProblem(key: KeyRow, algorithm: string): string | undefined {
  const expected = signatureAlgorithmOf(key.spec);
  return expected === algorithm
    ? undefined
    : `The key "${key.alias}" is ${key.spec}, which signs with ${expected}, not ${algorithm}.`;
}

/** An ECDSA signature (DER) over the payload, with the hash the algorithm names. */
export function signWith(key: KeyRow, algorithm: string, payload: Buffer): Buffer {
  const hash = HASH_OF[algorithm];
  if (!hash) throw new Error(`unsupported signature algorithm ${algorithm}`);
  return sign(hash, payload, createPrivateKey(key.private_key));
}

export function toKmsKey(key: KeyRow): KmsKey {
  return {
    key_id: key.id,
    domain_id: key.domain_id,
    key_alias: key.alias,
    realm: key.region,
    key_spec: key.spec,
    key_usage: 'SIGN_VERIFY',
    key_description: key.description,
    creation_date: key.created_at,
    scheduled_deletion_date: '',
    key_state: '2',
    default_key_flag: '0',
    key_type: '1',
    origin: 'kms',
  };
}
