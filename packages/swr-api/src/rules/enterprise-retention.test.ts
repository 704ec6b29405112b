import { describe, expect, it } from 'vitest';
import {
  digestsFreed,
  EnterpriseRetentionError,
  evaluateEnterpriseRetention,
  retentionRuleProblems,
  type EnterpriseRetentionRule,
  type EnterpriseRetentionTag,
} from './enterprise-retention.js';

const DAY = 86_400_000;
const now = new Date('2026-03-01T12:00:00Z');
const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();

type Flags = Record<'excludes' | 'repoExcludes' | 'disabled', boolean>;
type RuleOptions = Partial<Record<'tags' | 'repos', string> & Flags>;
const selector = (decoration: string, pattern: string) => [
  { kind: 'doublestar', decoration, pattern },
];
const rule = (template: string, param: unknown, o: RuleOptions = {}): EnterpriseRetentionRule => ({
  disabled: o.disabled,
  template,
  params: { [template]: param },
  tag_selectors: selector(o.excludes ? 'excludes' : 'matches', o.tags ?? '**'),
  scope_selectors: {
    repository: selector(o.repoExcludes ? 'repoExcludes' : 'repoMatches', o.repos ?? '**'),
  },
});

const tag = (
  name: string,
  pushedDaysAgo: number,
  options: { repository?: string; pulledDaysAgo?: number; digest?: string } = {},
): EnterpriseRetentionTag => ({
  repository: options.repository ?? 'app',
  tag: name,
  digest: options.digest ?? `sha256:${name}`,
  pushed: ago(pushedDaysAgo),
  pulled: options.pulledDaysAgo === undefined ? undefined : ago(options.pulledDaysAgo),
});

const evaluate = (
  rules: EnterpriseRetentionRule[],
  tags: EnterpriseRetentionTag[],
  isImmutable?: (repository: string, tag: string) => boolean,
) => evaluateEnterpriseRetention(rules, tags, { now, isImmutable });

const names = (entries: { tag: string }[]) => entries.map((entry) => entry.tag);
const reasonsOf = (result: ReturnType<typeof evaluate>, name: string) =>
  result.entries.find((entry) => entry.tag === name)!.reasons;

describe('evaluateEnterpriseRetention, per template', () => {
  it('when latestPushedK keeps 2, then the two most recently pushed stay and the rest go by rank', () => {
    const result = evaluate(
      [rule('latestPushedK', 2)],
      [tag('old', 9), tag('new', 1), tag('mid', 5), tag('older', 20)],
    );
    expect(names(result.kept)).toEqual(['new', 'mid']);
    expect(names(result.deleted)).toEqual(['old', 'older']);
    expect(reasonsOf(result, 'mid')).toEqual([
      { kind: 'retained', rule: 0, template: 'latestPushedK', rank: 2, limit: 2 },
    ]);
    expect(reasonsOf(result, 'older')).toEqual([
      { kind: 'beyond-count', rule: 0, template: 'latestPushedK', rank: 4, limit: 2 },
    ]);
  });

  it('when K exceeds the number of tags, then every tag stays', () => {
    const result = evaluate([rule('latestPushedK', 1000)], [tag('a', 3), tag('b', 300)]);
    expect(result.deleted).toEqual([]);
    expect(names(result.kept)).toEqual(['a', 'b']);
  });

  it('when push times tie, then names rank ascending, so the count cuts between them', () => {
    const result = evaluate(
      [rule('latestPushedK', 2)],
      [tag('c', 2), tag('b', 2), tag('a', 2), tag('z', 1)],
    );
    expect(names(result.kept)).toEqual(['z', 'a']);
    expect(names(result.deleted)).toEqual(['b', 'c']);
    expect(reasonsOf(result, 'b')).toMatchObject([{ kind: 'beyond-count', rank: 3 }]);
  });

  it('when latestPulledN ranks, then pulls order tags, never-pulled ones last and only with room', () => {
    const tags = [
      tag('pulled-late', 30, { pulledDaysAgo: 1 }),
      tag('pulled-early', 2, { pulledDaysAgo: 10 }),
      tag('never-new', 1),
      tag('never-old', 5),
    ];
    const two = evaluate([rule('latestPulledN', 2)], tags);
    expect(names(two.kept)).toEqual(['pulled-early', 'pulled-late']);
    expect(reasonsOf(two, 'never-new')).toEqual([
      { kind: 'never-pulled', rule: 0, template: 'latestPulledN', limit: 2, rank: 3 },
    ]);

    const three = evaluate([rule('latestPulledN', 3)], tags);
    expect(names(three.deleted)).toEqual(['never-old']);
    expect(reasonsOf(three, 'never-new')).toEqual([
      { kind: 'retained', rule: 0, template: 'latestPulledN', rank: 3, limit: 3 },
    ]);
  });

  it('when pull times tie, then names rank ascending', () => {
    const tags = [tag('b', 1, { pulledDaysAgo: 1 }), tag('a', 9, { pulledDaysAgo: 1 })];
    expect(names(evaluate([rule('latestPulledN', 1)], tags).kept)).toEqual(['a']);
  });

  it('when a tag is exactly N days old, then nDaysSinceLastPush keeps it, and a millisecond more drops it', () => {
    const tags = [
      tag('edge', 7),
      { ...tag('past', 7), pushed: new Date(now.getTime() - 7 * DAY - 1).toISOString() },
      tag('future', -1),
    ];
    const result = evaluate([rule('nDaysSinceLastPush', 7)], tags);
    const since = ago(7);
    expect(reasonsOf(result, 'edge')).toEqual([
      { kind: 'retained', rule: 0, template: 'nDaysSinceLastPush', ageDays: 7, limit: 7, since },
    ]);
    expect(reasonsOf(result, 'past')).toEqual([
      { kind: 'too-old', rule: 0, template: 'nDaysSinceLastPush', ageDays: 7, limit: 7, since },
    ]);
    expect(reasonsOf(result, 'future')).toMatchObject([{ kind: 'retained', ageDays: 0 }]);
    expect(names(result.deleted)).toEqual(['past']);
  });

  it('when nDaysSinceLastPull judges, then the pull time counts and never-pulled tags go', () => {
    const result = evaluate(
      [rule('nDaysSinceLastPull', 3)],
      [
        tag('used', 100, { pulledDaysAgo: 3 }),
        tag('fresh-unused', 0),
        tag('stale', 1, { pulledDaysAgo: 4 }),
      ],
    );
    expect(names(result.kept)).toEqual(['used']);
    expect(reasonsOf(result, 'fresh-unused')).toEqual([
      { kind: 'never-pulled', rule: 0, template: 'nDaysSinceLastPull', limit: 3 },
    ]);
    expect(reasonsOf(result, 'stale')).toMatchObject([{ kind: 'too-old', ageDays: 4 }]);
  });
});

