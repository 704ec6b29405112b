import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodySubject } from './subject.js';

describe('what a held deletion takes away, read from its body', () => {
  it('when an automatic sync is deleted, then its target region and organization are named', () => {
    expect(
      bodySubject(
        'DeleteImageSyncRepo',
        JSON.stringify({ remoteRegionId: 'ap-southeast-1', remoteNamespace: 'team-web' }),
      ),
    ).toEqual({ remoteRegionId: 'ap-southeast-1', remoteNamespace: 'team-web' });
  });

  it('when one user’s permission is revoked, then the user is named; several, or none, name nobody', () => {
    expect(bodySubject('DeleteUserRepositoryAuth', '["u-1"]')).toEqual({ user_id: 'u-1' });
    expect(bodySubject('DeleteNamespaceAuth', '["u-1"]')).toEqual({ user_id: 'u-1' });
    expect(bodySubject('DeleteNamespaceAuth', '["u-1","u-2"]')).toEqual({});
    expect(bodySubject('DeleteNamespaceAuth', '[]')).toEqual({});
  });

  it('when the operation names its subject in the path, then the body is not read', () => {
    expect(bodySubject('DeleteRepo', '{"remoteRegionId":"x","remoteNamespace":"y"}')).toEqual({});
  });

  it('when the body is anything at all, then the answer is a small record of short strings, and nothing throws', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('DeleteImageSyncRepo', 'DeleteUserRepositoryAuth', 'DeleteNamespaceAuth'),
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((value) => JSON.stringify(value)),
        ),
        (operation, body) => {
          const subject = bodySubject(operation, body);
          expect(Object.keys(subject).length).toBeLessThanOrEqual(2);
          for (const value of Object.values(subject)) {
            expect(typeof value).toBe('string');
            expect(value.length).toBeLessThanOrEqual(128);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
