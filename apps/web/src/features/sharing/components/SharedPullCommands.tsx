import type { RepositorySummary } from '@swr-console/swr-api';
import { Button, List, Modal } from 'antd';
import { CopyButton } from '../../../shared/components/CopyButton';
import { EmptyText } from '../../../shared/components/EmptyText';
import { Typography } from '../../../shared/components/typography/Typography';
import { useT } from '../../../shared/i18n';

/** Pull commands for each tag of a repository shared with you. */
export function SharedPullCommands({
  repository,
  onClose,
}: {
  repository: RepositorySummary | undefined;
  onClose: () => void;
}) {
  const t = useT();
  const full = repository ? `${repository.namespace}/${repository.name}` : '';
  return (
    <Modal
      open={repository !== undefined}
      title={t('shared.pull.title', { repository: full })}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('shared.pull.intro')}</Typography.Paragraph>
      <List
        size="small"
        dataSource={repository?.tags ?? []}
        locale={{ emptyText: <EmptyText>{t('shared.pull.none')}</EmptyText> }}
        renderItem={(tag) => {
          const command = `docker pull ${repository!.path}:${tag}`;
          return (
            <List.Item
              actions={[
                <CopyButton key="copy" value={command} what={t('shared.pull.command', { tag })} />,
              ]}
            >
              <Typography.Text code>{command}</Typography.Text>
            </List.Item>
          );
        }}
      />
    </Modal>
  );
}
