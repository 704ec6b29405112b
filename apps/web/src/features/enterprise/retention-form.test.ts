import {
  cronProblem,
  MAX_RETENTION_RULES,
  retentionPolicyBody,
  type RetentionPolicy,
} from '@swr-console/swr-api';
import { describe, expect, it } from 'vitest';
import { interpolate, type Translate } from '../../shared/i18n';
import { catalogs } from '../../testing/catalogs';
import {
  bodyOf,
  draftOf,
  isValid,
  MAX_RULES,
  newPolicy,
  newRule,
  policyErrors,
  ruleErrors,
  samePolicy,
  type PolicyDraft,
} from './retention-form';

const t: Translate = (key, values) => interpolate(catalogs['en-US'][key]!, values);
const zh: Translate = (key, values) => interpolate(catalogs['zh-CN'][key]!, values);

const draft = (change: Partial<PolicyDraft> = {}): PolicyDraft => ({ ...newPolicy(), ...change });

describe('the retention policy form', () => {
  it('when a rule keeps the latest 2 pushed tags of every repository, then the body says so in SWR’s words, and the contract accepts it', () => {
    const body = bodyOf(
      draft({ name: ' keep-latest-2 ', rules: [{ ...newRule(), count: '2', tag: 'v*' }] }),
    );
    expect(body).toEqual({
      name: 'keep-latest-2',
      algorithm: 'or',
      enabled: true,
      rules: [
        {
          disabled: false,
          action: 'retain',
          repo_scope_mode: 'regular',
          template: 'latestPushedK',
          params: { latestPushedK: 2 },
          tag_selectors: [{ kind: 'doublestar', decoration: 'matches', pattern: 'v*' }],
          scope_selectors: {
            repository: [{ kind: 'doublestar', decoration: 'repoMatches', pattern: '**' }],
          },
        },
      ],
      trigger: { type: 'manual' },
    });
    expect(retentionPolicyBody.safeParse(body).success).toBe(true);
  });

  it('when a rule is a days rule that excludes, disabled, on a schedule, then each choice reaches the body', () => {
    const body = bodyOf(
      draft({
        trigger: 'scheduled',
        cron: ' 0 30 2 * * MON ',
        rules: [
          {
            template: 'nDaysSinceLastPull',
            count: '30',
            repoExcludes: true,
            repository: 'tmp/**',
            tagExcludes: true,
            tag: 'release-*',
            enabled: false,
          },
        ],
      }),
    );
    expect(body.trigger).toEqual({
      type: 'scheduled',
      trigger_settings: { cron: '0 30 2 * * MON' },
    });
    expect(body.rules[0]).toMatchObject({
      disabled: true,
      template: 'nDaysSinceLastPull',
      params: { nDaysSinceLastPull: 30 },
      tag_selectors: [{ decoration: 'excludes', pattern: 'release-*' }],
      scope_selectors: { repository: [{ decoration: 'repoExcludes', pattern: 'tmp/**' }] },
    });
    expect(retentionPolicyBody.safeParse(body).success).toBe(true);
  });

  it('when a saved policy is read back into the form, then it makes the same body, unchanged', () => {
    const typed = draft({
      name: 'nightly',
      trigger: 'scheduled',
      cron: '0 0 3 * * *',
      rules: [
        { ...newRule(), count: '5' },
        { ...newRule(), template: 'nDaysSinceLastPush', count: '90', tagExcludes: true, tag: 'v*' },
      ],
    });
    const body = bodyOf(typed);
    const saved: RetentionPolicy = {
      ...body,
      id: 7,
      namespace_id: 3,
      namespace_name: 'team',
      rules: body.rules.map((rule, i) => ({ ...rule, id: i + 1, priority: 0, disabled: false })),
    };
    expect(draftOf(saved)).toEqual(typed);
    expect(samePolicy(draftOf(saved), typed)).toBe(true);
    expect(samePolicy(draftOf(saved), { ...typed, enabled: false })).toBe(false);
  });

  it('when the number is missing, not whole or out of the template’s limits, then the number field says which, in the template’s unit', () => {
    const count = (template: PolicyDraft['rules'][number]['template'], value: string) =>
      ruleErrors({ ...newRule(), template, count: value }, t).count;
    expect(count('latestPushedK', '')).toBe('Give the number of tags to keep.');
    expect(count('latestPushedK', '2.5')).toBe('Give a whole number.');
    expect(count('latestPushedK', 'ten')).toBe('Give a whole number.');
    expect(count('latestPushedK', '0')).toBe('Keep 1 to 1000 tags.');
    expect(count('latestPulledN', '1001')).toBe('Keep 1 to 1000 tags.');
    expect(count('nDaysSinceLastPush', '')).toBe('Give the number of days.');
    expect(count('nDaysSinceLastPull', '3651')).toBe('Give 1 to 3650 days.');
    expect(count('nDaysSinceLastPull', '3650')).toBeUndefined();
    expect(count('latestPushedK', ' 1000 ')).toBeUndefined();
  });

  it('when a pattern is empty or not a glob, then its own field says so, and the other stays quiet', () => {
    expect(ruleErrors({ ...newRule(), repository: '' }, t)).toEqual({
      repository: 'Enter a pattern; ** for all.',
    });
    const errors = ruleErrors({ ...newRule(), tag: 'v{1' }, t);
    expect(Object.keys(errors)).toEqual(['tag']);
    expect(errors.tag).toMatch(/^Not a valid pattern: .*never closed/);
    expect(ruleErrors({ ...newRule(), tag: 'v{1' }, zh).tag).toMatch(/^模式无效：/);
  });

  it('when the name or the schedule is wrong, then their fields say why, and the form is not sendable', () => {
    const errors = policyErrors(
      draft({ name: 'has space', trigger: 'scheduled', cron: '* * * * * *' }),
      t,
      cronProblem,
    );
    expect(errors.name).toBe('Use only letters, digits, Chinese characters, "_" and "-".');
    expect(errors.cron).toMatch(/^Not a schedule: .*at most once a minute/);
    expect(isValid(errors)).toBe(false);
    expect(policyErrors(draft({ name: '' }), t, cronProblem).name).toBe('Enter a name.');
    expect(policyErrors(draft({ trigger: 'scheduled', cron: ' ' }), t, cronProblem).cron).toBe(
      'Enter a schedule.',
    );
  });

  it('when the cron checker has not loaded yet, then a schedule is not sendable until it is checked', () => {
    const scheduled = draft({ trigger: 'scheduled', cron: '0 0 3 * * *' });
    expect(policyErrors(scheduled, t, undefined).cron).toBe('Checking the schedule…');
    expect(isValid(policyErrors(scheduled, t, cronProblem))).toBe(true);
    // A manual policy needs no checker.
    expect(isValid(policyErrors(draft(), t, undefined))).toBe(true);
  });

  it('when a policy has no rule or more than the contract allows, then it is not sendable', () => {
    expect(MAX_RULES).toBe(MAX_RETENTION_RULES);
    expect(isValid(policyErrors(draft({ rules: [] }), t, cronProblem))).toBe(false);
    const many = Array.from({ length: MAX_RULES + 1 }, newRule);
    expect(isValid(policyErrors(draft({ rules: many }), t, cronProblem))).toBe(false);
    expect(isValid(policyErrors(draft({ rules: many.slice(1) }), t, cronProblem))).toBe(true);
  });
});