describe('evaluateEnterpriseRetention, selection and scope', () => {
  it('when a tag selector excludes, then the tags it matches are not selected and go', () => {
    const result = evaluate(
      [rule('latestPushedK', 10, { tags: 'dev-*', excludes: true })],
      [tag('v1', 1), tag('dev-x', 2)],
    );
    expect(names(result.kept)).toEqual(['v1']);
    expect(reasonsOf(result, 'dev-x')).toEqual([
      { kind: 'not-selected', rule: 0, decoration: 'excludes', pattern: 'dev-*' },
    ]);
  });

  it('when a rule selects some tags, then its count ranks only among them', () => {
    const result = evaluate(
      [rule('latestPushedK', 1, { tags: 'v*' })],
      [tag('latest', 0), tag('v2', 1), tag('v1', 2)],
    );
    expect(names(result.kept)).toEqual(['v2']);
    expect(reasonsOf(result, 'latest')).toMatchObject([{ kind: 'not-selected', pattern: 'v*' }]);
    expect(reasonsOf(result, 'v1')).toMatchObject([{ kind: 'beyond-count', rank: 2 }]);
  });

  it('when two rules scope a repository, then a tag either retains stays, with every retaining rule', () => {
    const result = evaluate(
      [rule('latestPushedK', 1), rule('nDaysSinceLastPush', 10, { tags: 'release-*' })],
      [tag('release-2', 1), tag('release-1', 5), tag('nightly', 0), tag('release-0', 30)],
    );
    expect(names(result.kept)).toEqual(['nightly', 'release-2', 'release-1']);
    expect(reasonsOf(result, 'nightly')).toMatchObject([{ kind: 'retained', rule: 0 }]);
    expect(reasonsOf(result, 'release-2')).toMatchObject([{ kind: 'retained', rule: 1 }]);
    expect(reasonsOf(result, 'release-0')).toMatchObject([
      { kind: 'beyond-count', rule: 0, rank: 4 },
      { kind: 'too-old', rule: 1, ageDays: 30 },
    ]);
    const many = evaluate(
      [
        rule('latestPushedK', 1, { tags: 'v*' }),
        rule('latestPushedK', 3),
        rule('nDaysSinceLastPush', 10),
      ],
      [tag('v1', 0), tag('x', 1)],
    );
    expect(reasonsOf(many, 'x')).toEqual([
      { kind: 'retained', rule: 1, template: 'latestPushedK', rank: 2, limit: 3 },
      {
        kind: 'retained',
        rule: 2,
        template: 'nDaysSinceLastPush',
        ageDays: 1,
        limit: 10,
        since: ago(10),
      },
    ]);
  });

  it('when a rule is disabled, then it neither keeps tags nor scopes repositories, and its index still counts', () => {
    const result = evaluate(
      [
        rule('latestPushedK', 1000, { disabled: true }),
        rule('latestPushedK', 1, { repos: 'app' }),
        { ...rule('bogus', 1), disabled: true },
      ],
      [tag('a', 1), tag('b', 2), tag('c', 1, { repository: 'other' })],
    );
    expect(names(result.deleted)).toEqual(['b']);
    expect(reasonsOf(result, 'b')).toMatchObject([{ kind: 'beyond-count', rule: 1 }]);
    expect(result.untouched).toEqual(['other']);
  });

  it('when repositories are out of scope, then they are untouched, sorted, and none of their tags listed', () => {
    const result = evaluate(
      [rule('latestPushedK', 1, { repos: 'scratch/**', repoExcludes: true })],
      [
        tag('a', 1, { repository: 'web' }),
        tag('b', 2, { repository: 'web' }),
        tag('x', 1, { repository: 'scratch/z' }),
        tag('y', 1, { repository: 'scratch/a' }),
      ],
    );
    expect(result.untouched).toEqual(['scratch/a', 'scratch/z']);
    expect(result.entries.map((e) => `${e.repository}:${e.tag}:${e.action}`)).toEqual([
      'web:a:keep',
      'web:b:delete',
    ]);
    expect(evaluate([], [tag('a', 1)])).toEqual({
      entries: [],
      untouched: ['app'],
      deleted: [],
      kept: [],
    });
  });

  it('when entries come back, then they sort by repository, newest push, then name', () => {
    const result = evaluate(
      [rule('latestPushedK', 10)],
      [tag('b', 1, { repository: 'z' }), tag('b', 2), tag('c', 1), tag('a', 1)],
    );
    expect(result.entries.map((e) => `${e.repository}:${e.tag}`)).toEqual([
      'app:a',
      'app:c',
      'app:b',
      'z:b',
    ]);
  });

  it('when an immutable tag would go, then it stays with "immutable" first, and only doomed tags are asked', () => {
    const asked: string[] = [];
    const result = evaluate(
      [rule('latestPushedK', 1)],
      [tag('v2', 1), tag('v1', 2), tag('tmp', 3)],
      (repository, name) => {
        asked.push(`${repository}:${name}`);
        return name.startsWith('v');
      },
    );
    expect(names(result.kept)).toEqual(['v2', 'v1']);
    expect(names(result.deleted)).toEqual(['tmp']);
    expect(reasonsOf(result, 'v1')).toEqual([
      { kind: 'immutable' },
      { kind: 'beyond-count', rule: 0, template: 'latestPushedK', rank: 2, limit: 1 },
    ]);
    expect(asked).toEqual(['app:v1', 'app:tmp']);
  });

  it('when a rule is malformed, a time unreadable or a tag listed twice, then it refuses, saying where', () => {
    const k1 = rule('latestPushedK', 1);
    expect(() => evaluate([k1, rule('latestPushedK', 0)], [])).toThrow(
      new EnterpriseRetentionError([
        { path: 'rules.1.params.latestPushedK', message: 'Keep at least 1 tag.' },
      ]),
    );
    expect(() => evaluate([k1], [{ ...tag('a', 1), pushed: 'soon' }])).toThrow(/^tags.0.pushed: /);
    expect(() => evaluate([k1], [{ ...tag('a', 1), pulled: '' }])).toThrow(/^tags.0.pulled: /);
    expect(() => evaluate([], [tag('a', 1), tag('b', 1), tag('a', 2)])).toThrow(
      'tags.2.tag: "app:a" is listed twice.',
    );
    expect(() => evaluateEnterpriseRetention([], [], { now: new Date('x') })).toThrow(/^now: /);
  });
});

