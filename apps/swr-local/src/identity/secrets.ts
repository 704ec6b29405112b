import { createHash, randomBytes, randomInt, scryptSync, timingSafeEqual } from 'node:crypto';

const ALNUM_UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** Ids in the form Huawei Cloud uses for domains, users and projects: 32 lower-case hex digits. */
export function newId(): string {
  return randomBytes(16).toString('hex');
}

export function newAccessKey(): string {
  return randomString(ALNUM_UPPER, 20);
}

export function newSecretKey(): string {
  return randomString(ALNUM, 40);
}

export function newPassword(): string {
  return `${randomString(ALNUM, 16)}!9a`;
}

export function newToken(): string {
  return `MIIswr${randomBytes(48).toString('base64url')}`;
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, 32);
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(password, Buffer.from(salt, 'base64'), expected.length);
  return timingSafeEqual(actual, expected);
}
