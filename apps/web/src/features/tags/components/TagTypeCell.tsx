import type { TagListItem } from '@swr-console/swr-api';
import { Flex, Tag } from 'antd';
import { Tooltip } from '../../../shared/components/tooltip/Tooltip';
import { useMemo } from 'react';
import { shortDigest } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import { platformsOf, signedDigest, tagKind } from '../manifest';

const COLORS = { image: 'default', index: 'blue', signature: 'purple' } as const;

/** Image, multi-arch index with its platforms, or a cosign signature with the image it signs. */
export function TagTypeCell({
  item,
}: {
  item: Pick<TagListItem, 'Tag' | 'tag_type' | 'manifest'>;
}) {
  const t = useT();
  const kind = tagKind(item);
  const platforms = useMemo(
    () => (kind === 'index' ? platformsOf(item.manifest) : []),
    [kind, item.manifest],
  );
  const signs = kind === 'signature' ? signedDigest(item.Tag) : undefined;
  return (
    <Flex vertical gap={4} align="flex-start">
      <Tag color={COLORS[kind]}>{t(`tags.type.${kind}`)}</Tag>
      {platforms.length > 0 ? (
        <Flex wrap gap={2} role="list" aria-label={t('tags.platforms')}>
          {platforms.map((platform) => (
            <Tag
              key={platform}
              role="listitem"
              style={{ fontSize: 11, lineHeight: '16px', marginInlineEnd: 0 }}
            >
              {platform}
            </Tag>
          ))}
        </Flex>
      ) : null}
      {signs ? (
        <Tooltip title={signs}>
          <span style={{ fontSize: 12 }}>{t('tags.signs', { digest: shortDigest(signs) })}</span>
        </Tooltip>
      ) : null}
    </Flex>
  );
}
