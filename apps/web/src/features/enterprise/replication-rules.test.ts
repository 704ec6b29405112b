import {
  registryBody,
  registryUrl,
  replicationPolicyBody,
  type Registry,
  type ReplicationPolicy,
  MASKED_SECRET,
} from '@swr-console/swr-api';
import { describe, expect, it } from 'vitest';
import {
  emptyPolicyForm,
  emptyRegistry,
  fromPolicy,
  fromRegistry,
  policyProblems,
  registryProblems,
  registryUrlProblem,
  toPolicyBody,
  toRegistryBody,
  type PolicyForm,
} from './replication-rules';

const stored: Registry = {
  id: 3,
  name: 'mirror',
  description: '',
  region_id: '',
  instance_id: '',
  type: 'swr-pro',
  url: 'https://mirror.example.com:5000',
  credential: { type: 'basic', access_key: 'robot', access_secret: '*****' },
  insecure: false,
  status: 'healthy',
  created_at: '2026-05-01T00:00:00Z',
  updated_at: '2026-05-01T00:00:00Z',
};
const none = new Set<string>();

describe('the registry form', () => {
  it('when a registry is added, then the body carries the typed user name and secret', () => {
    const body = toRegistryBody({
      ...emptyRegistry(),
      name: ' mirror ',
      url: 'http://127.0.0.1:5000',
      username: 'robot',
      secret: 's3cret',
    });
    expect(body).toEqual({
      name: 'mirror',
      type: 'swr-pro',
      url: 'http://127.0.0.1:5000',
      credential: { type: 'basic', access_key: 'robot', access_secret: 's3cret' },
      insecure: false,
    });
    expect(registryBody.safeParse(body).success).toBe(true);
  });

  it('when a registry is edited and its secret left untouched, then ***** is sent, which keeps the stored one', () => {
    const form = fromRegistry(stored);
    expect(form.secret).toBe('');
    const body = toRegistryBody({ ...form, url: 'https://mirror.example.com:5443' }, stored);
    expect(body.credential).toEqual({
      type: 'basic',
      access_key: 'robot',
      access_secret: MASKED_SECRET,
    });
  });

  it('when a new secret is typed on an edit, then it is sent; without a user name no secret is', () => {
    const form = fromRegistry(stored);
    expect(toRegistryBody({ ...form, secret: 'new' }, stored).credential.access_secret).toBe('new');
    expect(toRegistryBody({ ...form, username: '' }, stored).credential).toEqual({
      type: 'basic',
      access_key: '',
      access_secret: '',
    });
  });

  it('when a registry reached without a login gets a user name, then an empty secret is sent as typed (there is none to keep)', () => {
    const anonymous: Registry = { ...stored, credential: undefined };
    const body = toRegistryBody({ ...fromRegistry(anonymous), username: 'robot' }, anonymous);
    expect(body.credential.access_secret).toBe('');
  });

  it('when the target is another Enterprise instance, then its region, project and instance are sent and required', () => {
    const form = {
      ...emptyRegistry(),
      name: 'other',
      type: 'swr-pro-internal' as const,
      url: 'https://other.example.com',
    };
    expect(registryProblems(form, none)).toEqual({ internal: 'internal.missing' });
    const body = toRegistryBody({
      ...form,
      regionId: 'cn-east-3',
      projectId: 'p',
      instanceId: 'i',
    });
    expect(body).toMatchObject({ region_id: 'cn-east-3', project_id: 'p', instance_id: 'i' });
    expect(registryBody.safeParse(body).success).toBe(true);
  });

  it('when fields are wrong, then each names its problem, a taken name too', () => {
    expect(
      registryProblems(
        { ...emptyRegistry(), name: 'mir ror', url: 'ftp://x', secret: 'x'.repeat(4097) },
        none,
      ),
    ).toEqual({ name: 'name.characters', url: 'url.scheme', secret: 'secret.long' });
    expect(
      registryProblems(
        { ...emptyRegistry(), name: 'mirror', url: 'http://h' },
        new Set(['mirror']),
      ),
    ).toEqual({ name: 'name.taken' });
  });

  it('when an edit moves the registry to another address, then the stored secret is not kept for it', () => {
    const moved = { ...fromRegistry(stored), url: 'https://elsewhere.example.com:5000' };
    expect(registryProblems(moved, none, stored)).toEqual({ secret: 'secret.newAddress' });
    // Same origin, another path spelling: the stored secret still goes where it was given for.
    expect(
      registryProblems({ ...moved, url: 'https://mirror.example.com:5000/' }, none, stored),
    ).toEqual({});
    expect(registryProblems({ ...moved, secret: 'typed-again' }, none, stored)).toEqual({});
  });

  it.each([
    ['', 'missing'],
    ['registry.example.com', 'invalid'],
    ['ftp://registry.example.com', 'scheme'],
    ['https://user:pw@registry.example.com', 'credentials'],
    ['https://registry.example.com/?x=1', 'query'],
    ['https://registry.example.com#top', 'query'],
    [`https://${'a'.repeat(510)}.com`, 'long'],
    ['http://127.0.0.1:5000', undefined],
    ['https://registry.example.com/v2', undefined],
  ])('when the address is %j, then the problem is %s, as the contract says', (url, problem) => {
    expect(registryUrlProblem(url)).toBe(problem);
    expect(registryUrl.safeParse(url).success).toBe(problem === undefined);
  });
});

