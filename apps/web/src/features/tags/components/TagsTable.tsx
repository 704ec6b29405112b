import { CloudDownloadOutlined, DeleteOutlined, TagsOutlined } from '@ant-design/icons';
import type { TagListItem } from '@swr-console/swr-api';
import { Button, Flex } from 'antd';
import { Tooltip } from '../../../shared/components/tooltip/Tooltip';
import { Typography } from '../../../shared/components/typography/Typography';
import { type Column, DataTable } from '../../../shared/components/table/DataTable';
import { useMemo, type ReactNode } from 'react';
import { CopyButton } from '../../../shared/components/CopyButton';
import { formatBytes, formatTime, shortDigest } from '../../../shared/format';
import { useLocale, useT } from '../../../shared/i18n';
import type { ListState } from '../../../shared/list-state';
import { sameImageTags } from '../digests';
import { TAG_PAGE_SIZES, tagSort } from '../useTagList';
import { TagTypeCell } from './TagTypeCell';
import { EmptyText } from '../../../shared/components/EmptyText';

/** More rows than this are drawn virtually, so a page of 1,000 tags stays quick. */
const VIRTUAL_FROM = 100;
const SHOWN_SIBLINGS = 3;

function IconButton({
  label,
  icon,
  onClick,
  danger,
}: {
  label: string;
  icon: ReactNode;
  onClick: () => void;
  danger?: boolean;
}) {
  return (
    <Tooltip title={label}>
      <Button
        type="text"
        size="small"
        danger={danger}
        icon={icon}
        aria-label={label}
        onClick={onClick}
      />
    </Tooltip>
  );
}

export function TagsTable({
  label,
  rows,
  loaded,
  total,
  loading,
  state,
  onState,
  canEdit,
  canManage,
  selected,
  onSelect,
  onPull,
  onRetag,
  onDelete,
  held,
}: {
  label: string;
  rows: TagListItem[];
  loaded: TagListItem[];
  total: number;
  loading: boolean;
  state: ListState;
  onState: (change: Partial<ListState>) => void;
  canEdit: boolean;
  canManage: boolean;
  selected: TagListItem[];
  onSelect: (rows: TagListItem[]) => void;
  onPull: (row: TagListItem) => void;
  onRetag: (row: TagListItem) => void;
  onDelete: (row: TagListItem) => void;
  /** In place of a row's actions while its deletion is held for undo. */
  held?: (row: TagListItem) => React.ReactNode;
}) {
  const t = useT();
  const [locale] = useLocale();
  const siblings = useMemo(() => sameImageTags(loaded), [loaded]);
  const sort = tagSort(state);
  const sortOrder = (column: 'tag' | 'updated_at') =>
    sort === column ? (state.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;
  const virtual = rows.length > VIRTUAL_FROM;

  const columns: Column<TagListItem>[] = [
    {
      key: 'tag',
      title: t('tags.tag'),
      width: 260,
      sorter: true,
      sortOrder: sortOrder('tag'),
      render: (_, row) => {
        const same = siblings.get(row.Tag);
        return (
          <Flex vertical>
            <Typography.Text strong style={{ wordBreak: 'break-all' }}>
              {row.Tag}
            </Typography.Text>
            {same ? (
              // Default text colour: antd's secondary grey is below WCAG AA contrast at this size.
              <Typography.Text style={{ fontSize: 12 }}>
                {t('tags.sameImage', {
                  tags:
                    same.slice(0, SHOWN_SIBLINGS).join(', ') +
                    (same.length > SHOWN_SIBLINGS
                      ? t('tags.sameImage.more', { count: same.length - SHOWN_SIBLINGS })
                      : ''),
                })}
              </Typography.Text>
            ) : null}
          </Flex>
        );
      },
    },
    {
      key: 'digest',
      title: t('tags.digest'),
      width: 220,
      render: (_, row) => (
        <Flex align="center" gap={2}>
          <Typography.Text code title={row.digest}>
            {shortDigest(row.digest)}
          </Typography.Text>
          <CopyButton value={row.digest} what={t('tags.digestOf', { tag: row.Tag })} />
        </Flex>
      ),
    },
    {
      key: 'type',
      title: t('tags.type'),
      width: 190,
      render: (_, row) => <TagTypeCell item={row} />,
    },
    { key: 'size', title: t('tags.size'), width: 100, render: (_, row) => formatBytes(row.size) },
    {
      key: 'updated_at',
      title: t('tags.updated'),
      width: 180,
      sorter: true,
      firstSortOrder: 'descend',
      sortOrder: sortOrder('updated_at'),
      render: (_, row) => formatTime(row.updated, locale),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 120,
      render: (_, row) =>
        held?.(row) ?? (
          <Flex gap={2}>
            <IconButton
              label={t('tags.pull', { tag: row.Tag })}
              icon={<CloudDownloadOutlined />}
              onClick={() => onPull(row)}
            />
            {canEdit ? (
              <IconButton
                label={t('tags.retag', { tag: row.Tag })}
                icon={<TagsOutlined />}
                onClick={() => onRetag(row)}
              />
            ) : null}
            {canManage ? (
              <IconButton
                danger
                label={t('tags.delete', { tag: row.Tag })}
                icon={<DeleteOutlined />}
                onClick={() => onDelete(row)}
              />
            ) : null}
          </Flex>
        ),
    },
  ];

  return (
    <DataTable<TagListItem>
      aria-label={label}
      rowKey="Tag"
      columns={columns}
      dataSource={rows}
      loading={loading}
      virtual={virtual ? { height: 640, minWidth: 1100 } : undefined}
      empty={
        <EmptyText>{state.filters.tag ? t('tags.empty.filtered') : t('tags.empty')}</EmptyText>
      }
      rowSelection={
        canManage
          ? {
              selectedRowKeys: selected.map((row) => row.Tag),
              onChange: (_, chosen) => onSelect(chosen),
              label: (row) => t('tags.select', { tag: row.Tag }),
              allLabel: t('tags.selectPage'),
            }
          : undefined
      }
      pagination={{
        current: state.page,
        pageSize: state.pageSize,
        pageSizeOptions: TAG_PAGE_SIZES,
        showSizeChanger: true,
        total,
        showTotal: (count) => t('common.total', { total: count }),
        onChange: (page, pageSize) =>
          onState(pageSize !== state.pageSize ? { pageSize } : { page }),
      }}
      // No "unsorted" step: the list always has an order, and cancelling would look like a no-op.
      onSort={(column, order) =>
        onState({
          sort: column === 'tag' ? 'tag' : 'updated_at',
          order: order === 'ascend' ? 'asc' : 'desc',
        })
      }
    />
  );
}
