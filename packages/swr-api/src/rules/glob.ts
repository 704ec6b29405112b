/**
 * Doublestar globs, as SWR's Enterprise policies use them for repositories and tags: `*` is any run
 * of characters without `/`, `**` any run including `/`, `?` one character other than `/`,
 * `[abc]`, `[a-z]` and `[!a]` a character class, `{a,b}` alternatives (which may hold globs), and
 * `\` takes the next character literally. Free of any schema library, so browsers use it as is.
 *
 * Matching never backtracks: alternatives are expanded (at most {@link MAX_ALTERNATIVES} ways) and
 * each expansion is matched in one pass over the value, so its cost is bounded by the pattern's
 * length times the value's, whatever the pattern. (A regular expression would let a pattern such
 * as `*a*a*a*a*a*a*a*a*b` take minutes on a short tag.)
 */
export class GlobSyntaxError extends Error {
  constructor(readonly problem: string) {
    super(problem);
    this.name = 'GlobSyntaxError';
  }
}

export const MAX_GLOB_LENGTH = 512;
export const MAX_ALTERNATIVES = 64;

type Token =
  | { kind: 'char'; char: string }
  | { kind: 'one' }
  | { kind: 'star' }
  | { kind: 'globstar' }
  | { kind: 'class'; negated: boolean; ranges: [string, string][] };

export interface Glob {
  test(value: string): boolean;
}

/** Compiles a glob; throws GlobSyntaxError when it is malformed. */
export function compileGlob(pattern: string): Glob {
  if (pattern.length === 0) throw new GlobSyntaxError('The pattern is empty.');
  if (pattern.length > MAX_GLOB_LENGTH)
    throw new GlobSyntaxError(`A pattern has at most ${MAX_GLOB_LENGTH} characters.`);
  const { sequences, end } = parse(pattern, 0, false);
  if (end !== pattern.length) throw new GlobSyntaxError(`Unexpected "${pattern[end]}".`);
  return { test: (value) => sequences.some((tokens) => matches(tokens, value)) };
}

/** The problem with a pattern, or undefined when it compiles. */
export function globProblem(pattern: string): string | undefined {
  try {
    compileGlob(pattern);
    return undefined;
  } catch (error) {
    if (error instanceof GlobSyntaxError) return error.problem;
    throw error;
  }
}

export function globMatches(pattern: string | Glob, value: string): boolean {
  return (typeof pattern === 'string' ? compileGlob(pattern) : pattern).test(value);
}

/** Every token sequence the pattern stands for, from `start` up to the end or a closing `,`/`}`. */
function parse(
  pattern: string,
  start: number,
  inAlternative: boolean,
): { sequences: Token[][]; end: number } {
  let sequences: Token[][] = [[]];
  const append = (tokens: Token[]) => (sequences = sequences.map((s) => [...s, ...tokens]));
  let i = start;
  while (i < pattern.length) {
    const char = pattern[i]!;
    if (inAlternative && (char === ',' || char === '}')) break;
    if (char === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) throw new GlobSyntaxError('A pattern cannot end with "\\".');
      append([{ kind: 'char', char: next }]);
      i += 2;
    } else if (char === '*') {
      const globstar = pattern[i + 1] === '*';
      append([{ kind: globstar ? 'globstar' : 'star' }]);
      i += globstar ? 2 : 1;
    } else if (char === '?') {
      append([{ kind: 'one' }]);
      i += 1;
    } else if (char === '[') {
      const { token, end } = characterClass(pattern, i);
      append([token]);
      i = end;
    } else if (char === '{') {
      const options: Token[][] = [];
      i += 1;
      for (;;) {
        const option = parse(pattern, i, true);
        options.push(...option.sequences);
        i = option.end;
        if (i >= pattern.length) throw new GlobSyntaxError('A "{" is never closed.');
        i += 1;
        if (pattern[i - 1] === '}') break;
      }
      if (sequences.length * options.length > MAX_ALTERNATIVES)
        throw new GlobSyntaxError(`A pattern stands for at most ${MAX_ALTERNATIVES} alternatives.`);
      sequences = sequences.flatMap((s) => options.map((option) => [...s, ...option]));
    } else if (char === '}' || char === ']') {
      throw new GlobSyntaxError(`Unexpected "${char}".`);
    } else {
      append([{ kind: 'char', char }]);
      i += 1;
    }
  }
  return { sequences, end: i };
}

function characterClass(pattern: string, open: number): { token: Token; end: number } {
  let i = open + 1;
  let negated = false;
  if (pattern[i] === '!' || pattern[i] === '^') {
    negated = true;
    i += 1;
  }
  const ranges: [string, string][] = [];
  const literal = (): string => {
    const char = pattern[i]!;
    if (char === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) throw new GlobSyntaxError('A pattern cannot end with "\\".');
      i += 2;
      return next;
    }
    i += 1;
    return char;
  };
  while (i < pattern.length && (pattern[i] !== ']' || ranges.length === 0)) {
    const from = literal();
    if (pattern[i] === '-' && i + 1 < pattern.length && pattern[i + 1] !== ']') {
      i += 1;
      const to = literal();
      if (to < from)
        throw new GlobSyntaxError(
          `The character class "${pattern.slice(open, i + 1)}" has a range backwards.`,
        );
      ranges.push([from, to]);
    } else ranges.push([from, from]);
  }
  if (i >= pattern.length) throw new GlobSyntaxError('A "[" is never closed.');
  return { token: { kind: 'class', negated, ranges }, end: i + 1 };
}

/**
 * One pass over the tokens, keeping the set of value positions reachable so far: linear in the
 * tokens times the value's length, without backtracking.
 */
function matches(tokens: Token[], value: string): boolean {
  let reach = new Uint8Array(value.length + 1);
  reach[0] = 1;
  for (const token of tokens) {
    const next = new Uint8Array(value.length + 1);
    if (token.kind === 'globstar') {
      const first = reach.indexOf(1);
      if (first < 0) return false;
      next.fill(1, first);
    } else if (token.kind === 'star') {
      let open = false;
      for (let j = 0; j <= value.length; j++) {
        if (reach[j]) open = true;
        if (open) next[j] = 1;
        if (value[j] === '/') open = false;
      }
    } else {
      for (let j = 0; j < value.length; j++) {
        if (reach[j] && accepts(token, value[j]!)) next[j + 1] = 1;
      }
    }
    reach = next;
  }
  return reach[value.length] === 1;
}

function accepts(token: Exclude<Token, { kind: 'star' | 'globstar' }>, char: string): boolean {
  if (token.kind === 'char') return token.char === char;
  if (char === '/') return false;
  if (token.kind === 'one') return true;
  const inside = token.ranges.some(([from, to]) => from <= char && char <= to);
  return inside !== token.negated;
}
