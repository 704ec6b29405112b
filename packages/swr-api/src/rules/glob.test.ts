import { describe, expect, it } from 'vitest';
import { compileGlob, globMatches, globProblem } from './glob.js';
import { selectedTags, type SignScopeRule } from './signing-scope.js';

describe('doublestar globs', () => {
  it('when a pattern has many stars, then it still answers (matching never backtracks)', () => {
    // A backtracking regular expression takes minutes on this; the one-pass matcher does not.
    const pattern = `${'*a'.repeat(40)}b`;
    expect(globMatches(pattern, 'a'.repeat(300))).toBe(false);
    expect(globMatches(pattern, `${'a'.repeat(300)}b`)).toBe(true);
  });

  it.each([
    ['**', 'team/app', true],
    ['*', 'team/app', false],
    ['*', 'app', true],
    ['team/*', 'team/app', true],
    ['team/*', 'team/app/api', false],
    ['team/**', 'team/app/api', true],
    ['app-?', 'app-1', true],
    ['app-?', 'app-12', false],
    ['{web,api}-*', 'api-v2', true],
    ['{web,api}-*', 'db-v2', false],
    ['{web,svc/**}', 'svc/a/b', true],
    ['v[0-9].*', 'v1.2', true],
    ['v[!0-9]*', 'v1', false],
    ['v[!0-9]*', 'vx', true],
    ['1.0', '1x0', false],
    ['a\\*', 'a*', true],
    ['a\\*', 'ab', false],
    ['x-y.z+(1)', 'x-y.z+(1)', true],
  ])('when %s is matched against %s, then the answer is %s', (pattern, value, expected) => {
    expect(globMatches(pattern, value)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['app-{a,b', 'never closed'],
    ['app-[ab', 'never closed'],
    ['app}', 'Unexpected'],
    ['[]', 'never closed'],
    ['a\\', 'cannot end'],
    ['x'.repeat(513), 'at most 512'],
    ['[z-a]', 'backwards'],
    ['{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}', 'at most 64 alternatives'],
  ])('when the pattern %j is malformed, then the problem says so', (pattern, problem) => {
    expect(globProblem(pattern)).toContain(problem);
    expect(() => compileGlob(pattern)).toThrow();
  });
});

const rule = (repository: string, tag: string, decoration = 'matches', extras?: string) =>
  ({
    repo_scope_mode: 'regular',
    scope_selectors: {
      repository: [{ kind: 'doublestar', decoration: 'repoMatches', pattern: repository }],
    },
    tag_selectors: [{ kind: 'doublestar', decoration, pattern: tag, extras }],
  }) satisfies SignScopeRule;

describe('signing scope rules', () => {
  it('when a rule matches tags, then the artifact is selected through those tags only', () => {
    expect(
      selectedTags([rule('app-*', 'v*')], { repository: 'app-web', tags: ['v1', 'dev', 'v2'] }),
    ).toEqual(['v1', 'v2']);
    expect(selectedTags([rule('app-*', 'v*')], { repository: 'tools', tags: ['v1'] })).toBe(
      undefined,
    );
  });

  it('when a rule excludes a pattern, then the other tags select the artifact', () => {
    const excludes = [rule('**', '*-rc', 'excludes')];
    expect(selectedTags(excludes, { repository: 'a', tags: ['2.1-rc'] })).toBe(undefined);
    expect(selectedTags(excludes, { repository: 'a', tags: ['2.1-rc', '2.1'] })).toEqual(['2.1']);
  });

  it('when an artifact has no tag, then only a rule allowing untagged ones selects it', () => {
    expect(selectedTags([rule('**', '**')], { repository: 'a', tags: [] })).toBe(undefined);
    expect(
      selectedTags([rule('**', '**', 'matches', '{"untagged":true}')], {
        repository: 'a',
        tags: [],
      }),
    ).toEqual([]);
  });

  it('when several rules apply, then their tags add up', () => {
    const rules = [rule('app', 'v*'), rule('app', 'latest')];
    expect(selectedTags(rules, { repository: 'app', tags: ['latest', 'v1', 'x'] })).toEqual([
      'latest',
      'v1',
    ]);
  });
});
