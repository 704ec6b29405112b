import { LoadingOutlined, SafetyOutlined } from '@ant-design/icons';
import type { ScanOverview } from '@swr-console/swr-api';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Tag } from 'antd';
import { Typography } from '../../../shared/components/typography/Typography';
import { useT } from '../../../shared/i18n';
import { useNotices } from '../../../shared/notices';
import type { InstanceRef } from '../api';
import { enterpriseKeys } from '../queries';
import { artifactDetail, startScan } from '../security-api';

/** Severities from the worst, as the overview counts them. */
export const SEVERITY_ORDER = ['Critical', 'High', 'Medium', 'Low', 'Unknown', 'None'] as const;

const SEVERITY_COLORS: Record<string, string> = {
  Critical: 'magenta',
  High: 'red',
  Medium: 'orange',
  Low: 'gold',
};

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
  return artifact?.scan_overview && Object.values(artifact.scan_overview)[0];
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
    <Flex wrap gap={4} aria-label={t('sec.scan.total', { count: overview.summary?.total ?? 0 })}>
      {found.map((severity) => (
        <Tag key={severity} color={SEVERITY_COLORS[severity]}>
          {t(`sec.severity.${severity}`)}: {counts[severity]}
        </Tag>
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
}: {
  target: InstanceRef;
  namespace: string;
  repository: string;
  digests: string[];
  label?: string;
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
    <Button
      icon={<SafetyOutlined aria-hidden />}
      disabled={digests.length === 0}
      loading={scan.isPending}
      onClick={() => scan.mutate()}
    >
      {label ?? t('sec.scan.selected', { count: digests.length })}
    </Button>
  );
}
