import { describe, expect, it } from 'vitest';
import { NAME_RULES, nameProblem, type NameKind } from './name-problems.js';

const KINDS = Object.keys(NAME_RULES) as NameKind[];

/** A deterministic stream of names made mostly of the characters that matter to the rules. */
function* names(count: number): Generator<string> {
  const alphabet = 'ab0._-/_-A ';
  let seed = 7;
  for (let i = 0; i < count; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const length = 1 + (seed % 9);
    let name = '';
    for (let j = 0; j < length; j++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      name += alphabet[seed % alphabet.length];
    }
    yield name;
  }
}

describe('what is wrong with a name', () => {
  it.each(KINDS)(
    'when any %s name is checked, then a problem is named exactly when SWR’s pattern or length refuses it',
    (kind) => {
      const { max, pattern } = NAME_RULES[kind];
      for (const name of names(20_000)) {
        const accepted = name.length <= max && pattern.test(name);
        expect(nameProblem(kind, name) === undefined, name).toBe(accepted);
      }
    },
  );

  it.each([
    ['namespace', '', { kind: 'empty' }],
    ['namespace', 'a'.repeat(65), { kind: 'tooLong', length: 65, max: 64 }],
    ['repository', 'a'.repeat(300), { kind: 'tooLong', length: 300, max: 128 }],
    ['namespace', 'Team', { kind: 'uppercase' }],
    ['namespace', 'team web', { kind: 'character', character: ' ' }],
    ['repository', 'web/app:1', { kind: 'character', character: ':' }],
    ['namespace', '1team', { kind: 'start' }],
    ['enterprise', '1team', undefined],
    ['repository', 'web/-app', { kind: 'start' }],
    ['namespace', 'team-', { kind: 'end' }],
    ['repository', 'web//app', { kind: 'emptyPart' }],
    ['repository', '/web', { kind: 'emptyPart' }],
    ['namespace', 'team._web', { kind: 'separators', separators: '._' }],
    ['namespace', 'team__web', undefined],
    ['namespace', 'team---web', undefined],
    ['enterprise', 'team__web', { kind: 'separators', separators: '__' }],
    ['repository', 'team/web.app', undefined],
  ] as const)('when a %s is named %j, then the problem is %j', (kind, name, problem) =>
    expect(nameProblem(kind, name)).toEqual(problem),
  );

  it('when a name has characters outside the basic plane, then each counts once toward the limit', () => {
    expect(nameProblem('namespace', '😀'.repeat(65))).toEqual({
      kind: 'tooLong',
      length: 65,
      max: 64,
    });
    expect(nameProblem('namespace', '😀'.repeat(64))).toEqual({
      kind: 'character',
      character: '😀',
    });
  });
});
