import {
  ApiError,
  parseAuthHeader,
  webhookAddressProblem,
  type WebhookPolicy,
} from '@swr-console/swr-api';
import { describe, expect, it } from 'vitest';
import { interpolate, type Locale, type Translate } from '../../shared/i18n';
import { catalogs } from '../../testing/catalogs';
import { emptyWebhook, fromWebhook, toBody, withoutMasked, type WebhookForm } from './webhook-body';
import { formProblems, refusalAtField, removable } from './webhook-form';
import { PROBLEM_PATTERNS, problemText } from './webhook-problems';

const translator =
  (locale: Locale): Translate =>
  (key, values) => {
    const template = catalogs[locale][key];
    if (template === undefined) throw new Error(`no message ${key}`);
    return interpolate(template, values);
  };
const t = translator('en-US');

const stored: WebhookPolicy = {
  id: 7,
  name: 'ci',
  description: 'tell CI',
  targets: [
    {
      type: 'http',
      address: 'http://10.0.0.8:8080/hook',
      auth_header: 'Authorization:*****;X-Team:*****',
      skip_cert_verify: false,
      address_type: 'internal',
    },
    { type: 'http', address: 'https://hooks.example.com/swr', address_type: 'internet' },
  ],
  event_types: ['PUSH_ARTIFACT'],
  enabled: true,
  namespace_id: 3,
  namespace_name: 'team',
  creator: 'ops',
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  scope_rules: [
    {
      repo_scope_mode: 'regular',
      scope_selectors: {
        repository: [{ kind: 'doublestar', decoration: 'repoMatches', pattern: 'app/**' }],
      },
      tag_selectors: [{ kind: 'doublestar', decoration: 'excludes', pattern: 'dev-*' }],
    },
  ],
};

describe('the form and SWR’s body', () => {
  it('when a stored webhook is edited without touching its headers, then the masked values go back as ***** (SWR keeps them)', () => {
    const body = toBody(fromWebhook(stored));
    expect(body).toEqual({
      name: 'ci',
      description: 'tell CI',
      enabled: true,
      event_types: ['PUSH_ARTIFACT'],
      targets: [
        {
          type: 'http',
          address: 'http://10.0.0.8:8080/hook',
          address_type: 'internal',
          auth_header: 'Authorization:*****;X-Team:*****',
          skip_cert_verify: false,
        },
        {
          type: 'http',
          address: 'https://hooks.example.com/swr',
          address_type: 'internet',
          skip_cert_verify: false,
        },
      ],
      scope_rules: stored.scope_rules,
    });
  });

  it('when one value is typed over its mask, then only that one is sent and the other stays masked', () => {
    const form = fromWebhook(stored);
    form.targets[0]!.authHeader = 'Authorization:Bearer new;X-Team:*****';
    expect(toBody(form).targets[0]!.auth_header).toBe('Authorization:Bearer new;X-Team:*****');
    expect(formProblems(t, 'en-US', form, new Set())).toEqual({});
  });

  it('when a test is sent for a stored target, then the masked headers are left out, the typed ones kept', () => {
    expect(withoutMasked('Authorization:*****;X-Team:blue;X-Other: ***** ')).toBe('X-Team:blue');
    expect(withoutMasked('A:*****')).toBe('');
  });

  it('when ***** stands for a header SWR holds nothing of, then the field says to type the value', () => {
    const form = fromWebhook(stored);
    form.targets[0]!.authHeader = 'Authorization:*****;X-New:*****';
    expect(formProblems(t, 'en-US', form, new Set())['target-0-header']).toBe(
      t('wh.form.maskedUnknown', { names: 'X-New', masked: '*****' }),
    );
    const fresh = emptyWebhook();
    fresh.name = 'new';
    fresh.targets[0]!.address = 'http://10.0.0.9/';
    fresh.targets[0]!.authHeader = 'Authorization:*****';
    expect(formProblems(t, 'en-US', fresh, new Set())['target-0-header']).toMatch(/Authorization/);
  });
});

