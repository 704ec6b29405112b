import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** What a session holds to act for its user: an access key pair, or IAM tokens per region. */
export type Credentials =
  | { kind: 'aksk'; accessKey: string; secretKey: string }
  | { kind: 'token'; tokens: Record<string, { token: string; expiresAt: string }> };

/**
 * AES-256-GCM over the credentials, bound to the session id (additional data), so a sealed vault
 * neither reads nor moves to another session. Anything that does not authenticate fails closed.
 */
const MEMO_SIZE = 10_000;

export class Vault {
  /** Opened vaults by session id and sealed text: every proxied call needs them, decrypting once is enough. */
  private readonly opened = new Map<string, Credentials>();

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('The credentials key must be 32 bytes');
  }

  seal(sessionId: string, credentials: Credentials): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(sessionId));
    const data = Buffer.concat([
      cipher.update(JSON.stringify(credentials), 'utf8'),
      cipher.final(),
    ]);
    return [
      'v1',
      iv.toString('base64url'),
      data.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
    ].join('.');
  }

  open(sessionId: string, sealed: string): Credentials | undefined {
    const memo = `${sessionId}\n${sealed}`;
    const known = this.opened.get(memo);
    if (known) return known;
    const credentials = this.decrypt(sessionId, sealed);
    if (credentials) {
      if (this.opened.size >= MEMO_SIZE) this.opened.delete(this.opened.keys().next().value!);
      this.opened.set(memo, credentials);
    }
    return credentials;
  }

  private decrypt(sessionId: string, sealed: string): Credentials | undefined {
    const [version, iv, data, tag] = sealed.split('.');
    if (version !== 'v1' || !iv || !data || !tag) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(sessionId));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      const plain = Buffer.concat([
        decipher.update(Buffer.from(data, 'base64url')),
        decipher.final(),
      ]);
      return JSON.parse(plain.toString('utf8')) as Credentials;
    } catch {
      return undefined;
    }
  }
}
