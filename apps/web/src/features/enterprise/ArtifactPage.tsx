import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Flex, Tag } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { DataTable } from '../../shared/components/table/DataTable';
import { DeleteButton } from '../../shared/components/DeleteButton';
import { EmptyText } from '../../shared/components/EmptyText';
import { ErrorAlert } from '../../shared/components/ErrorAlert';
import { PageHeader } from '../../shared/components/PageHeader';
import { Typography } from '../../shared/components/typography/Typography';
import { formatBytes, formatTime, shortDigest } from '../../shared/format';
import { useLocale, useT } from '../../shared/i18n';
import { SignatureBadge } from './components/ArtifactsTable';
import { artifactQuery, isScanning, overviewOf, ScanButton, ScanSummary } from './components/scans';
import { PendingMark } from '../../shared/components/HeldMark';
import { VulnerabilityTable } from './components/VulnerabilityTable';
import { ImageSection } from './components/ImageSection';
import { useInstance } from './instance';
import { enterpriseQueries } from './queries';
import { deleteArtifactCall, deleteTagCall } from './security-api';
import { useDeleteArtifact, useDeleteTag } from './security-mutations';
import { securityQueries, useImmutability } from './security-queries';
import { allowedNow } from './security-rules';
import type { InstanceRef } from './api';

/** `team/app@sha256:…` from the path after `artifacts/`. */
function splitReference(reference: string): { repository: string; digest: string } {
  const at = reference.lastIndexOf('@');
  return { repository: reference.slice(0, at), digest: reference.slice(at + 1) };
}

/**
 * One artifact in one place: what it is, its tags (with what immutability forbids said before
 * anything is tried), its signatures, its vulnerabilities with the allowlist applied, and its
 * build history.
 */
export function ArtifactPage() {
  const t = useT();
  const { namespace = '', '*': reference = '' } = useParams();
  const { ref, admin } = useInstance();
  const { repository, digest } = splitReference(reference);
  return (
    <>
      <PageHeader
        title={t('sec.artifact.title', { name: `${namespace}/${repository}` })}
        extra={
          ref ? (
            <Link to={`/${ref.region}/enterprise/${ref.instance}/namespaces/${namespace}`}>
              <ArrowLeftOutlined aria-hidden /> {t('sec.artifact.back', { namespace })}
            </Link>
          ) : null
        }
      />
      {ref && /^sha256:[a-f0-9]{64}$/.test(digest) ? (
        <ArtifactView
          target={ref}
          namespace={namespace}
          repository={repository}
          digest={digest}
          admin={admin}
        />
      ) : ref ? (
        <Missing target={ref} namespace={namespace} name={reference} />
      ) : null}
    </>
  );
}

/** A link to an artifact that is gone (deleted since) or was never one. */
function Missing({
  target,
  namespace,
  name,
}: {
  target: InstanceRef;
  namespace: string;
  name: string;
}) {
  const t = useT();
  return (
    <Typography.Paragraph>
      {t('sec.artifact.missing', { name: `${namespace}/${name}` })}{' '}
      <Link to={`/${target.region}/enterprise/${target.instance}/namespaces/${namespace}`}>
        {t('sec.artifact.back', { namespace })}
      </Link>
    </Typography.Paragraph>
  );
}

const INDEX_TYPES: ReadonlySet<string> = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
]);

