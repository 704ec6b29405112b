import {
  ENTERPRISE_NAME_PATTERN,
  NAMESPACE_PATTERN,
  REPOSITORY_PATTERN,
} from '../wire/patterns.js';

/** The names SWR checks, with their longest length and their pattern (wire/patterns.ts). */
export const NAME_RULES = {
  /** An organization (Basic edition namespace). */
  namespace: { max: 64, pattern: NAMESPACE_PATTERN },
  /** A repository: components joined by `/`, counted whole. */
  repository: { max: 128, pattern: REPOSITORY_PATTERN },
  /** An Enterprise namespace. */
  enterprise: { max: 64, pattern: ENTERPRISE_NAME_PATTERN },
} as const;

export type NameKind = keyof typeof NAME_RULES;

/**
 * What is wrong with a name, said about what was typed: the first problem found, in the order a
 * person would fix them. `pattern` is left for what none of the others names.
 */
export type NameProblem =
  | { kind: 'empty' }
  | { kind: 'tooLong'; length: number; max: number }
  | { kind: 'uppercase' }
  | { kind: 'character'; character: string }
  | { kind: 'start' }
  | { kind: 'end' }
  | { kind: 'separators'; separators: string }
  | { kind: 'emptyPart' }
  | { kind: 'pattern' };

/** A text's length as a person counts what they typed: in characters, not UTF-16 units. */
export function textLength(text: string): number {
  return [...text].length;
}

/** The problem of a text longer than `max` characters, or undefined when it fits. */
export function lengthProblem(
  text: string,
  max: number,
): Extract<NameProblem, { kind: 'tooLong' }> | undefined {
  const length = textLength(text);
  return length > max ? { kind: 'tooLong', length, max } : undefined;
}

const ALLOWED = { namespace: /[a-z0-9._-]/, repository: /[a-z0-9._/-]/, enterprise: /[a-z0-9._-]/ };
/** Separators that may stand together: `__` and runs of `-` (Basic edition only). */
const ADJACENT_OK = { namespace: /^(?:__|-+)$/, repository: /^(?:__|-+)$/, enterprise: /^$/ };

/** What is wrong with `name` as a name of that kind, or undefined when SWR accepts it. */
export function nameProblem(kind: NameKind, name: string): NameProblem | undefined {
  const { max, pattern } = NAME_RULES[kind];
  if (name === '') return { kind: 'empty' };
  const tooLong = lengthProblem(name, max);
  if (tooLong) return tooLong;
  if (pattern.test(name)) return undefined;
  if (/[A-Z]/.test(name)) return { kind: 'uppercase' };
  const stray = [...name].find((character) => !ALLOWED[kind].test(character));
  if (stray !== undefined) return { kind: 'character', character: stray };
  const parts = kind === 'repository' ? name.split('/') : [name];
  if (parts.some((part) => part === '')) return { kind: 'emptyPart' };
  for (const part of parts) {
    const first = kind === 'namespace' ? /^[a-z]/ : /^[a-z0-9]/;
    if (!first.test(part)) return { kind: 'start' };
    if (!/[a-z0-9]$/.test(part)) return { kind: 'end' };
    for (const run of part.match(/[._-]{2,}/g) ?? [])
      if (!ADJACENT_OK[kind].test(run)) return { kind: 'separators', separators: run };
  }
  return { kind: 'pattern' };
}
