/**
 * CVSS v3 base scores, computed from the vector an advisory carries rather than trusted from a
 * number beside it: the formula and its round-up are those of the CVSS v3.1 specification (§7.1,
 * Appendix A), which scores v3.0 vectors the same way.
 */

const ATTACK_VECTOR: Record<string, number> = { N: 0.85, A: 0.62, L: 0.55, P: 0.2 };
const ATTACK_COMPLEXITY: Record<string, number> = { L: 0.77, H: 0.44 };
const PRIVILEGES_UNCHANGED: Record<string, number> = { N: 0.85, L: 0.62, H: 0.27 };
const PRIVILEGES_CHANGED: Record<string, number> = { N: 0.85, L: 0.68, H: 0.5 };
const USER_INTERACTION: Record<string, number> = { N: 0.85, R: 0.62 };
const IMPACT: Record<string, number> = { H: 0.56, L: 0.22, N: 0 };
const SCOPE: Record<string, number> = { U: 0, C: 1 };

/** The base metrics and the values each may take; every one must be in a vector, once. */
const BASE_METRICS: Record<string, Record<string, number>> = {
  AV: ATTACK_VECTOR,
  AC: ATTACK_COMPLEXITY,
  PR: PRIVILEGES_UNCHANGED,
  UI: USER_INTERACTION,
  S: SCOPE,
  C: IMPACT,
  I: IMPACT,
  A: IMPACT,
};

/**
 * CVSS v3.1's Roundup: the smallest number with one decimal that is at least the input, computed
 * on integers so that 4.000002 rounds to 4.0 and not, through floating-point error, to 4.1.
 */
export function roundUp(value: number): number {
  const scaled = Math.round(value * 100_000);
  return scaled % 10_000 === 0 ? scaled / 100_000 : (Math.floor(scaled / 10_000) + 1) / 10;
}

/** The metrics of a `CVSS:3.x/…` vector; undefined when it is not one or a base metric is missing or wrong. */
function metricsOf(vector: string): Record<string, string> | undefined {
  const [prefix, ...parts] = vector.trim().split('/');
  if (prefix !== 'CVSS:3.0' && prefix !== 'CVSS:3.1') return undefined;
  const metrics: Record<string, string> = {};
  for (const part of parts) {
    const [name = '', value = '', ...rest] = part.split(':');
    if (!name || !value || rest.length > 0 || name in metrics) return undefined;
    metrics[name] = value;
  }
  const complete = Object.entries(BASE_METRICS).every(
    ([name, values]) => metrics[name] !== undefined && metrics[name] in values,
  );
  return complete ? metrics : undefined;
}

/** The base score (0.0–10.0) of a CVSS v3.0 or v3.1 vector; undefined when the vector is not one. */
export function cvssBaseScore(vector: string): number | undefined {
  const m = metricsOf(vector);
  if (!m) return undefined;
  const changed = m.S === 'C';
  const privileges = (changed ? PRIVILEGES_CHANGED : PRIVILEGES_UNCHANGED)[m.PR!]!;
  const iss = 1 - (1 - IMPACT[m.C!]!) * (1 - IMPACT[m.I!]!) * (1 - IMPACT[m.A!]!);
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
  if (impact <= 0) return 0;
  const exploitability =
    8.22 *
    ATTACK_VECTOR[m.AV!]! *
    ATTACK_COMPLEXITY[m.AC!]! *
    privileges *
    USER_INTERACTION[m.UI!]!;
  const total = changed ? 1.08 * (impact + exploitability) : impact + exploitability;
  return roundUp(Math.min(total, 10));
}
