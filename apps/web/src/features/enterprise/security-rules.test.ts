import type { AuditLog, Vulnerability } from '@swr-console/swr-api';
import { describe, expect, it } from 'vitest';
import {
  allowedNow,
  cveProblem,
  filterReport,
  matchesAudit,
  protectedTags,
  type ReportFilter,
} from './security-rules';

const vulnerability = (overrides: Partial<Vulnerability>): Vulnerability => ({
  id: 'CVE-2023-4911',
  package: 'libc6',
  version: '2.36-9+deb12u1',
  fix_version: '2.36-9+deb12u3',
  severity: 'High',
  description: '',
  links: [],
  ...overrides,
});
const report = [
  vulnerability({}),
  vulnerability({ package: 'libc-bin' }),
  vulnerability({ id: 'CVE-2023-38545', package: 'libcurl4', severity: 'Critical' }),
  vulnerability({ id: 'CVE-2099-1', package: 'zlib1g', severity: 'Low', fix_version: '' }),
];
const none: ReportFilter = { severities: [], fixable: false, packageText: '', showAccepted: false };

describe('the vulnerability report filters', () => {
  it('when filtered by severity, fix and package, then only matching rows stay', () => {
    const ids = (filter: Partial<ReportFilter>) =>
      filterReport(report, new Set(), { ...none, ...filter }).rows.map((v) => v.package);
    expect(ids({ severities: ['Critical', 'Low'] })).toEqual(['libcurl4', 'zlib1g']);
    expect(ids({ fixable: true })).toEqual(['libc6', 'libc-bin', 'libcurl4']);
    expect(ids({ packageText: 'LIBC-' })).toEqual(['libc-bin']);
  });

  it('when a CVE is allowlisted, then its rows are hidden and counted, and shown marked on request', () => {
    const allowed = new Set(['CVE-2023-4911']);
    const hidden = filterReport(report, allowed, none);
    expect(hidden.rows.map((v) => v.id)).toEqual(['CVE-2023-38545', 'CVE-2099-1']);
    expect(hidden.accepted).toBe(2);
    expect(filterReport(report, allowed, { ...none, showAccepted: true }).rows).toHaveLength(4);
    // Counted among what the other filters keep only.
    expect(filterReport(report, allowed, { ...none, packageText: 'bin' }).accepted).toBe(1);
  });

  it('when the allowlist has expired, then it accepts nothing', () => {
    const items = [{ cve_id: 'CVE-2023-4911' }];
    expect(allowedNow({ items })).toEqual(new Set(['CVE-2023-4911']));
    expect(allowedNow({ items, expires_at: Date.now() / 1000 - 60 }).size).toBe(0);
    expect(allowedNow({ items, expires_at: Date.now() / 1000 + 3600 }).size).toBe(1);
  });
});

describe('typed CVE ids', () => {
  const t = (key: string, values?: Record<string, unknown>) => `${key} ${JSON.stringify(values)}`;
  it('when one is not an id, then the problem names it; good ones pass', () => {
    expect(cveProblem(['CVE-2023-4911', 'GHSA-xxxx-yyyy'], t)).toBeUndefined();
    expect(cveProblem(['CVE-2023-4911', 'not/a-cve'], t)).toContain('not/a-cve');
    expect(cveProblem(['x'.repeat(65)], t)).toContain('sec.allow.badCve');
  });
});

describe('the audit log filters', () => {
  const entry: AuditLog = {
    id: 1,
    operation: 'pull',
    resource_type: 'artifact',
    resource: 'team/app:v1',
    username: 'swr-demo',
    op_time: '2026-12-04T10:00:30.000Z',
  };
  it('when filtered by resource and time, then an entry passes only inside both', () => {
    const filter = { operation: 'pull' as const, resource: '', from: '', to: '' };
    expect(matchesAudit(entry, filter)).toBe(true);
    expect(matchesAudit(entry, { ...filter, resource: 'team/app' })).toBe(true);
    expect(matchesAudit(entry, { ...filter, resource: 'other' })).toBe(false);
    const at = new Date(entry.op_time);
    const local = (ms: number) => {
      const d = new Date(at.getTime() + ms);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    };
    expect(matchesAudit(entry, { ...filter, from: local(-60_000), to: local(60_000) })).toBe(true);
    expect(matchesAudit(entry, { ...filter, from: local(60_000) })).toBe(false);
    expect(matchesAudit(entry, { ...filter, to: local(-60_000) })).toBe(false);
    // "To" a minute takes in the whole of it.
    expect(matchesAudit(entry, { ...filter, to: local(0) })).toBe(true);
  });
});

describe('the immutability preview', () => {
  it('when rules are typed, then the tags they protect are listed as the registry will refuse them', () => {
    const tags = [
      { repository: 'app', tags: ['v1', 'dev'] },
      { repository: 'tools/cli', tags: ['v2'] },
    ];
    const rule = (repository: string, tag: string, excludes = false) => ({
      scope_selectors: {
        repository: [{ kind: 'doublestar', decoration: 'repoMatches', pattern: repository }],
      },
      tag_selectors: [
        { kind: 'doublestar', decoration: excludes ? 'excludes' : 'matches', pattern: tag },
      ],
    });
    expect(protectedTags([rule('**', 'v*')], tags)).toEqual(['app:v1', 'tools/cli:v2']);
    expect(protectedTags([rule('*', 'v*')], tags)).toEqual(['app:v1']);
    expect(protectedTags([rule('**', 'dev', true)], tags)).toEqual(['app:v1', 'tools/cli:v2']);
    expect(protectedTags([{ ...rule('**', '**'), disabled: true }], tags)).toEqual([]);
  });
});