describe('retentionRuleProblems', () => {
  const problems = (change: (rule: EnterpriseRetentionRule) => EnterpriseRetentionRule) =>
    retentionRuleProblems(change(rule('latestPushedK', 10)));

  it('when a rule of each template is well formed, then there is no problem', () => {
    for (const template of [
      'latestPushedK',
      'latestPulledN',
      'nDaysSinceLastPush',
      'nDaysSinceLastPull',
    ])
      expect(retentionRuleProblems(rule(template, 1))).toEqual([]);
    expect(retentionRuleProblems(rule('nDaysSinceLastPull', 3650))).toEqual([]);
  });

  it.each([
    ['latestPushedK', undefined, 'Give the number of tags to keep.'],
    ['latestPulledN', 2.5, 'The number of tags to keep is a whole number.'],
    ['latestPushedK', '10', 'The number of tags to keep is a whole number.'],
    ['latestPushedK', 0, 'Keep at least 1 tag.'],
    ['latestPulledN', 1001, 'Keep at most 1000 tags.'],
    ['nDaysSinceLastPush', null, 'Give the number of days.'],
    ['nDaysSinceLastPull', Number.NaN, 'The number of days is a whole number.'],
    ['nDaysSinceLastPush', -3, 'Give at least 1 day.'],
    ['nDaysSinceLastPull', 3651, 'Give at most 3650 days.'],
  ])('when %s is %s, then params.<template> says "%s"', (template, value, message) => {
    expect(retentionRuleProblems(rule(template, value))).toEqual([
      { path: `params.${template}`, message },
    ]);
  });

  it('when the template is unknown, then only the template is blamed', () => {
    expect(retentionRuleProblems(rule('latestPushed', 10))).toEqual([
      {
        path: 'template',
        message:
          'Unknown template "latestPushed": choose latestPushedK, latestPulledN, nDaysSinceLastPush, nDaysSinceLastPull.',
      },
    ]);
  });

  it('when params hold other keys, or are not an object, then each is named', () => {
    expect(problems((r) => ({ ...r, params: { latestPushedK: 3, days: 4 } }))).toEqual([
      { path: 'params.days', message: 'The latestPushedK template takes no "days".' },
    ]);
    expect(problems((r) => ({ ...r, params: null as never }))).toEqual([
      { path: 'params', message: 'Give the parameters as an object, e.g. {"latestPushedK": 10}.' },
    ]);
  });

  it('when tag selectors are not exactly one, then tag_selectors says so', () => {
    const message = 'Give exactly one tag selector.';
    expect(problems((r) => ({ ...r, tag_selectors: [] }))).toEqual([
      { path: 'tag_selectors', message },
    ]);
    expect(
      problems((r) => ({ ...r, tag_selectors: [r.tag_selectors[0]!, r.tag_selectors[0]!] })),
    ).toEqual([{ path: 'tag_selectors', message }]);
  });

  it('when the scope is not one repository selector, then scope_selectors says so', () => {
    const repository = rule('latestPushedK', 1).scope_selectors.repository!;
    expect(
      problems((r) => ({ ...r, scope_selectors: { repository, project: repository } })),
    ).toEqual([{ path: 'scope_selectors.project', message: 'The only scope is "repository".' }]);
    expect(problems((r) => ({ ...r, scope_selectors: {} }))).toEqual([
      { path: 'scope_selectors.repository', message: 'Give exactly one repository selector.' },
    ]);
  });

  it('when selectors have wrong decorations, kinds or globs, then each field is named', () => {
    const selector = { kind: 'regexp', decoration: 'repoMatches', pattern: 'v[' };
    expect(
      problems((r) => ({
        ...r,
        tag_selectors: [selector],
        scope_selectors: {
          repository: [{ kind: 'doublestar', decoration: 'matches', pattern: 'a{b' }],
        },
      })),
    ).toEqual([
      { path: 'tag_selectors.0.kind', message: 'A tag selector is a "doublestar" glob.' },
      {
        path: 'tag_selectors.0.decoration',
        message: 'A tag selector\'s decoration is "matches" or "excludes".',
      },
      { path: 'tag_selectors.0.pattern', message: 'A "[" is never closed.' },
      {
        path: 'scope_selectors.repository.0.decoration',
        message: 'A repository selector\'s decoration is "repoMatches" or "repoExcludes".',
      },
      { path: 'scope_selectors.repository.0.pattern', message: 'A "{" is never closed.' },
    ]);
  });
});

describe('digestsFreed', () => {
  it('when a digest keeps one tag, then it is not freed; when all its tags go, it is, per repository', () => {
    const result = evaluate(
      [rule('latestPushedK', 1)],
      [
        tag('latest', 1, { digest: 'sha256:shared' }),
        tag('v1', 5, { digest: 'sha256:shared' }),
        tag('v0', 9, { digest: 'sha256:gone' }),
        tag('old', 10, { digest: 'sha256:gone' }),
        tag('new', 1, { repository: 'web', digest: 'sha256:shared' }),
        tag('prev', 2, { repository: 'web', digest: 'sha256:gone' }),
      ],
    );
    expect(names(result.deleted)).toEqual(['v1', 'v0', 'old', 'prev']);
    expect(digestsFreed(result)).toEqual([
      { repository: 'app', digest: 'sha256:gone' },
      { repository: 'web', digest: 'sha256:gone' },
    ]);
  });
});
