import {
  LT_CREDENTIAL_NAME_PATTERN,
  NAME_RULES,
  lengthProblem,
  nameProblem,
  type NameProblem,
} from '@swr-console/swr-api';

/**
 * The long-term credentials page's rules, apart from its components: what is wrong with a typed
 * name, and whether a credential was used recently enough that disabling or deleting it will
 * break someone's logins.
 */

/** Long-term credentials share the Enterprise names' length limit (1–64 characters). */
export const CREDENTIAL_NAME_MAX = NAME_RULES.enterprise.max;

/**
 * What is wrong with a credential's name, or undefined when the contract accepts it. The
 * contract's own pattern decides; the Enterprise name checker (the same grammar) only finds the
 * words for what it refuses, and says "does not follow the rules" when it cannot.
 */
export function credentialNameProblem(name: string): NameProblem | undefined {
  if (name === '') return { kind: 'empty' };
  const tooLong = lengthProblem(name, CREDENTIAL_NAME_MAX);
  if (tooLong) return tooLong;
  if (LT_CREDENTIAL_NAME_PATTERN.test(name)) return undefined;
  return nameProblem('enterprise', name) ?? { kind: 'pattern' };
}

/** How far back a last use still counts as recent: someone may be logging in with it today. */
export const RECENT_USE_MS = 24 * 60 * 60 * 1000;

/**
 * How long ago a credential was last used (ms), when that was within {@link RECENT_USE_MS}; else
 * undefined (never used, used long ago, or a time the console cannot read). A time slightly in
 * the future (the server's clock ahead of the browser's) counts as now.
 */
export function recentUse(lastUsedAt: string | undefined, now: number): number | undefined {
  if (lastUsedAt === undefined) return undefined;
  const at = Date.parse(lastUsedAt);
  if (Number.isNaN(at)) return undefined;
  const ago = Math.max(0, now - at);
  return ago < RECENT_USE_MS ? ago : undefined;
}

/** "3 minutes ago", "2 hours ago", "3 分钟前", in the page's language. */
export function formatAgo(ms: number, locale: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return format.format(-seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return format.format(-minutes, 'minute');
  return format.format(-Math.floor(minutes / 60), 'hour');
}
