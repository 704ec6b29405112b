import type { ComparedRegion, ComparedRepository } from '@swr-console/contracts/bff';
import type { TagDifference } from '@swr-console/swr-api';
import { DataTable } from '../../../shared/components/table/DataTable';
import { Typography } from '../../../shared/components/typography/Typography';
import { shortDigest } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import { useRegion } from '../../../shared/region';

/** One region's cell: the same, or how many tags differ in which way, or why it was not compared. */
export function SideSummary({ side }: { side: ComparedRegion }) {
  const t = useT();
  if (side.state === 'failed')
    return (
      <span className="regions-state" data-state="failed">
        {t('regions.state.failed', { problem: side.problem ?? '' })}
      </span>
    );
  if (side.state === 'too-many-tags')
    return <span className="regions-state">{t('regions.state.tooMany')}</span>;
  if (side.state === 'no-namespace')
    return (
      <span className="regions-state" data-state="failed">
        {t('regions.state.noNamespace', { namespace: side.namespace })}
      </span>
    );
  if (side.state === 'no-repository')
    return (
      <span className="regions-state" data-state="differs">
        {t('regions.state.noRepository', { namespace: side.namespace, count: side.missing })}
      </span>
    );
  if (side.differences.length === 0)
    return (
      <span className="regions-state" data-state="same">
        {t('regions.state.same', { count: side.same })}
      </span>
    );
  const parts = [
    side.different > 0 ? t('regions.count.different', { count: side.different }) : '',
    side.missing > 0 ? t('regions.count.missing', { count: side.missing }) : '',
    side.onlyThere > 0 ? t('regions.count.onlyThere', { count: side.onlyThere }) : '',
    side.same > 0 ? t('regions.count.same', { count: side.same }) : '',
  ].filter(Boolean);
  return (
    <span className="regions-state" data-state="differs">
      {parts.join(' · ')}
    </span>
  );
}

/** The tags that are not the same, per region, with the image each side has. */
export function Differences({ repository }: { repository: ComparedRepository }) {
  const t = useT();
  const region = useRegion();
  return (
    <div className="regions-differences">
      {repository.regions
        .filter((side) => side.differences.length > 0)
        .map((side) => (
          <section
            key={side.region}
            aria-label={t('regions.differencesIn', { region: side.region })}
          >
            <Typography.Text strong>
              {t('regions.differencesIn', { region: side.region })}
            </Typography.Text>
            <DataTable<TagDifference>
              aria-label={t('regions.differencesOf', {
                name: `${repository.namespace}/${repository.name}`,
                region: side.region,
              })}
              size="small"
              rowKey="tag"
              dataSource={side.differences}
              pagination={side.differences.length > 50 ? { defaultPageSize: 50 } : false}
              columns={[
                { key: 'tag', title: t('regions.tag'), dataIndex: 'tag' },
                {
                  key: 'kind',
                  title: t('regions.kind'),
                  render: (_, d) => t(`regions.kind.${d.kind}`, { region: side.region }),
                },
                {
                  key: 'here',
                  title: region,
                  render: (_, d) =>
                    d.here ? <code title={d.here}>{shortDigest(d.here)}</code> : '—',
                },
                {
                  key: 'there',
                  title: `${side.region} (${side.namespace})`,
                  render: (_, d) =>
                    d.there ? <code title={d.there}>{shortDigest(d.there)}</code> : '—',
                },
              ]}
            />
          </section>
        ))}
    </div>
  );
}
