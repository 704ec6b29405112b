import { describe, expect, it } from 'vitest';
import { createTriggerBody } from './resources/triggers.js';
import { retentionBody } from './resources/retention.js';
import { createShareBody } from './resources/sharing.js';
import { manualSyncBody, syncJobFilter } from './resources/sync.js';
import { userAuthList } from './resources/permissions.js';
import { regexProblem } from '../rules/regex.js';

const messages = (result: {
  success: boolean;
  error?: { issues: { message: string; path: PropertyKey[] }[] };
}) => result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('retention rule bodies', () => {
  const rule = (template: string, params: object, tag_selectors: object[] = []) => ({
    algorithm: 'or',
    rules: [{ template, params, tag_selectors }],
  });

  it('when the documented example is given, then it is accepted', () => {
    expect(
      retentionBody.safeParse(
        rule('date_rule', { days: '30' }, [
          { kind: 'label', pattern: 'v5' },
          { kind: 'regexp', pattern: '^123$' },
        ]),
      ).success,
    ).toBe(true);
  });

  it.each([
    [rule('date_rule', { days: '0' }), 'between 1 and 365'],
    [rule('date_rule', { days: '366' }), 'between 1 and 365'],
    [rule('date_rule', { days: 30 }), 'string'],
    [rule('tag_rule', { num: '1001' }), 'between 1 and 1000'],
    [rule('tag_rule', { days: '3' }), 'num'],
    [rule('size_rule', { num: '3' }), 'template'],
    [rule('tag_rule', { num: '3' }, [{ kind: 'regexp', pattern: '^(v1' }]), 'regular expression'],
    [rule('tag_rule', { num: '3' }, [{ kind: 'regexp', pattern: '^(?!v1)' }]), 'Look-ahead'],
    [rule('tag_rule', { num: '3' }, [{ kind: 'glob', pattern: 'v*' }]), 'kind'],
    [{ algorithm: 'and', rules: [] }, 'algorithm'],
  ])('when the body is %j, then it is refused (%s)', (body, reason) => {
    const result = retentionBody.safeParse(body);
    expect(result.success).toBe(false);
    expect(messages(result).join(' | ')).toContain(reason);
  });

  it('when two rules are given, then it says one rule per repository', () => {
    const one = rule('tag_rule', { num: '3' }).rules[0];
    expect(
      messages(retentionBody.safeParse({ algorithm: 'or', rules: [one, one] })).join(),
    ).toContain('exactly one');
  });
});

describe('share bodies', () => {
  it.each(['forever', '2026-12-31T00:00:00Z', '2025-10-01T16:00:00.000Z'])(
    'when the deadline is %s, then it is accepted',
    (deadline) =>
      expect(
        createShareBody.safeParse({ access_domain: 'partner', permit: 'read', deadline }).success,
      ).toBe(true),
  );

  it.each(['tomorrow', '2026-12-31', ''])(
    'when the deadline is "%s", then it is refused',
    (deadline) =>
      expect(
        createShareBody.safeParse({ access_domain: 'partner', permit: 'read', deadline }).success,
      ).toBe(false),
  );

  it('when write access is asked, then it is refused: only pull can be shared', () =>
    expect(
      createShareBody.safeParse({ access_domain: 'p', permit: 'write', deadline: 'forever' })
        .success,
    ).toBe(false));
});

describe('sync bodies and filters', () => {
  it('when a tag is listed twice, then it is refused', () => {
    expect(
      manualSyncBody.safeParse({
        imageTag: ['v1', 'v1'],
        remoteRegionId: 'cn-east-3',
        remoteNamespace: 'g',
      }).success,
    ).toBe(false);
  });

  it('when the region is not a region id, then it is refused', () => {
    expect(
      manualSyncBody.safeParse({
        imageTag: ['v1'],
        remoteRegionId: 'https://evil',
        remoteNamespace: 'g',
      }).success,
    ).toBe(false);
  });

  it.each([
    ['limit::10|offset::0', true],
    ['limit::10|offset::0|order::desc', true],
    ['limit::10', false],
    ['offset::0|limit::x', false],
    ['limit::10|offset::0|order::sideways', false],
  ])('when the sync job filter is %s, then valid is %s', (filter, valid) => {
    expect(syncJobFilter.safeParse(filter).success).toBe(valid);
  });
});

describe('trigger bodies', () => {
  const base = {
    name: 'redeploy',
    action: 'update',
    app_type: 'deployments',
    application: 'web',
    cluster_name: 'prod',
    cluster_ns: 'default',
    enable: 'true',
  };

  it.each([
    [{ trigger_type: 'all', condition: '.*' }, true],
    [{ trigger_type: 'all', condition: 'v1' }, false],
    [{ trigger_type: 'tag', condition: 'v1;v2' }, true],
    [{ trigger_type: 'tag', condition: 'v1;;' }, false],
    [{ trigger_type: 'regular', condition: '^v[0-9]+$' }, true],
    [{ trigger_type: 'regular', condition: '^v[' }, false],
  ])('when the condition is %j, then valid is %s', (extra, valid) => {
    expect(createTriggerBody.safeParse({ ...base, ...extra }).success).toBe(valid);
  });

  it('when a CCE trigger names no cluster, then the cluster field is blamed', () => {
    const { cluster_name: _, ...noCluster } = base;
    const result = createTriggerBody.safeParse({
      ...noCluster,
      trigger_type: 'all',
      condition: '.*',
    });
    expect(messages(result)).toEqual(['cluster_name: Pick the CCE cluster.']);
  });
});

describe('permission bodies', () => {
  it('when a user appears twice, then it is refused', () => {
    const user = { user_id: 'u1', user_name: 'dev', auth: 1 };
    expect(userAuthList.safeParse([user, user]).success).toBe(false);
  });

  it.each([0, 2, 5, 8, '7'])('when the level is %j, then it is refused', (auth) => {
    expect(userAuthList.safeParse([{ user_id: 'u1', user_name: 'dev', auth }]).success).toBe(false);
  });
});

describe('regexProblem', () => {
  it.each(['^v1\\..*$', '^v2.*', '^123$', 'v[0-9]+'])(
    'when the pattern is %s, then it is fine',
    (p) => expect(regexProblem(p)).toBeUndefined(),
  );
  it.each(['(', '(?<=v)1', 'a\\1', '(?<name>a)\\k<name>'])(
    'when the pattern is %s, then the problem is named',
    (p) => expect(regexProblem(p)).toBeTypeOf('string'),
  );
});