const push: PolicyForm = {
  ...emptyPolicyForm(),
  name: 'to-mirror',
  registryId: 3,
  destNamespace: 'mirror',
  nameFilter: 'team/**',
  tagFilter: 'v*',
};

describe('the policy form', () => {
  it('when a push policy is saved, then the registry is the destination and both filters are sent', () => {
    const body = toPolicyBody(push);
    expect(body).toEqual({
      name: 'to-mirror',
      dest_registry: { id: 3 },
      dest_namespace: 'mirror',
      filters: [
        { type: 'name', value: 'team/**' },
        { type: 'tag', value: 'v*' },
      ],
      repo_scope_mode: 'regular',
      trigger: { type: 'manual' },
      override: false,
      enabled: true,
    });
    expect(replicationPolicyBody.safeParse(body).success).toBe(true);
  });

  it('when a pull policy on a schedule with empty filters is saved, then the registry is the source, no filter is sent and the cron is', () => {
    const body = toPolicyBody({
      ...push,
      direction: 'pull',
      destNamespace: '',
      nameFilter: '',
      tagFilter: ' ',
      trigger: 'scheduled',
      cron: ' 0 30 1 * * MON ',
    });
    expect(body).toMatchObject({
      src_registry: { id: 3 },
      filters: [],
      trigger: { type: 'scheduled', trigger_settings: { cron: '0 30 1 * * MON' } },
    });
    expect(body).not.toHaveProperty('dest_registry');
    expect(body).not.toHaveProperty('dest_namespace');
    expect(replicationPolicyBody.safeParse(body).success).toBe(true);
  });

  it('when a saved policy is opened, then the form reads it back as it was typed', () => {
    const policy: ReplicationPolicy = {
      ...toPolicyBody({ ...push, trigger: 'event_based', override: true }),
      id: 7,
      description: '',
      dest_namespace: 'mirror',
      override: true,
      created_at: '',
      updated_at: '',
    };
    expect(fromPolicy(policy)).toEqual({ ...push, trigger: 'event_based', override: true });
  });

  it('when the filters, the schedule or the namespace are wrong, then each field says why in the contract’s words', () => {
    const problems = policyProblems(
      {
        ...push,
        nameFilter: 'team/{a',
        tagFilter: 'v[',
        destNamespace: 'Mirror',
        trigger: 'scheduled',
        cron: '* * * * * *',
      },
      none,
    );
    expect(problems.nameFilter).toBe('text:A "{" is never closed.');
    expect(problems.tagFilter).toBe('text:A "[" is never closed.');
    expect(problems.destNamespace).toBe('namespace.characters');
    expect(problems.cron).toBe(
      'text:The second field "*" fires 60 times a minute. A schedule runs at most once a minute: give one second, e.g. 0.',
    );
  });

  it('when a pull would run on push, or no registry is chosen, then the form says so and the contract agrees', () => {
    const form = { ...push, direction: 'pull' as const, trigger: 'event_based' as const };
    expect(policyProblems(form, none)).toEqual({ trigger: 'trigger.pullOnPush' });
    expect(replicationPolicyBody.safeParse(toPolicyBody(form)).success).toBe(false);
    expect(policyProblems({ ...push, registryId: undefined }, new Set(['to-mirror']))).toEqual({
      name: 'name.taken',
      registry: 'registry.missing',
    });
  });

  it('when a valid form is checked, then it has no problem and the contract takes its body', () => {
    for (const form of [
      push,
      { ...push, trigger: 'scheduled' as const, cron: '0 0 2 * * *' },
      { ...push, destNamespace: 'mirror/deep', nameFilter: '{a,b}/*' },
    ]) {
      expect(policyProblems(form, none)).toEqual({});
      expect(replicationPolicyBody.safeParse(toPolicyBody(form)).success).toBe(true);
    }
  });
});
