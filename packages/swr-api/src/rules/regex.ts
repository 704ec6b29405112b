/**
 * SWR evaluates tag patterns with a Go (RE2) engine. JavaScript's engine accepts a superset, so
 * the constructs RE2 refuses are refused here too: look-around and back-references.
 */
export function regexProblem(pattern: string): string | undefined {
  if (/\(\?<?[=!]/.test(pattern)) return 'Look-ahead and look-behind are not supported.';
  if (/\\[1-9]|\\k</.test(pattern)) return 'Back-references are not supported.';
  try {
    new RegExp(pattern);
    return undefined;
  } catch (error) {
    return `Not a valid regular expression: ${(error as Error).message}`;
  }
}