describe('problems at their fields', () => {
  const filled = (change: (form: WebhookForm) => void) => {
    const form = emptyWebhook();
    form.name = 'ci';
    form.targets[0]!.address = 'http://10.0.0.8/hook';
    change(form);
    return formProblems(t, 'en-US', form, new Set(['taken']));
  };

  it('when the form is right, then there is no problem', () => {
    expect(filled(() => undefined)).toEqual({});
  });

  it.each<[string, string, (form: WebhookForm) => void, RegExp]>([
    ['no name', 'name', (f) => (f.name = ''), /Enter a name/],
    ['a taken name', 'name', (f) => (f.name = 'taken'), /already has a webhook named taken/],
    ['a name with a space', 'name', (f) => (f.name = 'a b'), /letters, digits/],
    [
      'a public IP typed internal',
      'target-0-address',
      (f) => (f.targets[0]!.address = 'http://8.8.8.8/'),
      /private-network/,
    ],
    [
      'a private IP typed internet',
      'target-0-address',
      (f) => (f.targets[0]!.addressType = 'internet'),
      /address type internal/,
    ],
    [
      'a user in the address',
      'target-0-address',
      (f) => (f.targets[0]!.address = 'http://u:p@10.0.0.8/'),
      /user name/,
    ],
    [
      'a header without a value',
      'target-0-header',
      (f) => (f.targets[0]!.authHeader = 'Authorization'),
      /name:value/,
    ],
    [
      'a line break in a header',
      'target-0-header',
      (f) => (f.targets[0]!.authHeader = 'A:b\nC:d'),
      /line breaks/,
    ],
    [
      'an X-Swr header',
      'target-0-header',
      (f) => (f.targets[0]!.authHeader = 'X-Swr-Event:x'),
      /set by the webhook/,
    ],
    [
      'the same address twice',
      'target-1-address',
      (f) => f.targets.push({ ...f.targets[0]! }),
      /Another target/,
    ],
    ['an empty pattern', 'rule-0-tag', (f) => (f.rules[0]!.tag = ''), /Enter a pattern/],
    ['a broken pattern', 'rule-0-repository', (f) => (f.rules[0]!.repository = 'a{b'), /./],
  ])('when the form has %s, then %s says so', (_, field, change, message) => {
    const problems = filled(change);
    expect(Object.keys(problems)).toEqual([field]);
    expect(problems[field]).toMatch(message);
  });

  it('when the page is in Chinese, then the rules’ problems are in Chinese', () => {
    const form = emptyWebhook();
    form.name = 'ci';
    form.targets[0]!.address = 'http://8.8.8.8/';
    const problems = formProblems(translator('zh-CN'), 'zh-CN', form, new Set());
    expect(problems['target-0-address']).toMatch(/^内网地址必须是私有网络 IP 地址/);
  });

  it('when targets follow a saved target, then it cannot be removed (they would take its place); a new one can', () => {
    const form = fromWebhook(stored);
    expect(removable(form.targets, 0)).toBe(false);
    expect(removable(form.targets, 1)).toBe(true);
    form.targets.push({ ...form.targets[1]!, stored: false, address: 'http://10.0.0.9/' });
    expect(removable(form.targets, 1)).toBe(false);
    expect(removable(form.targets, 2)).toBe(true);
    form.targets.push({ ...form.targets[2]!, address: 'http://10.0.0.10/' });
    expect(removable(form.targets, 2)).toBe(true);
    expect(removable([form.targets[0]!], 0)).toBe(false);
  });

  it('when SWR refuses a target’s address or a taken name, then the refusal goes to that field', () => {
    const invalid = new ApiError({
      status: 400,
      code: 'SWR.400001',
      message:
        'Invalid body.targets.1.address: the address of a target cannot change; it is "http://10.0.0.8/".',
    });
    expect(refusalAtField(t, 'en-US', invalid, 'ci')).toEqual({
      field: 'target-1-address',
      message: 'the address of a target cannot change; it is "http://10.0.0.8/".',
    });
    const taken = new ApiError({ status: 409, code: 'SWR.409001', message: 'exists' });
    expect(refusalAtField(t, 'en-US', taken, 'ci')).toEqual({
      field: 'name',
      message: t('wh.form.nameTaken', { name: 'ci' }),
    });
    expect(refusalAtField(t, 'en-US', new ApiError({ status: 500, message: 'x' }), 'ci')).toBe(
      undefined,
    );
  });
});

describe('the rules’ problems in Chinese', () => {
  /** An input for every problem the contract's rules can give. */
  const addresses: [string, 'internal' | 'internet'][] = [
    ['', 'internal'],
    [`http://10.0.0.1/${'a'.repeat(600)}`, 'internal'],
    ['http://10.0.0.1/a b', 'internal'],
    ['http://[zz]/', 'internal'],
    ['ftp://10.0.0.1/', 'internal'],
    ['http://u:p@10.0.0.1/', 'internal'],
    ['http://10.0.0.1:0/', 'internal'],
    ['http://example.com/', 'internal'],
    ['http://10.0.0.1/', 'internet'],
    ['http://169.254.169.254/', 'internet'],
  ];
  const headers = [
    'A:b'.repeat(1500),
    'A:b\r\nC:d',
    'nocolon',
    ':value',
    'Bad Name:x',
    'Host:x',
    'A:1;a:2',
    'A:\u0001',
    Array.from({ length: 11 }, (_, i) => `H${i}:v`).join(';'),
  ];
  const problems = [
    ...addresses.map(([address, type]) => webhookAddressProblem(address, type)),
    ...headers.map((header) => {
      const parsed = parseAuthHeader(header);
      return 'problem' in parsed ? parsed.problem : undefined;
    }),
  ];

  it('when every rule is broken, then each problem has Chinese words, and every pattern is used', () => {
    expect(problems.every((problem) => problem !== undefined)).toBe(true);
    const untranslated = problems.filter((problem) => problemText('zh-CN', problem!) === problem);
    expect(untranslated).toEqual([]);
    const used = PROBLEM_PATTERNS.filter(([pattern]) => problems.some((p) => pattern.test(p!)));
    expect(used).toHaveLength(PROBLEM_PATTERNS.length);
  });

  it('when the page is in English, then the rule’s own words are shown', () => {
    expect(problemText('en-US', 'Enter an address.')).toBe('Enter an address.');
  });
});
