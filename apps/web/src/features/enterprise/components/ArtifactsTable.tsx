import {
  CheckCircleOutlined,
  ExclamationCircleOutlined,
  MinusCircleOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Flex, Tag } from 'antd';
import { Tooltip } from '../../../shared/components/tooltip/Tooltip';
import { Typography } from '../../../shared/components/typography/Typography';
import { DataTable } from '../../../shared/components/table/DataTable';
import { EmptyText } from '../../../shared/components/EmptyText';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { formatBytes, formatTime, shortDigest } from '../../../shared/format';
import { useLocale, useT } from '../../../shared/i18n';
import type { ArtifactSignatures } from '@swr-console/swr-api';
import type { InstanceRef } from '../api';
import { isScanning, ScanButton, ScanSummary, useScanOverviews } from './scans';
import { useState } from 'react';
import { Link } from 'react-router';
import { enterpriseQueries } from '../queries';

/** The badge of one artifact, from the BFF's own verification. */
export function SignatureBadge({
  result,
  loading,
}: {
  result: ArtifactSignatures | undefined;
  loading: boolean;
}) {
  const t = useT();
  if (!result)
    return (
      <Typography.Text type="secondary">{loading ? t('common.loading') : '—'}</Typography.Text>
    );
  if (!result.signed)
    return <Tag icon={<MinusCircleOutlined aria-hidden />}>{t('ent.sig.unsigned')}</Tag>;
  const verified = result.signatures.find((s) => s.verified);
  if (verified)
    return (
      <Tooltip title={t('ent.sig.verifiedBy', { algorithm: verified.algorithm ?? '' })}>
        <Tag icon={<CheckCircleOutlined aria-hidden />}>
          {t('ent.sig.verified', { key: verified.keyAlias ?? verified.keyId ?? '' })}
        </Tag>
      </Tooltip>
    );
  const problem = result.signatures.find((s) => s.problem)?.problem ?? '';
  return (
    <Flex vertical gap={2}>
      <Tag icon={<ExclamationCircleOutlined aria-hidden />}>{t('ent.sig.notVerified')}</Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {problem}
      </Typography.Text>
    </Flex>
  );
}

const PAGE_SIZE = 20;

/** The artifacts of a repository (signatures themselves are not listed), each with its badge. */
export function ArtifactsTable({
  target,
  namespace,
  repository,
  admin,
}: {
  target: InstanceRef;
  namespace: string;
  repository: string;
  admin: boolean;
}) {
  const t = useT();
  const [locale] = useLocale();
  const artifacts = useQuery(enterpriseQueries.artifacts(target, namespace, repository));
  const digests = (artifacts.data ?? []).map((a) => a.digest);
  const signatures = useQuery(enterpriseQueries.signatures(target, namespace, repository, digests));
  const byDigest = new Map((signatures.data ?? []).map((s) => [s.digest, s]));
  // Each overview is one call: only the rows on screen ask for theirs.
  const [page, setPage] = useState(1);
  const shown = digests.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const scans = useScanOverviews(target, namespace, repository, shown);
  const [chosen, setChosen] = useState<string[]>([]);
  const artifactPath = (digest: string) =>
    `/${target.region}/enterprise/${target.instance}/namespaces/${namespace}/artifacts/${repository}@${digest}`;
  if (artifacts.error)
    return <ErrorAlert error={artifacts.error} onRetry={() => void artifacts.refetch()} />;
  return (
    <>
      {signatures.error ? <ErrorAlert error={signatures.error} /> : null}
      <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
        <ScanButton
          target={target}
          namespace={namespace}
          repository={repository}
          digests={chosen.filter((digest) => !isScanning(scans.get(digest)?.overview))}
          admin={admin}
        />
        <Typography.Text type="secondary">{t('sec.scan.hint')}</Typography.Text>
      </Flex>
      <DataTable
        size="small"
        rowKey="digest"
        rowSelection={{
          selectedRowKeys: chosen,
          onChange: (keys) => setChosen(keys.map(String)),
          label: (artifact) => t('sec.scan.choose', { digest: shortDigest(artifact.digest) }),
          allLabel: t('sec.scan.chooseAll'),
        }}
        aria-label={t('ent.artifacts.of', { repository })}
        loading={artifacts.isPending}
        dataSource={artifacts.data ?? []}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          hideOnSinglePage: true,
          onChange: (next) => setPage(next),
        }}
        empty={<EmptyText>{t('ent.artifacts.empty')}</EmptyText>}
        columns={[
          {
            key: 'digest',
            title: t('ent.artifacts.digest'),
            render: (_, artifact) => (
              <Link to={artifactPath(artifact.digest)}>
                <Typography.Text code>{shortDigest(artifact.digest)}</Typography.Text>
              </Link>
            ),
          },
          {
            key: 'tags',
            title: t('ent.artifacts.tags'),
            render: (_, artifact) =>
              artifact.tags.length === 0 ? (
                <Typography.Text type="secondary">{t('ent.artifacts.untagged')}</Typography.Text>
              ) : (
                artifact.tags.map((tag) => <Tag key={tag.name}>{tag.name}</Tag>)
              ),
          },
          {
            key: 'size',
            title: t('ent.artifacts.size'),
            render: (_, artifact) => formatBytes(artifact.size),
          },
          {
            key: 'pushed',
            title: t('ent.artifacts.pushed'),
            render: (_, artifact) => formatTime(artifact.push_time, locale),
          },
          {
            key: 'vulnerabilities',
            title: t('sec.vulnerabilities'),
            render: (_, artifact) => (
              <ScanSummary
                overview={scans.get(artifact.digest)?.overview}
                loading={scans.get(artifact.digest)?.loading}
              />
            ),
          },
          {
            key: 'signature',
            title: t('ent.artifacts.signature'),
            render: (_, artifact) => (
              <SignatureBadge
                result={byDigest.get(artifact.digest)}
                loading={signatures.isFetching}
              />
            ),
          },
        ]}
      />
    </>
  );
}
