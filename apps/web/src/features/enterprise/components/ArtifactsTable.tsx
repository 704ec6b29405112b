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
import { enterpriseQueries } from '../queries';

/** The badge of one artifact, from the BFF's own verification. */
function SignatureBadge({
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

/** The artifacts of a repository (signatures themselves are not listed), each with its badge. */
export function ArtifactsTable({
  target,
  namespace,
  repository,
}: {
  target: InstanceRef;
  namespace: string;
  repository: string;
}) {
  const t = useT();
  const [locale] = useLocale();
  const artifacts = useQuery(enterpriseQueries.artifacts(target, namespace, repository));
  const digests = (artifacts.data ?? []).map((a) => a.digest);
  const signatures = useQuery(enterpriseQueries.signatures(target, namespace, repository, digests));
  const byDigest = new Map((signatures.data ?? []).map((s) => [s.digest, s]));
  if (artifacts.error)
    return <ErrorAlert error={artifacts.error} onRetry={() => void artifacts.refetch()} />;
  return (
    <>
      {signatures.error ? <ErrorAlert error={signatures.error} /> : null}
      <DataTable
        size="small"
        rowKey="digest"
        aria-label={t('ent.artifacts.of', { repository })}
        loading={artifacts.isPending}
        dataSource={artifacts.data ?? []}
        pagination={false}
        empty={<EmptyText>{t('ent.artifacts.empty')}</EmptyText>}
        columns={[
          {
            key: 'digest',
            title: t('ent.artifacts.digest'),
            render: (_, artifact) => (
              <Typography.Text code copyable={{ text: artifact.digest }}>
                {shortDigest(artifact.digest)}
              </Typography.Text>
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
