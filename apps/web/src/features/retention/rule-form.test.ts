import { describe, expect, it } from 'vitest';
import { EMPTY_RULE, fromRule, ruleProblems, sameRule, toRule, type RuleValues } from './rule-form';

const values = (change: Partial<RuleValues>): RuleValues => ({ ...EMPTY_RULE, ...change });

describe('ruleProblems', () => {
  it('when the count is missing, fractional or out of its range, then the count is the problem', () => {
    expect(ruleProblems(values({ count: null })).count).toBe('required');
    expect(ruleProblems(values({ count: 2.5 })).count).toBe('whole');
    expect(ruleProblems(values({ count: 0 })).count).toBe('range');
    expect(ruleProblems(values({ count: 1001 })).count).toBe('range');
    expect(ruleProblems(values({ count: 1000 })).count).toBeUndefined();
  });

  it('when the rule keeps days, then the range is 1 to 365', () => {
    expect(ruleProblems(values({ kind: 'days', count: 366 })).count).toBe('range');
    expect(ruleProblems(values({ kind: 'days', count: 365 })).count).toBeUndefined();
  });

  it('when an exempt tag or pattern is malformed, then each is named', () => {
    const problems = ruleProblems(
      values({ exemptTags: ['latest', 'bad tag'], exemptPatterns: ['^v1', '(open'] }),
    );
    expect(problems.exemptions).toEqual([
      { kind: 'tag', tag: 'bad tag' },
      { kind: 'pattern', pattern: '(open', detail: expect.any(String) },
    ]);
  });

  it('when there are more than 50 exemptions, then that is refused', () => {
    const exemptTags = Array.from({ length: 51 }, (_, i) => `t${i}`);
    expect(ruleProblems(values({ exemptTags })).exemptions).toEqual([{ kind: 'tooMany' }]);
  });
});

describe('toRule and fromRule', () => {
  it('when the values are good, then they become the rule SWR takes, and back', () => {
    const good = values({ count: 3, exemptTags: ['latest'], exemptPatterns: ['^release-'] });
    const rule = toRule(good);
    expect(rule).toEqual({
      template: 'tag_rule',
      params: { num: '3' },
      tag_selectors: [
        { kind: 'label', pattern: 'latest' },
        { kind: 'regexp', pattern: '^release-' },
      ],
    });
    expect(fromRule(rule!)).toEqual(good);
    expect(toRule(values({ kind: 'days', count: 30 }))).toMatchObject({
      template: 'date_rule',
      params: { days: '30' },
    });
  });

  it('when the values have a problem, then there is no rule to save', () => {
    expect(toRule(values({ count: null }))).toBeUndefined();
    expect(toRule(values({ exemptPatterns: ['['] }))).toBeUndefined();
  });
});

describe('sameRule', () => {
  it('when exemptions differ only in order, then the rules are the same; any other change is not', () => {
    const a = values({ exemptTags: ['a', 'b'] });
    expect(sameRule(a, values({ exemptTags: ['b', 'a'] }))).toBe(true);
    expect(sameRule(a, values({ exemptTags: ['a'] }))).toBe(false);
    expect(sameRule(a, { ...a, count: 11 })).toBe(false);
    expect(sameRule(a, { ...a, kind: 'days' })).toBe(false);
  });
});
