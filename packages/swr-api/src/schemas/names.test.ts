import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { namespaceName, repositoryName, repositoryPathName, tagName } from './names.js';
import { repositoryFromPath, repositoryToPath } from '../wire/patterns.js';

describe('organization names', () => {
  it.each(['a', 'group', 'my-team', 'a.b', 'a_b', 'a__b', 'a--b', 'team1', 'x'.repeat(64)])(
    'when the name is "%s", then it is accepted',
    (name) => expect(namespaceName.safeParse(name).success).toBe(true),
  );

  it.each([
    ['', 'Enter an organization name.'],
    ['1team', 'start with a letter'],
    ['Team', 'lower-case'],
    ['team-', 'end with a letter or digit'],
    ['a._b', 'single'],
    ['a___b', 'single'],
    ['a..b', 'single'],
    ['a/b', 'lower-case'],
    ['x'.repeat(65), 'at most 64'],
  ])('when the name is "%s", then it is refused saying why', (name, reason) => {
    const result = namespaceName.safeParse(name);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(' ')).toContain(reason);
  });
});

describe('repository names', () => {
  it.each(['nginx', 'library/nginx', 'team/app/api', 'a.b_c__d-e', '0', 'x'.repeat(128)])(
    'when the name is "%s", then it is accepted',
    (name) => expect(repositoryName.safeParse(name).success).toBe(true),
  );

  it.each(['', '/nginx', 'nginx/', 'a//b', 'a/-b', 'Nginx', 'a$b', 'x'.repeat(129)])(
    'when the name is "%s", then it is refused',
    (name) => expect(repositoryName.safeParse(name).success).toBe(false),
  );

  it('when a name travels in a path, then every "/" is "$" and it comes back unchanged', () => {
    const component = fc.stringMatching(/^[a-z0-9]+(?:[._-][a-z0-9]+)*$/);
    fc.assert(
      fc.property(fc.array(component, { minLength: 1, maxLength: 4 }), (parts) => {
        const name = parts.join('/');
        const inPath = repositoryToPath(name);
        expect(inPath).not.toContain('/');
        expect(repositoryFromPath(inPath)).toBe(name);
        expect(repositoryPathName.safeParse(inPath).success).toBe(
          repositoryName.safeParse(name).success,
        );
      }),
    );
  });

  it('when a client escapes "/" as %2F, then it reads as the same repository', () => {
    expect(repositoryFromPath('library%2Fnginx')).toBe('library/nginx');
    expect(repositoryFromPath('library%2fnginx')).toBe('library/nginx');
  });
});

describe('tags', () => {
  it.each(['latest', 'v1.0.0', '1', '_x', 'v1.0-rc_1', 'A'.repeat(128)])(
    'when the tag is "%s", then it is accepted',
    (tag) => expect(tagName.safeParse(tag).success).toBe(true),
  );

  it.each(['', '.v1', '-v1', 'v1:2', 'v1/2', 'A'.repeat(129), 'v1.0-ü'])(
    'when the tag is "%s", then it is refused',
    (tag) => expect(tagName.safeParse(tag).success).toBe(false),
  );
});
