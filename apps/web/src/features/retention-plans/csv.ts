import type { RepositoryPlan } from '@swr-console/contracts/bff';

/** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
function field(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Why a tag goes, in words a spreadsheet reader understands without the console. */
function reasonText(reason: RepositoryPlan['deleted'][number]['reason']): string {
  switch (reason.kind) {
    case 'expired':
      return `updated ${reason.ageDays} days ago, more than ${reason.days}`;
    case 'beyond-newest':
      return `number ${reason.rank} by update time, beyond the newest ${reason.num}`;
    default:
      return reason.kind;
  }
}

/**
 * The plan as CSV, one line per tag that would be deleted, with the repository's freed bytes on
 * each of its lines (a layer shared by several tags belongs to no single one of them).
 */
export function plansAsCsv(region: string, plans: readonly RepositoryPlan[]): string {
  const lines = [
    [
      'region',
      'organization',
      'repository',
      'rule',
      'tag',
      'digest',
      'reason',
      'repository_bytes_freed',
    ].join(','),
  ];
  for (const plan of plans)
    for (const deleted of plan.deleted)
      lines.push(
        [
          region,
          plan.namespace,
          plan.name,
          plan.state,
          deleted.tag,
          deleted.digest,
          reasonText(deleted.reason),
          plan.bytesFreed,
        ]
          .map(field)
          .join(','),
      );
  return `${lines.join('\r\n')}\r\n`;
}
