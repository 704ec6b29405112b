import { describe, expect, it } from 'vitest';
import {
  evaluateEnterpriseRetention,
  type EnterpriseRetentionRule,
  type EnterpriseRetentionTag,
} from './enterprise-retention.js';
import { compileGlob, type Glob } from './glob.js';

const DAY = 86_400_000;
const now = new Date('2026-03-01T12:00:00Z');
const TEMPLATES = ['latestPushedK', 'latestPulledN', 'nDaysSinceLastPush', 'nDaysSinceLastPull'];

const globs = new Map<string, Glob>();
const picks = (selector: { decoration: string; pattern: string }, value: string) => {
  const glob = globs.get(selector.pattern) ?? compileGlob(selector.pattern);
  globs.set(selector.pattern, glob);
  return glob.test(value) !== selector.decoration.toLowerCase().endsWith('excludes');
};

/** When the template reads pulls, a never-pulled tag has no time: -Infinity, after every pull. */
const time = (tag: EnterpriseRetentionTag, template: string) =>
  template.includes('Pull')
    ? tag.pulled === undefined
      ? -Infinity
      : Date.parse(tag.pulled)
    : Date.parse(tag.pushed);

/** Whether x ranks before y under a count template, as the module's doc comment says. */
const before = (x: EnterpriseRetentionTag, y: EnterpriseRetentionTag, template: string) => {
  const [tx, ty] = [time(x, template), time(y, template)];
  if (tx !== ty) return tx > ty;
  if (tx === -Infinity && x.pushed !== y.pushed) return x.pushed > y.pushed;
  return x.tag < y.tag;
};

/**
 * The rules' meaning read off the doc comment, tag by tag: a tag's rank is one more than the number
 * of selected tags ranking before it. Quadratic in a repository's tags, which is what makes it a
 * reference rather than an implementation. Each decision is its reasons, `rule:kind:rank`.
 */
function reference(
  rules: EnterpriseRetentionRule[],
  tags: EnterpriseRetentionTag[],
  isImmutable: (repository: string, tag: string) => boolean,
): Map<string, string[]> {
  const decisions = new Map<string, string[]>();
  const enabled = [...rules.entries()].filter(([, r]) => !r.disabled);
  for (const repository of new Set(tags.map((t) => t.repository))) {
    const scoping = enabled.filter(([, r]) => picks(r.scope_selectors.repository![0]!, repository));
    if (scoping.length === 0) continue;
    const group = tags.filter((t) => t.repository === repository);
    const selections = scoping.map(([, r]) =>
      group.filter((t) => picks(r.tag_selectors[0]!, t.tag)),
    );
    for (const t of group) {
      const verdicts = scoping.map(([index, r], k) => {
        const limit = r.params[r.template] as number;
        if (!selections[k]!.includes(t)) return `${index}:not-selected:`;
        const at = time(t, r.template);
        if (r.template.startsWith('nDays')) {
          const kind =
            at === -Infinity
              ? 'never-pulled'
              : at >= now.getTime() - limit * DAY
                ? 'retained'
                : 'too-old';
          return `${index}:${kind}:`;
        }
        const rank = 1 + selections[k]!.filter((x) => before(x, t, r.template)).length;
        const kind =
          rank <= limit ? 'retained' : at === -Infinity ? 'never-pulled' : 'beyond-count';
        return `${index}:${kind}:${rank}`;
      });
      const retaining = verdicts.filter((v) => v.includes(':retained:'));
      const immutable = retaining.length === 0 && isImmutable(repository, t.tag);
      decisions.set(
        `${repository}:${t.tag}`,
        retaining.length > 0 ? retaining : immutable ? ['immutable', ...verdicts] : verdicts,
      );
    }
  }
  return decisions;
}

/** 10,000 tags over 50 repositories, times on the hour so that ties are common. */
function namespaceTags(): EnterpriseRetentionTag[] {
  let seed = 42;
  const random = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed % n;
  };
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();
  return Array.from({ length: 10_000 }, (_, i) => {
    const pushedHours = random(60 * 24);
    return {
      repository: `${['team-0', 'team-1', 'team-2', 'team-3', 'scratch'][i % 5]}/svc-${i % 50}`,
      tag: `${['v', 'dev-', 'rc-', 'latest-'][random(4)]}${i}`,
      digest: `sha256:${random(3000)}`,
      pushed: hoursAgo(pushedHours),
      pulled: random(3) === 0 ? undefined : hoursAgo(random(pushedHours + 1)),
    };
  });
}

const rules = Array.from({ length: 15 }, (_, i): EnterpriseRetentionRule => ({
  disabled: i === 7,
  template: TEMPLATES[i % 4]!,
  params: { [TEMPLATES[i % 4]!]: i % 4 < 2 ? 2 + i * 3 : 1 + i * 2 },
  tag_selectors: [
    {
      kind: 'doublestar',
      decoration: i % 3 === 0 ? 'excludes' : 'matches',
      pattern: ['**', 'v*', 'dev-*', '{rc,latest}-1*'][(i * 7) % 4]!,
    },
  ],
  scope_selectors: {
    repository: [
      i % 5 === 0
        ? { kind: 'doublestar', decoration: 'repoExcludes', pattern: '{scratch,team-0}/**' }
        : { kind: 'doublestar', decoration: 'repoMatches', pattern: `team-${i % 3}/**` },
    ],
  },
}));

describe('evaluateEnterpriseRetention at scale', () => {
  it('when 10,000 tags meet 15 rules, then every decision and reason agrees with the reference', () => {
    const tags = namespaceTags();
    const isImmutable = (_: string, name: string) => name.endsWith('00');

    const result = evaluateEnterpriseRetention(rules, tags, { now, isImmutable });

    const actual = new Map(
      result.entries.map((e) => [
        `${e.repository}:${e.tag}`,
        e.reasons.map((r) =>
          r.kind === 'immutable' ? r.kind : `${r.rule}:${r.kind}:${'rank' in r ? r.rank : ''}`,
        ),
      ]),
    );
    expect(actual).toEqual(reference(rules, tags, isImmutable));
    for (const entry of result.entries)
      expect(entry.action).toBe(
        entry.reasons[0]!.kind.match(/retained|immutable/) ? 'keep' : 'delete',
      );
    const unscoped = tags.filter((t) => /^scratch\//.test(t.repository));
    expect(result.untouched).toEqual([...new Set(unscoped.map((t) => t.repository))].sort());
    expect(result.entries).toHaveLength(tags.length - unscoped.length);
    expect(result.deleted.length).toBeGreaterThan(500);
    expect(result.kept.length).toBeGreaterThan(500);
    expect(result.kept.some((e) => e.reasons[0]?.kind === 'immutable')).toBe(true);
    expect(result.deleted.every((e) => e.reasons.length > 0)).toBe(true);
  });
});
