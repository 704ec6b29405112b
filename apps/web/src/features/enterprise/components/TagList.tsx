import type { ResourceTag } from '@swr-console/swr-api';
import { Flex, Tag } from 'antd';
import { Typography } from '../../../shared/components/typography/Typography';
import { useT } from '../../../shared/i18n';

/** A namespace's resource tags as `key: value` chips. */
export function TagList({ tags }: { tags: ResourceTag[] }) {
  const t = useT();
  if (tags.length === 0)
    return <Typography.Text type="secondary">{t('ent.tags.none')}</Typography.Text>;
  return (
    <Flex gap={4} wrap>
      {tags.map((tag) => (
        <Tag key={tag.key}>{tag.value === '' ? tag.key : `${tag.key}: ${tag.value}`}</Tag>
      ))}
    </Flex>
  );
}
