import { describe, expect, it } from 'vitest';
import { emptyPolicy, fromPolicy, previewPolicy, toBody, type RuleForm } from './policy-form';
import { tagChanges, tagProblems } from './tag-edits';

const candidates = [
  { repository: 'app-web', digest: 'sha256:1', tags: ['v1', 'dev'] },
  { repository: 'app-web', digest: 'sha256:2', tags: [] },
  { repository: 'tools', digest: 'sha256:3', tags: ['v1'] },
];
const rule = (overrides: Partial<RuleForm>): RuleForm => ({
  repository: '**',
  decoration: 'matches',
  tag: '**',
  untagged: false,
  ...overrides,
});

describe('the signing policy form', () => {
  it('when the rules are previewed, then each selected artifact comes with the tags that select it', () => {
    const preview = previewPolicy([rule({ repository: 'app-*', tag: 'v*' })], candidates);
    expect(preview.selected.map((s) => [s.digest, s.through])).toEqual([['sha256:1', ['v1']]]);
    const untagged = previewPolicy([rule({ repository: 'app-*', untagged: true })], candidates);
    expect(untagged.selected.map((s) => s.digest)).toEqual(['sha256:1', 'sha256:2']);
  });

  it('when a pattern is malformed, then the problem names the rule and field and nothing is previewed', () => {
    const preview = previewPolicy([rule({}), rule({ tag: 'v{1,2' })], candidates);
    expect(preview.problems).toEqual([
      { rule: 1, field: 'tag', message: expect.stringContaining('never closed') },
    ]);
    expect(preview.selected).toEqual([]);
  });

  it('when a form becomes a body and back, then the key decides the algorithm and nothing is lost', () => {
    const form = {
      ...emptyPolicy(),
      name: ' releases ',
      keyId: 'k1',
      trigger: 'event_based' as const,
      rules: [rule({ repository: 'svc/**', decoration: 'excludes', tag: '*-rc', untagged: true })],
    };
    const body = toBody(form, 'ECDSA_SHA_384');
    expect(body).toMatchObject({
      name: 'releases',
      signature_algorithm: 'ECDSA_SHA_384',
      signature_key: 'k1',
      trigger: { type: 'event_based' },
    });
    expect(body.scope_rules[0]!.tag_selectors[0]!.extras).toBe('{"untagged":true}');
    const back = fromPolicy({
      ...body,
      id: 1,
      description: '',
      namespace_id: 1,
      namespace_name: 'n',
      creator: 'x',
      created_at: '',
      updated_at: '',
    });
    expect(back).toEqual({ ...form, name: 'releases' });
  });
});

describe('namespace tag edits', () => {
  it('when rows repeat a key or break a length, then each row says which', () => {
    expect(
      tagProblems([
        { key: 'env', value: 'a' },
        { key: ' env ', value: 'b' },
        { key: '', value: 'c' },
        { key: 'k'.repeat(129), value: '' },
        { key: 'long', value: 'v'.repeat(256) },
      ]),
    ).toEqual({ 1: 'keyDuplicate', 2: 'keyEmpty', 3: 'keyLong', 4: 'valueLong' });
  });

  it('when tags are edited, then removed keys go, new or changed ones are added, the rest are not sent', () => {
    const changes = tagChanges(
      [
        { key: 'env', value: 'prod' },
        { key: 'team', value: 'web' },
        { key: 'old', value: 'x' },
      ],
      [
        { key: 'env', value: 'staging' },
        { key: 'team', value: 'web' },
        { key: 'tier', value: '1' },
      ],
    );
    expect(changes).toEqual({
      remove: [{ key: 'old', value: '' }],
      add: [
        { key: 'env', value: 'staging' },
        { key: 'tier', value: '1' },
      ],
    });
  });
});
