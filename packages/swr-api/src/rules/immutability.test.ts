import { describe, expect, it } from 'vitest';
import { ImmutabilityMatcher, type ImmutableRuleShape } from './immutability.js';

const rule = (
  id: number,
  repository: string,
  tag: string,
  options: { repoExcludes?: boolean; excludes?: boolean; disabled?: boolean } = {},
): ImmutableRuleShape => ({
  id,
  disabled: options.disabled,
  scope_selectors: {
    repository: [
      {
        kind: 'doublestar',
        decoration: options.repoExcludes ? 'repoExcludes' : 'repoMatches',
        pattern: repository,
      },
    ],
  },
  tag_selectors: [
    { kind: 'doublestar', decoration: options.excludes ? 'excludes' : 'matches', pattern: tag },
  ],
});

describe('immutability rules', () => {
  it('when a rule matches repository and tag, then the tag is immutable, and not otherwise', () => {
    const matcher = new ImmutabilityMatcher([rule(1, 'team/**', 'v*')]);
    expect(matcher.isImmutable('team/app', 'v1.0')).toBe(true);
    expect(matcher.isImmutable('team/app', 'latest')).toBe(false);
    expect(matcher.isImmutable('other', 'v1.0')).toBe(false);
  });

  it('when selectors exclude, then they select everything else', () => {
    const matcher = new ImmutabilityMatcher([
      rule(1, 'scratch/**', 'latest', { repoExcludes: true, excludes: true }),
    ]);
    expect(matcher.immutableTags('app', ['latest', 'v1', 'dev'])).toEqual(['v1', 'dev']);
    expect(matcher.immutableTags('scratch/tmp', ['v1'])).toEqual([]);
  });

  it('when rules overlap, then each rule protecting the tag is named; a disabled one is not', () => {
    const matcher = new ImmutabilityMatcher([
      rule(1, '**', 'v1.*'),
      rule(2, 'app', '**'),
      rule(3, '**', '**', { disabled: true }),
    ]);
    expect(matcher.rulesProtecting('app', 'v1.2')).toEqual([1, 2]);
    expect(matcher.rulesProtecting('web', 'v2')).toEqual([]);
  });

  it('when a stored pattern is malformed, then that rule protects nothing and the others work', () => {
    const matcher = new ImmutabilityMatcher([rule(1, '[', '**'), rule(2, '**', 'release-*')]);
    expect(matcher.immutableTags('app', ['release-1', 'dev'])).toEqual(['release-1']);
  });
});
