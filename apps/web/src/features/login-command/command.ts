import type { LoginCommandRequest, LoginKind } from './api';

/** The durations a temporary login offers, in seconds: 15 min, 1 h, 6 h, 12 h, 24 h. */
export const DURATIONS = [900, 3_600, 21_600, 43_200, 86_400] as const;
export const DEFAULT_DURATION = 21_600;

export interface LoginCommandInput {
  region: string;
  kind: LoginKind;
  durationSeconds: number;
}

/** Long-term logins are derived from an access key, so a password session cannot have one. */
export function canUseLongTerm(method: 'aksk' | 'password'): boolean {
  return method === 'aksk';
}

export function toRequest(
  input: LoginCommandInput,
  method: 'aksk' | 'password',
): LoginCommandRequest {
  if (input.kind === 'long-term' && canUseLongTerm(method))
    return { region: input.region, kind: 'long-term' };
  return { region: input.region, kind: 'temporary', durationSeconds: input.durationSeconds };
}

export const MASK = '••••••';

/**
 * The command with the password hidden, wherever it appears: bare, or shell-quoted (where a "'"
 * becomes "'\''"), including ctr's "user:password".
 */
export function maskPassword(command: string, password: string): string {
  if (password === '') return command;
  const forms = new Set([password.replaceAll("'", `'\\''`), password]);
  let masked = command;
  for (const form of forms) masked = masked.replaceAll(form, MASK);
  return masked;
}

/** SWR's expiry header as a date: an ISO time, or epoch seconds or milliseconds. */
export function expiryDate(expiresAt: string | undefined): Date | undefined {
  if (!expiresAt) return undefined;
  const trimmed = expiresAt.trim();
  const date = /^\d+$/.test(trimmed)
    ? new Date(Number(trimmed) < 1e12 ? Number(trimmed) * 1000 : Number(trimmed))
    : new Date(trimmed);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
