import {
  ImmutabilityMatcher,
  type AuditLog,
  type ImmutableRuleShape,
  type Vulnerability,
} from '@swr-console/swr-api';
import type { Translate } from '../../shared/i18n';
import type { AuditOperation } from './security-api';

/**
 * The security pages' rules, apart from their components: which report rows a filter keeps, which
 * audit entries match, what is wrong with typed CVE ids, which tags immutability rules protect.
 */

const CVE = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

export interface ReportFilter {
  severities: string[];
  fixable: boolean;
  packageText: string;
  showAccepted: boolean;
}

/** Which rows of a report a filter keeps, and which of those the allowlist accepts. */
export function filterReport(
  vulnerabilities: readonly Vulnerability[],
  allowed: ReadonlySet<string>,
  filter: ReportFilter,
): { rows: Vulnerability[]; accepted: number } {
  const text = filter.packageText.trim().toLowerCase();
  const matching = vulnerabilities.filter(
    (v) =>
      (filter.severities.length === 0 || filter.severities.includes(v.severity)) &&
      (!filter.fixable || v.fix_version !== '') &&
      (text === '' || v.package.toLowerCase().includes(text)),
  );
  const accepted = matching.filter((v) => allowed.has(v.id)).length;
  return {
    rows: filter.showAccepted ? matching : matching.filter((v) => !allowed.has(v.id)),
    accepted,
  };
}

export interface AuditFilter {
  operation: AuditOperation;
  resource: string;
  /** `YYYY-MM-DDTHH:mm` local times, as the inputs give them; '' for none. */
  from: string;
  to: string;
}

/** Whether an entry passes the filters SWR does not apply itself. */
export function matchesAudit(entry: AuditLog, filter: AuditFilter): boolean {
  const at = Date.parse(entry.op_time);
  return (
    (filter.resource === '' || entry.resource.includes(filter.resource)) &&
    (filter.from === '' || at >= new Date(filter.from).getTime()) &&
    // The inputs give minutes: "to 19:43" takes in the whole of that minute.
    (filter.to === '' || at < new Date(filter.to).getTime() + 60_000)
  );
}

/** What is wrong with the typed CVE ids, naming the first bad one; undefined when all are fine. */
export function cveProblem(cves: readonly string[], t: Translate): string | undefined {
  const bad = cves.find((cve) => cve.length > 64 || !CVE.test(cve));
  if (bad) return t('sec.allow.badCve', { cve: bad });
  if (cves.length > 1000) return t('sec.allow.tooMany', { max: 1000 });
  return undefined;
}

/** Every `repository:tag` of the namespace that these rules protect. */
export function protectedTags(
  rules: readonly ImmutableRuleShape[],
  tags: readonly { repository: string; tags: string[] }[],
): string[] {
  const matcher = new ImmutabilityMatcher(rules);
  return tags.flatMap(({ repository, tags: names }) =>
    matcher.immutableTags(repository, names).map((tag) => `${repository}:${tag}`),
  );
}

/** The CVEs an allowlist accepts now (none once it has expired). */
export function allowedNow(allowlist: {
  items: { cve_id: string }[];
  expires_at?: number | undefined;
}) {
  const expired = allowlist.expires_at !== undefined && allowlist.expires_at * 1000 <= Date.now();
  return new Set(expired ? [] : allowlist.items.map((item) => item.cve_id));
}
