import { describe, expect, it } from 'vitest';
import { fromRule, recordedRule } from './rule-form';

describe('a rule as SWR recorded it', () => {
  it('when the text is a rule, then the editor reads its kind, count and exemptions', () => {
    const rule = recordedRule(
      JSON.stringify({
        template: 'tag_rule',
        params: { num: '5' },
        tag_selectors: [
          { kind: 'label', pattern: 'latest' },
          { kind: 'regexp', pattern: '^v1' },
        ],
      }),
    );
    expect(rule && fromRule(rule)).toEqual({
      kind: 'newest',
      count: 5,
      exemptTags: ['latest'],
      exemptPatterns: ['^v1'],
    });
  });

  it.each([
    ['not JSON', '{'],
    ['not an object', '[1]'],
    ['without a template', '{"params":{}}'],
    ['with params that are not an object', '{"template":"date_rule","params":"30"}'],
  ])('when the text is %s, then it is not read as a rule', (_what, text) => {
    expect(recordedRule(text)).toBeUndefined();
  });

  it('when a selector or a parameter has an odd type, then it reads as text instead of breaking', () => {
    const rule = recordedRule('{"template":"date_rule","params":{"days":30},"tag_selectors":[7]}');
    expect(rule).toEqual({
      template: 'date_rule',
      params: { days: '30' },
      tag_selectors: [{ kind: '', pattern: '' }],
    });
  });
});
