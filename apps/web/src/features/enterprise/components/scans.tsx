import { LoadingOutlined, SafetyOutlined } from '@ant-design/icons';
import { VULNERABILITY_REPORT_TYPE, type ScanOverview } from '@swr-console/swr-api';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Tag } from 'antd';
import type { ReactNode } from 'react';
import { Tooltip } from '../../../shared/components/tooltip/Tooltip';
import { Typography } from '../../../shared/components/typography/Typography';
import { useT } from '../../../shared/i18n';
import { useNotices } from '../../../shared/notices';
import type { InstanceRef } from '../api';
import { enterpriseKeys } from '../queries';
import { artifactDetail, startScan } from '../security-api';

/** Severities from the worst, as the overview counts them. */
export const SEVERITY_ORDER = ['Critical', 'High', 'Medium', 'Low', 'Unknown', 'None'] as const;

/**
 * Severity tags in fixed colours with text dark enough on their background (4.5:1 and more in
 * either theme), so no severity is told by a colour too pale to read.
 */
const SEVERITY_STYLES: Record<string, { color: string; background: string; borderColor: string }> =
  {
    Critical: { color: '#780650', background: '#fff0f6', borderColor: '#ffadd2' },
    High: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
    Medium: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
    Low: { color: '#614700', background: '#fffbe6', borderColor: '#ffe58f' },
    Unknown: { color: '#262626', background: '#fafafa', borderColor: '#d9d9d9' },
    None: { color: '#262626', background: '#fafafa', borderColor: '#d9d9d9' },
    Accepted: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  };

/** A severity (or "accepted") as a tag: its word in its colour. */
export function SeverityTag({ severity, children }: { severity: string; children: ReactNode }) {
  return (
    <Tag style={{ ...SEVERITY_STYLES[severity], margin: 0 }} bordered>
      {children}
    </Tag>
  );
}

export const isScanning = (overview: ScanOverview | undefined) =>
  overview?.scan_status === 'Pending' || overview?.scan_status === 'Running';

/** The query of one artifact with its scan overview, followed every 2 s while it scans. */
export function artifactQuery(
  ref: InstanceRef,
  namespace: string,
  repository: string,
  digest: string,
) {
  return {
    queryKey: [...enterpriseKeys.namespace(ref, namespace), 'artifact', repository, digest],
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      artifactDetail(ref, namespace, repository, digest, signal),
    refetchInterval: (query: { state: { data?: Awaited<ReturnType<typeof artifactDetail>> } }) =>
      isScanning(overviewOf(query.state.data)) ? 2000 : false,
  } as const;
}

export function overviewOf(
  artifact: { scan_overview?: Record<string, ScanOverview> | undefined } | undefined,
): ScanOverview | undefined {
  return artifact?.scan_overview?.[VULNERABILITY_REPORT_TYPE];
}

/** The scan overviews of some artifacts of a repository, by digest. */
export function useScanOverviews(
  ref: InstanceRef,
  namespace: string,
  repository: string,
  digests: string[],
) {
  const results = useQueries({
    queries: digests.map((digest) => artifactQuery(ref, namespace, repository, digest)),
  });
  return new Map(
    digests.map((digest, i) => [
      digest,
      { overview: overviewOf(results[i]?.data), loading: results[i]?.isPending ?? true },
    ]),
  );
}

/** What the last scan found, as counts by severity; or that there is none, or one running. */
export function ScanSummary({
  overview,
  loading = false,
}: {
  overview: ScanOverview | undefined;
  loading?: boolean;
}) {
  const t = useT();
  if (!overview)
    return (
      <Typography.Text type="secondary">
        {loading ? t('common.loading') : t('sec.scan.never')}
      </Typography.Text>
    );
  if (isScanning(overview))
    return (
      <Tag icon={<LoadingOutlined aria-hidden />}>
        {overview.scan_status === 'Pending' ? t('sec.scan.pending') : t('sec.scan.running')}
      </Tag>
    );
  if (overview.scan_status === 'Error') return <Tag color="error">{t('sec.scan.failed')}</Tag>;
  const counts = overview.summary?.summary ?? {};
  const found = SEVERITY_ORDER.filter((severity) => (counts[severity] ?? 0) > 0);
  if (found.length === 0)
    return <Tag icon={<SafetyOutlined aria-hidden />}>{t('sec.scan.clean')}</Tag>;
  return (
    <Flex
      wrap
      gap={4}
      role="group"
      aria-label={t('sec.scan.total', { count: overview.summary?.total ?? 0 })}
    >
      {found.map((severity) => (
        <SeverityTag key={severity} severity={severity}>
          {t(`sec.severity.${severity}`)}: {counts[severity]}
        </SeverityTag>
      ))}
      {overview.summary && overview.summary.fixable > 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('sec.scan.fixable', { count: overview.summary.fixable })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/**
 * "Scan now" for one or more artifacts: each scan is asked for, then followed by its overview's
 * query; an artifact already being scanned is left to the scan in progress.
 */
export function ScanButton({
  target,
  namespace,
  repository,
  digests,
  label,
  admin,
  busy = false,
}: {
  target: InstanceRef;
  namespace: string;
  repository: string;
  digests: string[];
  label?: string;
  /** Only the account and its administrators scan; others are told so. */
  admin: boolean;
  /** A scan of it is waiting or running already. */
  busy?: boolean;
}) {
  const t = useT();
  const notices = useNotices();
  const queryClient = useQueryClient();
  const scan = useMutation({
    mutationFn: async () => {
      for (const digest of digests) {
        await startScan(target, namespace, repository, digest).catch((error: unknown) => {
          if ((error as { status?: number }).status !== 409) throw error;
        });
      }
    },
    onSettled: () =>
      Promise.all(
        digests.map((digest) =>
          queryClient.invalidateQueries({
            queryKey: artifactQuery(target, namespace, repository, digest).queryKey,
          }),
        ),
      ),
    onError: (error) => notices.error(error.message),
  });
  return (
    <Tooltip title={admin ? undefined : t('ent.adminOnly')}>
      <Button
        icon={<SafetyOutlined aria-hidden />}
        disabled={!admin || busy || digests.length === 0}
        loading={scan.isPending}
        onClick={() => scan.mutate()}
      >
        {label ?? t('sec.scan.selected', { count: digests.length })}
      </Button>
    </Tooltip>
  );
}
