/**
 * What the BFF answers about an artifact's cosign signatures (`GET /api/signatures/{region}`),
 * after checking each with the account's public keys. Types only, for the BFF and the console.
 */
export interface SignatureCheck {
  /** The key that verified it, when one did. */
  keyId?: string;
  keyAlias?: string;
  algorithm?: string;
  verified: boolean;
  /** Why it did not verify. */
  problem?: string;
}

export interface ArtifactSignatures {
  digest: string;
  signed: boolean;
  /** True when at least one signature verified with a key of the account. */
  verified: boolean;
  signatures: SignatureCheck[];
}
