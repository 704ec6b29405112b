import { describe, expect, it } from 'vitest';
import { accountProblem, fromDeadline, isExpired, toDeadline, validityProblem } from './deadline';

const now = new Date('2026-11-28T15:00:00Z');

describe('deadlines', () => {
  it('when a share lasts until a day, then SWR gets that day’s UTC midnight, and back', () => {
    expect(toDeadline({ kind: 'until', day: '2026-12-31' })).toBe('2026-12-31T00:00:00Z');
    expect(fromDeadline('2026-12-31T00:00:00Z')).toEqual({ kind: 'until', day: '2026-12-31' });
    expect(toDeadline({ kind: 'forever' })).toBe('forever');
    expect(fromDeadline('forever')).toEqual({ kind: 'forever' });
  });

  it('when the last day is today, then the share holds until the next midnight UTC', () => {
    expect(isExpired('2026-11-28T00:00:00Z', now)).toBe(false);
    expect(isExpired('2026-11-28T00:00:00Z', new Date('2026-11-29T00:00:00Z'))).toBe(true);
    expect(isExpired('2026-11-27T00:00:00Z', now)).toBe(true);
    expect(isExpired('forever', now)).toBe(false);
  });

  it('when the last day is missing, malformed or past, then the form says which', () => {
    expect(validityProblem({ kind: 'until', day: '' }, now)).toBe('required');
    expect(validityProblem({ kind: 'until', day: '2026-13-45' }, now)).toBe('invalid');
    expect(validityProblem({ kind: 'until', day: '2026-11-27' }, now)).toBe('past');
    expect(validityProblem({ kind: 'until', day: '2026-11-28' }, now)).toBeUndefined();
    expect(validityProblem({ kind: 'forever' }, now)).toBeUndefined();
  });
});

describe('accountProblem', () => {
  it('when the account is empty, too long, has spaces or is your own, then it is refused', () => {
    expect(accountProblem(' ', 'acme')).toBe('required');
    expect(accountProblem('a'.repeat(65), 'acme')).toBe('tooLong');
    expect(accountProblem('partner co', 'acme')).toBe('spaces');
    expect(accountProblem('acme', 'acme')).toBe('self');
    expect(accountProblem('partner-co', 'acme')).toBeUndefined();
  });
});
