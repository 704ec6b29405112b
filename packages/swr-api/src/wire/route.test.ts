import { describe, expect, it } from 'vitest';
import { operations, type OperationId } from '../schemas/operations.js';
import { buildPath } from './paths.js';
import { matchOperation, pathExists } from './route.js';

const sample: Record<string, string> = {
  api_version: 'v2',
  namespace: 'group',
  repository: 'library/nginx',
  tag: 'v1.0',
  access_domain: 'partner-account',
  trigger: 'redeploy',
  retention_id: '12',
  project_id: '0123456789abcdef0123456789abcdef',
  resource_type: 'store',
  frequency: 'daily',
  instance_id: '7d1e4c39-2b5a-4f0e-9a51-0c9f6f1d2a11',
  namespace_name: '1st-team',
  repository_name: 'team/app',
  reference: `sha256:${'a'.repeat(64)}`,
  policy_id: '3',
  execution_id: '14',
  task_id: '15',
  addition: 'build_history',
  tag_name: 'v1.0',
  immutable_rule_id: '9',
  credential_id: 'LT4f2a9c',
  registry_id: '5',
};

describe('matchOperation', () => {
  it.each(Object.keys(operations) as OperationId[])(
    'when %s is built from its template, then it matches itself',
    (id) => {
      const operation = operations[id];
      const path = buildPath(operation.path, sample);
      const match = matchOperation(operation.method, path);
      expect(match?.id).toBe(id);
      for (const name of Object.keys(operation.params.shape)) {
        // A Basic repository keeps its `$`; an Enterprise one arrives encoded twice, so once
        // decoded by the router it still carries its `%2F`.
        const expected =
          name === 'repository'
            ? 'library$nginx'
            : name === 'repository_name'
              ? 'team%2Fapp'
              : sample[name];
        expect(match?.params[name]).toBe(expected);
      }
    },
  );

  it('when an Enterprise path is built, then the repository name travels encoded twice', () => {
    const path = buildPath(operations.ShowInstanceRepository.path, sample);
    expect(path).toContain('/repositories/team%252Fapp');
  });

  it('when the Enterprise tag filter is asked, then it is not read as a namespace called "resource-instances"', () => {
    const base = `/v2/p/instances/i/namespaces/resource-instances`;
    expect(matchOperation('POST', `${base}/filter`)?.id).toBe('ListSubResourceInstances');
    expect(matchOperation('POST', `${base}/count`)?.id).toBe('ShowSubResourceInstancesCount');
    expect(matchOperation('GET', `/v2/p/instances/i/namespaces/ns/tags`)?.id).toBe(
      'ListSubResourceTags',
    );
  });

  it('when the path is retentions/histories, then it is the history list, not a rule id', () => {
    expect(matchOperation('GET', '/v2/manage/namespaces/g/repos/r/retentions/histories')?.id).toBe(
      'ListRetentionHistories',
    );
    expect(matchOperation('GET', '/v2/manage/namespaces/g/repos/r/retentions/7')?.id).toBe(
      'ShowRetention',
    );
  });

  it('when a tag is named like a sub-resource, then the literal "tags" segment decides', () => {
    expect(matchOperation('GET', '/v2/manage/namespaces/g/repos/r/tags/accessories')?.id).toBe(
      'ShowRepoTag',
    );
    expect(matchOperation('GET', '/v2/manage/namespaces/g/repos/r/v1/accessories')?.id).toBe(
      'ListRepoAccessories',
    );
  });

  it('when the one-segment path is not a version, then it is not ShowApiVersion', () => {
    expect(matchOperation('GET', '/v2')?.id).toBe('ShowApiVersion');
    expect(matchOperation('GET', '/healthz')).toBeUndefined();
    expect(matchOperation('GET', '/')?.id).toBe('ListApiVersions');
  });

  it('when a segment is percent-encoded, then the parameter is decoded once', () => {
    expect(
      matchOperation('DELETE', '/v2/manage/namespaces/g/repos/library%24nginx/tags/v1.0-%C3%BC')
        ?.params,
    ).toEqual({
      namespace: 'g',
      repository: 'library$nginx',
      tag: 'v1.0-ü',
    });
  });

  it.each([
    ['GET', '/v2/manage/unknown'],
    ['PUT', '/v2/manage/namespaces'],
    ['GET', '/v2/manage/namespaces/g/repos/r/tags/v1/extra'],
    ['GET', '/v2/manage/namespaces//repos'],
    ['GET', '/v2/manage/namespaces/%zz'],
  ])('when it is %s %s, then no operation matches', (method, path) => {
    expect(matchOperation(method, path)).toBeUndefined();
  });

  it('when the method is wrong for an existing path, then pathExists lists the right ones', () => {
    expect(pathExists('/v2/manage/namespaces').sort()).toEqual(['GET', 'POST']);
    expect(pathExists('/v2/manage/nothing')).toEqual([]);
  });
});

describe('buildPath', () => {
  it('when a repository has "/", then it is sent as "$" and other characters are escaped', () => {
    expect(
      buildPath('/v2/manage/namespaces/{namespace}/repos/{repository}/tags/{tag}', {
        namespace: 'group',
        repository: 'library/nginx',
        tag: 'v1.0-ü',
      }),
    ).toBe('/v2/manage/namespaces/group/repos/library$nginx/tags/v1.0-%C3%BC');
  });

  it('when a value would break out of its segment, then it is escaped', () => {
    expect(buildPath('/v2/manage/namespaces/{namespace}', { namespace: '../x?y' })).toBe(
      '/v2/manage/namespaces/..%2Fx%3Fy',
    );
  });

  it('when a parameter is missing, then it throws', () => {
    expect(() => buildPath('/v2/manage/namespaces/{namespace}', {})).toThrow(/namespace/);
  });
});
