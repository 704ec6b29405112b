import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Vault, type Credentials } from './vault.js';

const credentials: Credentials = { kind: 'aksk', accessKey: 'AK', secretKey: 'SK-secret' };

describe('the credentials vault', () => {
  const vault = new Vault(randomBytes(32));

  it('when sealed and opened for the same session, then the credentials come back, not readable in between', () => {
    const sealed = vault.seal('session-a', credentials);
    expect(sealed).not.toContain('SK-secret');
    expect(vault.open('session-a', sealed)).toEqual(credentials);
  });

  it('when sealed twice, then the texts differ (fresh IV)', () => {
    expect(vault.seal('s', credentials)).not.toBe(vault.seal('s', credentials));
  });

  it('when opened for another session, with another key, or after any change, then nothing opens', () => {
    const sealed = vault.seal('session-a', credentials);
    expect(vault.open('session-b', sealed)).toBeUndefined();
    expect(new Vault(randomBytes(32)).open('session-a', sealed)).toBeUndefined();
    const [version, iv, data, tag] = sealed.split('.') as [string, string, string, string];
    const flip = (s: string) => s.slice(0, -2) + (s.at(-2) === 'A' ? 'B' : 'A') + s.at(-1);
    for (const tampered of [
      `${version}.${flip(iv)}.${data}.${tag}`,
      `${version}.${iv}.${flip(data)}.${tag}`,
      `${version}.${iv}.${data}.${flip(tag)}`,
      'v2.x.y.z',
      'garbage',
    ]) {
      expect(vault.open('session-a', tampered)).toBeUndefined();
    }
  });

  it('when the key is not 32 bytes, then it refuses to start', () => {
    expect(() => new Vault(randomBytes(16))).toThrow(/32 bytes/);
  });
});
