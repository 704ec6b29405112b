import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Descriptions, Flex } from 'antd';
import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { DataTable } from '../../../shared/components/table/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { Segmented } from '../../../shared/components/segmented/Segmented';
import { Typography } from '../../../shared/components/typography/Typography';
import { formatBytes, shortDigest } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import type { InstanceRef } from '../api';
import { securityQueries } from '../security-queries';

/**
 * What the artifact is in the registry: the platforms of a multi-platform index (one chosen, in
 * the URL), and the chosen image's layers and run settings.
 */
export function ImageSection({
  target,
  namespace,
  repository,
  digest,
}: {
  target: InstanceRef;
  namespace: string;
  repository: string;
  digest: string;
}) {
  const t = useT();
  const platformLabel = useId();
  const [params, setParams] = useSearchParams();
  const platform = params.get('platform') ?? undefined;
  // The platform chosen before stays shown while the next is read, so the choice keeps its focus.
  const image = useQuery({
    ...securityQueries.image(target, namespace, repository, digest, platform),
    placeholderData: keepPreviousData,
  });
  if (image.error) return <ErrorAlert error={image.error} onRetry={() => void image.refetch()} />;
  const data = image.data;
  const config = data?.image.config;
  const words = (value: string[] | undefined) =>
    value && value.length > 0 ? value.join(' ') : '—';
  return (
    <Flex vertical gap={12}>
      {data && data.platforms.length > 0 ? (
        <Flex gap={8} align="center" wrap>
          <span id={platformLabel}>
            {t('sec.image.platforms', { count: data.platforms.length })}
          </span>
          <Segmented
            aria-labelledby={platformLabel}
            value={data.image.platform}
            onChange={(chosen) =>
              setParams(
                (current) => {
                  const next = new URLSearchParams(current);
                  next.set('platform', chosen);
                  return next;
                },
                // Now, not in a transition: the control shows the choice as it is made.
                { replace: true, flushSync: true },
              )
            }
            options={data.platforms.map((p) => ({ value: p.platform, label: p.platform }))}
          />
        </Flex>
      ) : null}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'platform', label: t('sec.image.platform'), children: data?.image.platform ?? '' },
          {
            key: 'size',
            label: t('sec.image.size'),
            children: data ? formatBytes(data.image.size) : '',
          },
          {
            key: 'entrypoint',
            label: t('sec.image.entrypoint'),
            children: words(config?.entrypoint),
          },
          { key: 'cmd', label: t('sec.image.cmd'), children: words(config?.cmd) },
          { key: 'user', label: t('sec.image.user'), children: config?.user || '—' },
          {
            key: 'ports',
            label: t('sec.image.ports'),
            children: words(config?.exposedPorts),
          },
        ]}
      />
      <DataTable
        size="small"
        rowKey={(layer) => `${data?.image.layers.indexOf(layer) ?? 0}/${layer.digest}`}
        aria-label={t('sec.image.layers')}
        loading={image.isPending}
        dataSource={data?.image.layers ?? []}
        pagination={false}
        columns={[
          {
            key: 'n',
            title: t('sec.image.number'),
            render: (_, __, index) => index + 1,
          },
          {
            key: 'digest',
            title: t('sec.image.layer'),
            render: (_, layer) => (
              <Typography.Text code copyable={{ text: layer.digest }}>
                {shortDigest(layer.digest)}
              </Typography.Text>
            ),
          },
          {
            key: 'size',
            title: t('sec.image.size'),
            render: (_, layer) => formatBytes(layer.size),
          },
        ]}
      />
    </Flex>
  );
}
