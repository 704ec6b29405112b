import {
  compareLayers,
  compareSettings,
  compareValues,
  environmentOf,
  type ImageInspection,
  type LayerRow,
  type ValueRow,
} from '@swr-console/swr-api';
import { useMemo, useState } from 'react';
import { DataTable } from '../../../shared/components/table/DataTable';
import { Typography } from '../../../shared/components/typography/Typography';
import { formatBytes, formatTime, shortDigest } from '../../../shared/format';
import { useLocale, useT } from '../../../shared/i18n';

export interface Side {
  region: string;
  inspection: ImageInspection;
}

const Digest = ({ digest }: { digest: string }) => (
  <code title={digest}>{shortDigest(digest)}</code>
);

/** A table of values left and right, each row saying how it changed. */
function ValuesTable({
  label,
  rows,
  names,
  left,
  right,
  keyTitle,
}: {
  label: string;
  rows: ValueRow[];
  names?: (key: string) => string;
  left: string;
  right: string;
  keyTitle: string;
}) {
  const t = useT();
  return (
    <DataTable<ValueRow>
      aria-label={label}
      size="small"
      rowKey="key"
      dataSource={rows}
      empty={t('compare.none')}
      columns={[
        { key: 'key', title: keyTitle, render: (_, row) => (names ? names(row.key) : row.key) },
        {
          key: 'change',
          title: t('compare.change'),
          width: 140,
          render: (_, row) => (
            <span className="compare-change" data-change={row.change}>
              {t(`compare.change.${row.change}`)}
            </span>
          ),
        },
        { key: 'left', title: left, render: (_, row) => <code>{row.left ?? '—'}</code> },
        { key: 'right', title: right, render: (_, row) => <code>{row.right ?? '—'}</code> },
      ]}
    />
  );
}

/** Two images side by side, section by section. */
export function Comparison({ left, right }: { left: Side; right: Side }) {
  const t = useT();
  const [locale] = useLocale();
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const a = left.inspection.image;
  const b = right.inspection.image;
  const leftName = `${left.inspection.reference} (${left.region})`;
  const rightName = `${right.inspection.reference} (${right.region})`;
  const layers = useMemo(() => compareLayers(a.layers, b.layers), [a.layers, b.layers]);
  const filter = (rows: ValueRow[]) =>
    onlyDifferences ? rows.filter((row) => row.change !== 'same') : rows;
  const settings = filter(compareSettings(a.config, b.config));
  const env = filter(compareValues(environmentOf(a.config.env), environmentOf(b.config.env)));
  const labels = filter(compareValues(a.config.labels, b.config.labels));
  const history = Array.from({ length: Math.max(a.history.length, b.history.length) }, (_, i) => {
    const l = a.history[i]?.createdBy ?? a.history[i]?.comment;
    const r = b.history[i]?.createdBy ?? b.history[i]?.comment;
    return {
      key: String(i + 1),
      change: (l === r
        ? 'same'
        : l === undefined
          ? 'added'
          : r === undefined
            ? 'removed'
            : 'changed') as ValueRow['change'],
      ...(l === undefined ? {} : { left: l }),
      ...(r === undefined ? {} : { right: r }),
    };
  });
  const platforms = (inspection: ImageInspection) =>
    inspection.platforms.length > 0
      ? inspection.platforms.map((p) => p.platform).join(', ')
      : t('compare.singleImage');
  const summary: ValueRow[] = [
    ['digest', left.inspection.digest, right.inspection.digest],
    ['platforms', platforms(left.inspection), platforms(right.inspection)],
    ['image', a.digest, b.digest],
    ['size', formatBytes(a.size), formatBytes(b.size)],
    ['layers', String(a.layers.length), String(b.layers.length)],
    [
      'created',
      a.config.created ? formatTime(a.config.created, locale) : '',
      b.config.created ? formatTime(b.config.created, locale) : '',
    ],
  ].map(([key, l, r]) => ({
    key: key!,
    change: l === r ? 'same' : 'changed',
    left: l!,
    right: r!,
  }));

  return (
    <div className="compare-sections">
      <Typography.Paragraph role="status" strong>
        {left.inspection.digest === right.inspection.digest
          ? t('compare.identical')
          : a.digest === b.digest
            ? t('compare.sameImage', { platform: a.platform })
            : t('compare.differ', {
                shared: formatBytes(layers.sharedBytes),
                removed: formatBytes(layers.removedBytes),
                added: formatBytes(layers.addedBytes),
              })}
      </Typography.Paragraph>
      <label className="compare-check">
        <input
          type="checkbox"
          checked={onlyDifferences}
          onChange={(event) => setOnlyDifferences(event.target.checked)}
        />
        {t('compare.onlyDifferences')}
      </label>

      <section aria-labelledby="compare-summary">
        <Typography.Title level={4} id="compare-summary">
          {t('compare.summary')}
        </Typography.Title>
        <ValuesTable
          label={t('compare.summary')}
          rows={filter(summary)}
          names={(key) => t(`compare.field.${key}`)}
          left={leftName}
          right={rightName}
          keyTitle={t('compare.field')}
        />
      </section>

      <section aria-labelledby="compare-layers">
        <Typography.Title level={4} id="compare-layers">
          {t('compare.layers')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {t('compare.layers.summary', {
            shared: formatBytes(layers.sharedBytes),
            removed: formatBytes(layers.removedBytes),
            added: formatBytes(layers.addedBytes),
          })}
        </Typography.Paragraph>
        <DataTable<LayerRow & { index: number }>
          aria-label={t('compare.layers')}
          size="small"
          rowKey="index"
          dataSource={(onlyDifferences
            ? layers.rows.filter((row) => row.change !== 'same')
            : layers.rows
          ).map((row, index) => ({ ...row, index }))}
          empty={t('compare.none')}
          columns={[
            {
              key: 'change',
              title: t('compare.change'),
              width: 160,
              render: (_, row) => (
                <span className="compare-change" data-change={row.change}>
                  {t(`compare.layer.${row.change}`, { left: leftName, right: rightName })}
                </span>
              ),
            },
            {
              key: 'digest',
              title: t('compare.digest'),
              render: (_, row) => <Digest digest={row.digest} />,
            },
            {
              key: 'size',
              title: t('compare.size'),
              align: 'right',
              render: (_, row) => formatBytes(row.size),
            },
          ]}
        />
      </section>

      {(
        [
          ['settings', settings, t('compare.field'), (key: string) => t(`compare.setting.${key}`)],
          ['env', env, t('compare.variable')],
          ['labels', labels, t('compare.label')],
          ['history', filter(history), t('compare.step')],
        ] as const
      ).map(([section, rows, keyTitle, names]) => (
        <section key={section} aria-labelledby={`compare-${section}`}>
          <Typography.Title level={4} id={`compare-${section}`}>
            {t(`compare.${section}`)}
          </Typography.Title>
          <ValuesTable
            label={t(`compare.${section}`)}
            rows={rows}
            names={names}
            left={leftName}
            right={rightName}
            keyTitle={keyTitle}
          />
        </section>
      ))}
    </div>
  );
}