function ArtifactView({
  target,
  namespace,
  repository,
  digest,
  admin,
}: {
  target: InstanceRef;
  namespace: string;
  repository: string;
  digest: string;
  admin: boolean;
}) {
  const t = useT();
  const [locale] = useLocale();
  const navigate = useNavigate();
  const artifact = useQuery(artifactQuery(target, namespace, repository, digest));
  const overview = overviewOf(artifact.data);
  const report = useQuery({
    ...securityQueries.report(target, namespace, repository, digest, overview?.end_time ?? ''),
    enabled: overview?.scan_status === 'Success',
  });
  const isIndex = INDEX_TYPES.has(artifact.data?.manifest_media_type ?? '');
  const history = useQuery({
    ...securityQueries.history(target, namespace, repository, digest),
    enabled: artifact.data !== undefined && !isIndex,
  });
  const signatures = useQuery(
    enterpriseQueries.signatures(target, namespace, repository, [digest]),
  );
  const { namespace: detail, matcher, error: rulesError } = useImmutability(target, namespace);
  const removeTag = useDeleteTag(target, namespace, repository);
  const removeArtifact = useDeleteArtifact(target, namespace, repository);
  if (artifact.error)
    return (artifact.error as { status?: number }).status === 404 ? (
      <Missing target={target} namespace={namespace} name={`${repository}@${digest}`} />
    ) : (
      <ErrorAlert error={artifact.error} onRetry={() => void artifact.refetch()} />
    );
  const data = artifact.data;
  const tags = data?.tags ?? [];
  const locked = matcher
    ? matcher.immutableTags(
        repository,
        tags.map((tag) => tag.name),
      )
    : [];
  /** Why a deletion cannot go, or undefined when it can. */
  const refusalOf = (names: string[]) => {
    if (!admin) return t('ent.adminOnly');
    if (rulesError) return t('sec.immutable.unreadable');
    if (!matcher) return t('sec.immutable.checking');
    const rules = [
      ...new Set(names.flatMap((name) => matcher.rulesProtecting(repository, name))),
    ].join(', ');
    return names.length > 0
      ? t('sec.immutable.blocked', { tags: names.join(', '), namespace, rules })
      : undefined;
  };
  const artifactRefusal = refusalOf(locked);
  return (
    <Flex vertical gap={24}>
      {rulesError ? <ErrorAlert error={rulesError} /> : null}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'digest',
            label: t('ent.artifacts.digest'),
            children: (
              <Typography.Text code copyable={{ text: digest }}>
                {shortDigest(digest)}
              </Typography.Text>
            ),
          },
          { key: 'type', label: t('sec.artifact.type'), children: data?.manifest_media_type ?? '' },
          { key: 'size', label: t('ent.artifacts.size'), children: formatBytes(data?.size ?? 0) },
          {
            key: 'pushed',
            label: t('ent.artifacts.pushed'),
            children: data ? formatTime(data.push_time, locale) : '',
          },
          {
            key: 'signature',
            label: t('ent.artifacts.signature'),
            children: (
              <SignatureBadge result={signatures.data?.[0]} loading={signatures.isFetching} />
            ),
          },
          {
            key: 'vulnerabilities',
            label: t('sec.vulnerabilities'),
            children: <ScanSummary overview={overview} loading={artifact.isPending} />,
          },
        ]}
      />
      <Flex gap={8}>
        <ScanButton
          target={target}
          namespace={namespace}
          repository={repository}
          digests={[digest]}
          label={t('sec.scan.now')}
          admin={admin}
          busy={isScanning(overview)}
        />
        <DeleteButton
          label={t('sec.artifact.delete', { digest: shortDigest(digest) })}
          title={t('sec.artifact.deleteTitle', { digest: shortDigest(digest) })}
          text={
            artifactRefusal ??
            t('sec.artifact.deleteText', {
              name: `${namespace}/${repository}@${shortDigest(digest)}`,
              tags: tags.map((tag) => tag.name).join(', ') || t('ent.artifacts.untagged'),
            })
          }
          blocked={artifactRefusal !== undefined}
          mutation={removeArtifact}
          variables={digest}
          request={{
            region: target.region,
            calls: () => [deleteArtifactCall(target, namespace, repository, digest)],
          }}
          onDeleted={() =>
            void navigate(`/${target.region}/enterprise/${target.instance}/namespaces/${namespace}`)
          }
        />
      </Flex>

      <section aria-labelledby="artifact-image">
        <Typography.Title level={3} id="artifact-image">
          {t('sec.image.title')}
        </Typography.Title>
        <ImageSection
          target={target}
          namespace={namespace}
          repository={repository}
          digest={digest}
        />
      </section>

      <section aria-labelledby="artifact-tags">
        <Typography.Title level={3} id="artifact-tags">
          {t('ent.artifacts.tags')}
        </Typography.Title>
        <DataTable
          size="small"
          rowKey="name"
          dataSource={tags}
          loading={artifact.isPending}
          pagination={false}
          empty={<EmptyText>{t('ent.artifacts.untagged')}</EmptyText>}
          columns={[
            {
              key: 'name',
              title: t('sec.tag.name'),
              render: (_, tag) => (
                <Flex gap={6} align="center">
                  <span>{tag.name}</span>
                  {locked.includes(tag.name) ? (
                    <Tag color="purple">{t('sec.immutable.mark')}</Tag>
                  ) : null}
                </Flex>
              ),
            },
            {
              key: 'pushed',
              title: t('ent.artifacts.pushed'),
              render: (_, tag) => formatTime(tag.push_time, locale),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              render: (_, tag) => {
                const refusal = refusalOf(locked.includes(tag.name) ? [tag.name] : []);
                return (
                  <PendingMark
                    region={target.region}
                    operation="DeleteInstanceTag"
                    params={{
                      instance_id: target.instance,
                      namespace_name: namespace,
                      repository_name: repository,
                      tag_name: tag.name,
                    }}
                  >
                    <DeleteButton
                      compact
                      label={t('sec.tag.delete', { tag: tag.name })}
                      title={t('sec.tag.deleteTitle', { tag: tag.name })}
                      text={
                        refusal ??
                        t('sec.tag.deleteText', {
                          tag: `${namespace}/${repository}:${tag.name}`,
                          digest: shortDigest(digest),
                        })
                      }
                      blocked={refusal !== undefined}
                      mutation={removeTag}
                      variables={tag.name}
                      request={{
                        region: target.region,
                        calls: () => [deleteTagCall(target, namespace, repository, tag.name)],
                      }}
                      onDeleted={() => undefined}
                    />
                  </PendingMark>
                );
              },
            },
          ]}
        />
      </section>

      <section aria-labelledby="artifact-vulnerabilities">
        <Typography.Title level={3} id="artifact-vulnerabilities">
          {t('sec.vulnerabilities')}
        </Typography.Title>
        {report.error ? <ErrorAlert error={report.error} /> : null}
        {report.data && detail ? (
          <VulnerabilityTable report={report.data} allowed={allowedNow(detail.cve_allowlist)} />
        ) : (
          <Typography.Paragraph type="secondary" role="status">
            {artifact.isPending || (overview?.scan_status === 'Success' && report.isPending)
              ? t('common.loading')
              : overview?.scan_status === 'Error'
                ? t('sec.scan.failedText', { reason: String(overview.status_text ?? '') })
                : isScanning(overview)
                  ? t('sec.scan.runningText')
                  : t('sec.scan.neverText')}
          </Typography.Paragraph>
        )}
      </section>

      <section aria-labelledby="artifact-history">
        <Typography.Title level={3} id="artifact-history">
          {t('sec.history.title')}
        </Typography.Title>
        {isIndex ? (
          <Typography.Paragraph type="secondary">{t('sec.history.index')}</Typography.Paragraph>
        ) : history.error ? (
          <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />
        ) : (
          <DataTable
            size="small"
            rowKey={(step) => `${step.created_at}/${step.created_by}/${step.digest}`}
            dataSource={history.data ?? []}
            loading={history.isPending}
            pagination={false}
            empty={<EmptyText>{t('sec.history.none')}</EmptyText>}
            columns={[
              {
                key: 'step',
                title: t('sec.history.step'),
                render: (_, step) => <Typography.Text code>{step.created_by}</Typography.Text>,
              },
              {
                key: 'layer',
                title: t('sec.history.layer'),
                render: (_, step) =>
                  step.empty_layer ? (
                    <Typography.Text type="secondary">{t('sec.history.empty')}</Typography.Text>
                  ) : (
                    `${formatBytes(step.size)} · ${shortDigest(step.digest)}`
                  ),
              },
              {
                key: 'created',
                title: t('sec.history.created'),
                render: (_, step) => (step.created_at ? formatTime(step.created_at, locale) : ''),
              },
            ]}
          />
        )}
      </section>
    </Flex>
  );
}
