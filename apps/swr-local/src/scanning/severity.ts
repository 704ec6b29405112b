/** Harbor's severities, least to most severe: a report's severity is the last one any finding has. */
export const SEVERITIES = ['None', 'Unknown', 'Low', 'Medium', 'High', 'Critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Where a severity sorts: higher is more severe. */
export const severityRank = (severity: Severity): number => SEVERITIES.indexOf(severity);

/** The qualitative rating of a CVSS v3 base score, as the CVSS specification defines it. */
export function severityOfScore(score: number): Severity {
  if (score >= 9) return 'Critical';
  if (score >= 7) return 'High';
  if (score >= 4) return 'Medium';
  if (score > 0) return 'Low';
  return 'None';
}

/** Words databases use for a severity, mapped onto Harbor's (`moderate` is Red Hat's Medium). */
const LABELS: Record<string, Severity> = {
  none: 'None',
  unknown: 'Unknown',
  low: 'Low',
  medium: 'Medium',
  moderate: 'Medium',
  high: 'High',
  critical: 'Critical',
};

/** A severity written as a word by a database (`HIGH`, `moderate`, …); undefined when it is none we know. */
export function severityOfLabel(label: unknown): Severity | undefined {
  return typeof label === 'string' ? LABELS[label.trim().toLowerCase()] : undefined;
}

/** The most severe of some severities; `None` when there are none. */
export function highestSeverity(severities: Iterable<Severity>): Severity {
  let highest: Severity = 'None';
  for (const severity of severities) {
    if (severityRank(severity) > severityRank(highest)) highest = severity;
  }
  return highest;
}
