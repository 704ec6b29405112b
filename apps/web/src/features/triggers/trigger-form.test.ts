import type { Trigger } from '@swr-console/swr-api';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_TRIGGER,
  fromTrigger,
  needsRecreate,
  toBody,
  triggerProblems,
  type TriggerValues,
} from './trigger-form';

const good: TriggerValues = {
  ...EMPTY_TRIGGER,
  name: 'deploy-web',
  cluster: 'prod',
  application: 'web',
};

describe('triggerProblems', () => {
  it('when the values are complete, then there is no problem', () => {
    expect(triggerProblems(good, new Set())).toEqual({});
  });

  it('when fields are missing or malformed, then each field says so', () => {
    expect(
      triggerProblems(
        { ...good, name: '1st', cluster: ' ', clusterNamespace: 'Prod', application: '' },
        new Set(),
      ),
    ).toEqual({
      name: 'triggers.problem.name',
      cluster: 'triggers.problem.cluster',
      clusterNamespace: 'triggers.problem.k8s',
      application: 'triggers.problem.required',
    });
  });

  it('when the name is another trigger’s, then it is taken', () => {
    expect(triggerProblems(good, new Set(['deploy-web'])).name).toBe('triggers.problem.taken');
  });

  it('when the condition does not fit the type, then it is refused', () => {
    expect(triggerProblems({ ...good, type: 'tag', condition: '' }, new Set()).condition).toBe(
      'triggers.problem.tags',
    );
    expect(
      triggerProblems({ ...good, type: 'tag', condition: 'v1;bad tag' }, new Set()).condition,
    ).toBe('triggers.problem.tagList');
    expect(
      triggerProblems({ ...good, type: 'regular', condition: '(' }, new Set()).condition,
    ).toEqual(expect.any(String));
    expect(triggerProblems({ ...good, type: 'regular', condition: '^v' }, new Set())).toEqual({});
  });

  it('when the trigger runs on CCI, then no cluster is asked for', () => {
    expect(triggerProblems({ ...good, mode: 'cci', cluster: '' }, new Set())).toEqual({});
  });
});

describe('toBody and fromTrigger', () => {
  it('when every tag fires it, then the condition SWR gets is .*; listed tags are trimmed', () => {
    expect(toBody(good)).toMatchObject({
      trigger_type: 'all',
      condition: '.*',
      cluster_name: 'prod',
    });
    expect(toBody({ ...good, type: 'tag', condition: 'v1 ; latest' }).condition).toBe('v1;latest');
    expect(toBody({ ...good, mode: 'cci' })).not.toHaveProperty('cluster_name');
  });

  it('when a trigger comes back from SWR, then the editor shows what was saved', () => {
    const body = toBody({ ...good, type: 'regular', condition: '^release-', enabled: false });
    const back = fromTrigger({
      ...body,
      cluster_id: '',
      cluster_name: body.cluster_name ?? '',
      container: body.container ?? '',
      trigger_mode: body.trigger_mode ?? 'cce',
      created_at: '2026-11-28T00:00:00Z',
      creator_name: 'ops',
      trigger_history: [],
    } as Trigger);
    expect(back).toEqual({ ...good, type: 'regular', condition: '^release-', enabled: false });
  });
});

describe('needsRecreate', () => {
  it('when only the switch changes, then SWR can update in place; anything else is recreated', () => {
    expect(needsRecreate(good, { ...good, enabled: false })).toBe(false);
    expect(needsRecreate(good, { ...good, application: 'api' })).toBe(true);
  });
});
