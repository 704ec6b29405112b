/**
 * Doublestar globs, as SWR's Enterprise policies use them for repositories and tags: `*` is any run
 * of characters without `/`, `**` any run including `/`, `?` one character other than `/`,
 * `[abc]`, `[a-z]` and `[!a]` a character class, `{a,b}` alternatives (which may hold globs), and
 * `\` takes the next character literally. Free of any schema library, so browsers use it as is.
 */
export class GlobSyntaxError extends Error {
  constructor(readonly problem: string) {
    super(problem);
    this.name = 'GlobSyntaxError';
  }
}

export const MAX_GLOB_LENGTH = 512;

/** Compiles a glob to an anchored regular expression; throws GlobSyntaxError when it is malformed. */
export function compileGlob(pattern: string): RegExp {
  if (pattern.length === 0) throw new GlobSyntaxError('The pattern is empty.');
  if (pattern.length > MAX_GLOB_LENGTH)
    throw new GlobSyntaxError(`A pattern has at most ${MAX_GLOB_LENGTH} characters.`);
  const { source, end } = translate(pattern, 0, false);
  if (end !== pattern.length) throw new GlobSyntaxError(`Unexpected "${pattern[end]}".`);
  return new RegExp(`^${source}$`, 'u');
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

export function globMatches(pattern: string | RegExp, value: string): boolean {
  return (typeof pattern === 'string' ? compileGlob(pattern) : pattern).test(value);
}

const escapeRegex = (char: string) => char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const escapeInClass = (char: string) => char.replace(/[\]\\^[-]/g, '\\$&');

/** Translates from `start` until the end, or until a `,` or `}` that closes an alternative. */
function translate(
  pattern: string,
  start: number,
  inAlternative: boolean,
): { source: string; end: number } {
  let source = '';
  let i = start;
  while (i < pattern.length) {
    const char = pattern[i]!;
    if (inAlternative && (char === ',' || char === '}')) break;
    if (char === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) throw new GlobSyntaxError('A pattern cannot end with "\\".');
      source += escapeRegex(next);
      i += 2;
    } else if (char === '*') {
      if (pattern[i + 1] === '*') {
        source += '.*';
        i += 2;
      } else {
        source += '[^/]*';
        i += 1;
      }
    } else if (char === '?') {
      source += '[^/]';
      i += 1;
    } else if (char === '[') {
      const { source: cls, end } = characterClass(pattern, i);
      source += cls;
      i = end;
    } else if (char === '{') {
      const options: string[] = [];
      i += 1;
      for (;;) {
        const option = translate(pattern, i, true);
        options.push(option.source);
        i = option.end;
        if (i >= pattern.length) throw new GlobSyntaxError('A "{" is never closed.');
        i += 1;
        if (pattern[i - 1] === '}') break;
      }
      source += `(?:${options.join('|')})`;
    } else if (char === '}' || char === ']') {
      throw new GlobSyntaxError(`Unexpected "${char}".`);
    } else {
      source += escapeRegex(char);
      i += 1;
    }
  }
  return { source, end: i };
}

function characterClass(pattern: string, open: number): { source: string; end: number } {
  let i = open + 1;
  let negated = false;
  if (pattern[i] === '!' || pattern[i] === '^') {
    negated = true;
    i += 1;
  }
  let body = '';
  let first = true;
  while (i < pattern.length && (pattern[i] !== ']' || first)) {
    const char = pattern[i]!;
    if (char === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) throw new GlobSyntaxError('A pattern cannot end with "\\".');
      body += escapeInClass(next);
      i += 2;
    } else if (char === '-' && body !== '' && pattern[i + 1] !== ']') {
      body += '-';
      i += 1;
    } else {
      body += escapeInClass(char);
      i += 1;
    }
    first = false;
  }
  if (i >= pattern.length) throw new GlobSyntaxError('A "[" is never closed.');
  if (body === '') throw new GlobSyntaxError('A character class is empty.');
  try {
    new RegExp(`[${body}]`, 'u');
  } catch {
    throw new GlobSyntaxError(`The character class "${pattern.slice(open, i + 1)}" is invalid.`);
  }
  return { source: negated ? `(?![/])[^${body}]` : `[${body}]`, end: i + 1 };
}
