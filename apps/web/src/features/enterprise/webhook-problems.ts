import { interpolate, type Locale } from '../../shared/i18n';
import { problemsZh } from './webhook-problems.zh';

/**
 * The contract's webhook rules (`webhookAddressProblem`, `parseAuthHeader`) say what is wrong in
 * English; in Chinese their words are found here by pattern. They load with the dialog that shows
 * them, not with the catalogs every page loads. A problem no pattern knows is shown as the rule
 * says it; a test walks every problem the rules can give, so none is left untranslated.
 */
export const PROBLEM_PATTERNS: readonly [RegExp, keyof typeof problemsZh][] = [
  [/^Enter an address\.$/, 'addressEmpty'],
  [/^Use an address of at most (?<max>\d+) characters\.$/, 'addressLong'],
  [/^An address may not contain spaces/, 'addressSpaces'],
  [/^This is not a valid address\.$/, 'addressInvalid'],
  [/^Use an http:\/\/ or https:\/\/ address\.$/, 'addressScheme'],
  [/^Leave user name and password out/, 'addressUser'],
  [/^Use a port between/, 'addressPort'],
  [/^An internal address must be/, 'internalOnly'],
  [/^A private-network or loopback address must have/, 'privateIsInternal'],
  [/^This IP address is reserved/, 'reserved'],
  [/^Use at most (?<max>\d+) characters of headers\.$/, 'headersLong'],
  [/^Headers may not contain line breaks/, 'headersBreaks'],
  [/^Write “(?<entry>[^]*)” as name:value\.$/, 'headerForm'],
  [/^Give the header with value “[^]*” a name\.$/, 'headerUnnamed'],
  [/^“(?<name>[^]*)” is not a header name/, 'headerName'],
  [/^The (?<name>\S+) header is set by the webhook itself/, 'headerReserved'],
  [/^The (?<name>\S+) header is given twice\.$/, 'headerTwice'],
  [/^The value of (?<name>\S+) has characters/, 'headerValue'],
  [/^Use at most (?<max>\d+) headers\.$/, 'headersMany'],
];

/** A problem of the webhook rules in the page's language (the rule's own words in English). */
export function problemText(locale: Locale, problem: string): string {
  if (locale !== 'zh-CN') return problem;
  for (const [pattern, key] of PROBLEM_PATTERNS) {
    const match = pattern.exec(problem);
    if (match) return interpolate(problemsZh[key], { ...match.groups });
  }
  return problem;
}
