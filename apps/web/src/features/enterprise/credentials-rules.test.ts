import { describe, expect, it } from 'vitest';
import { credentialNameProblem, formatAgo, recentUse, RECENT_USE_MS } from './credentials-rules';

describe('credentialNameProblem', () => {
  it('when names follow the contract’s rule, then they pass', () => {
    for (const good of ['ci', 'ci-2', 'build.bot', 'a_b', '0day', 'a'.repeat(64)])
      expect(credentialNameProblem(good), good).toBeUndefined();
  });

  it('when names break it, then each is refused with the problem a person would fix first', () => {
    expect(credentialNameProblem('')).toEqual({ kind: 'empty' });
    expect(credentialNameProblem('a'.repeat(65))).toEqual({ kind: 'tooLong', length: 65, max: 64 });
    expect(credentialNameProblem('CI')).toEqual({ kind: 'uppercase' });
    expect(credentialNameProblem('ci bot')).toEqual({ kind: 'character', character: ' ' });
    expect(credentialNameProblem('-ci')).toEqual({ kind: 'start' });
    expect(credentialNameProblem('ci.')).toEqual({ kind: 'end' });
    // Unlike a Basic edition name, two separators never stand together.
    expect(credentialNameProblem('ci__bot')).toEqual({ kind: 'separators', separators: '__' });
    expect(credentialNameProblem('ci--bot')).toEqual({ kind: 'separators', separators: '--' });
  });
});

describe('recentUse', () => {
  const now = Date.parse('2026-05-01T12:00:00Z');

  it('when a credential was used within 24 hours, then how long ago is answered', () => {
    expect(recentUse('2026-05-01T11:57:00Z', now)).toBe(3 * 60_000);
    expect(recentUse('2026-04-30T12:00:01Z', now)).toBe(RECENT_USE_MS - 1000);
  });

  it('when it was never used, used earlier, or the time is unreadable, then nothing is answered', () => {
    expect(recentUse(undefined, now)).toBeUndefined();
    expect(recentUse('2026-04-30T12:00:00Z', now)).toBeUndefined();
    expect(recentUse('yesterday', now)).toBeUndefined();
  });

  it('when the server’s clock is ahead, then a last use "in the future" counts as now', () => {
    expect(recentUse('2026-05-01T12:00:05Z', now)).toBe(0);
  });
});

describe('formatAgo', () => {
  it('when a time is formatted, then it is in seconds, minutes or hours, in the language', () => {
    expect(formatAgo(20_000, 'en-US')).toBe('20 seconds ago');
    expect(formatAgo(3 * 60_000 + 10_000, 'en-US')).toBe('3 minutes ago');
    expect(formatAgo(5 * 3_600_000, 'en-US')).toBe('5 hours ago');
    expect(formatAgo(3 * 60_000, 'zh-CN')).toBe('3分钟前');
  });
});
