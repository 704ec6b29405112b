import { pullCommands, type ClientCommands } from '@swr-console/swr-api';
import { Flex, Modal } from 'antd';
import { Tabs } from '../../../shared/components/tabs/Tabs';
import { Typography } from '../../../shared/components/typography/Typography';
import { CopyButton } from '../../../shared/components/CopyButton';
import { useT } from '../../../shared/i18n';

export interface PullTarget {
  tag: string;
  digest: string;
}

const CLIENTS: (keyof ClientCommands)[] = ['docker', 'nerdctl', 'ctr'];

function CommandList({ commands }: { commands: ClientCommands }) {
  const t = useT();
  return (
    <Flex vertical gap={12}>
      {CLIENTS.map((client) => (
        <div key={client}>
          <Typography.Text strong>{client}</Typography.Text>
          <Flex align="flex-start" gap={4}>
            <Typography.Text code style={{ wordBreak: 'break-all', flex: 1 }}>
              {commands[client]}
            </Typography.Text>
            <CopyButton value={commands[client]} what={t('tags.pull.command', { client })} />
          </Flex>
        </div>
      ))}
    </Flex>
  );
}

/**
 * The pull commands for one tag, by tag or by digest (a digest keeps pulling the same image after
 * the tag moves). The sandbox registry speaks plain HTTP, which nerdctl and ctr must be told.
 */
export function PullCommandsModal({
  target,
  registry,
  namespace,
  repository,
  insecure,
  onClose,
}: {
  target: PullTarget | undefined;
  registry: string;
  namespace: string;
  repository: string;
  insecure: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const image = { registry, namespace, repository };
  return (
    <Modal
      open={target !== undefined}
      title={
        target ? t('tags.pull.title', { image: `${namespace}/${repository}:${target.tag}` }) : null
      }
      footer={null}
      onCancel={onClose}
      width={720}
      destroyOnHidden
    >
      {target ? (
        <Tabs
          items={[
            {
              key: 'tag',
              label: t('tags.pull.byTag'),
              children: (
                <CommandList
                  commands={pullCommands({ ...image, reference: target.tag }, { insecure })}
                />
              ),
            },
            {
              key: 'digest',
              label: t('tags.pull.byDigest'),
              children: (
                <Flex vertical gap={12}>
                  <Typography.Text>{t('tags.pull.digestHelp')}</Typography.Text>
                  <CommandList
                    commands={pullCommands({ ...image, reference: target.digest }, { insecure })}
                  />
                </Flex>
              ),
            },
          ]}
        />
      ) : null}
    </Modal>
  );
}
