import { DeleteOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { Select } from '../../../shared/components/select/Select';
import { SearchInput } from '../../../shared/components/input/SearchInput';
import { useState } from 'react';
import { useT } from '../../../shared/i18n';
import type { ListState } from '../../../shared/list-state';
import { tagSort } from '../useTagList';

const SORTS = [
  'updated_at:desc',
  'updated_at:asc',
  'tag:asc',
  'tag:desc',
  'version:desc',
  'version:asc',
] as const;

export function TagsToolbar({
  state,
  onState,
  canManage,
  selected,
  onDeleteSelected,
  onCompareSelected,
}: {
  state: ListState;
  onState: (change: Partial<ListState>) => void;
  canManage: boolean;
  selected: number;
  onDeleteSelected: () => void;
  /** Opens the two checked tags side by side. */
  onCompareSelected: () => void;
}) {
  const t = useT();
  const filter = state.filters.tag ?? '';
  // The box follows the URL (back/forward) but keeps what is being typed until it is searched.
  const [text, setText] = useState(filter);
  const [shown, setShown] = useState(filter);
  if (shown !== filter) {
    setShown(filter);
    setText(filter);
  }
  return (
    <Flex gap={8} wrap align="center">
      <SearchInput
        aria-label={t('tags.filter')}
        placeholder={t('tags.filter')}
        value={text}
        maxLength={128}
        allowClear
        style={{ width: 280 }}
        onChange={setText}
        onSearch={(value) => onState({ filters: { tag: value.trim() } })}
      />
      <Select
        aria-label={t('tags.sortBy')}
        style={{ minWidth: 220 }}
        value={`${tagSort(state)}:${state.order}`}
        options={SORTS.map((value) => ({
          value,
          label: t(`tags.sort.${value.replace(':', '.')}`),
        }))}
        onChange={(value: string) => {
          const [sort, order] = value.split(':') as [string, 'asc' | 'desc'];
          onState({ sort, order });
        }}
      />
      {canManage ? (
        <Button disabled={selected !== 2} onClick={onCompareSelected}>
          {t('tags.compareSelected')}
        </Button>
      ) : null}
      {canManage ? (
        <Button
          danger
          icon={<DeleteOutlined />}
          disabled={selected === 0}
          onClick={onDeleteSelected}
        >
          {t('tags.deleteSelected', { count: selected })}
        </Button>
      ) : null}
    </Flex>
  );
}
