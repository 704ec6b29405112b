import { PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { SignPolicy } from '@swr-console/swr-api';
import { Alert, Button, Modal, Space } from 'antd';
import { Tooltip } from '../../../shared/components/tooltip/Tooltip';
import { Typography } from '../../../shared/components/typography/Typography';
import { DataTable } from '../../../shared/components/table/DataTable';
import { lazy, Suspense, useState } from 'react';
import { EmptyText } from '../../../shared/components/EmptyText';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { RowActions } from '../../../shared/components/RowActions';
import { useT } from '../../../shared/i18n';
import { deletePolicyCall, type InstanceRef } from '../api';
import { ShowRequest } from '../../../shared/components/ShowRequest';
import { PendingMark } from '../../../shared/components/HeldMark';
import { useDeletePolicy, useRunPolicy } from '../mutations';
import { enterpriseQueries } from '../queries';
import { Executions } from './Executions';
import { useNotices } from '../../../shared/notices';

// Dialogs load when first opened.
const PolicyModal = lazy(async () => ({
  default: (await import('./PolicyModal')).PolicyModal,
}));

/** A namespace's signing policies: create, edit, run now, delete, and each one's executions. */
export function SigningPanel({
  target,
  namespace,
  admin,
}: {
  target: InstanceRef;
  namespace: string;
  admin: boolean;
}) {
  const t = useT();
  const notices = useNotices();
  const policies = useQuery(enterpriseQueries.policies(target));
  const keys = useQuery(enterpriseQueries.keys(target.region, target.projectId));
  const [editing, setEditing] = useState<SignPolicy | 'new'>();
  const [deleting, setDeleting] = useState<SignPolicy>();
  const [expanded, setExpanded] = useState<number[]>([]);
  const mine = (policies.data ?? []).filter((p) => p.namespace_name === namespace);
  const keyAlias = (id: string) => keys.data?.find((k) => k.key_id === id)?.key_alias;

  const run = useRunPolicy(target, namespace);
  // Each run says how it went, even while another is still starting (the error shows above).
  const runNow = (policy: SignPolicy) =>
    void run.mutateAsync(policy).then(
      (execution) => {
        void notices.success(t('ent.policy.started', { name: policy.name, id: execution }));
        setExpanded((open) => (open.includes(policy.id) ? open : [...open, policy.id]));
      },
      () => undefined,
    );
  const remove = useDeletePolicy(target, namespace);
  const removePolicy = (policy: SignPolicy) =>
    remove.mutate(policy, {
      onSuccess: (held) => {
        if (!held) void notices.success(t('ent.policy.deleted', { name: policy.name }));
        setDeleting(undefined);
      },
    });

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Tooltip title={admin ? undefined : t('ent.adminOnly')}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!admin}
            onClick={() => setEditing('new')}
          >
            {t('ent.policy.create')}
          </Button>
        </Tooltip>
        <Typography.Text type="secondary">{t('ent.policy.intro')}</Typography.Text>
      </Space>
      {run.error ? <ErrorAlert error={run.error} /> : null}
      {policies.error ? (
        <ErrorAlert error={policies.error} onRetry={() => void policies.refetch()} />
      ) : (
        <DataTable
          rowKey="id"
          loading={policies.isPending}
          dataSource={mine}
          pagination={false}
          empty={<EmptyText>{t('ent.policy.empty')}</EmptyText>}
          expandable={{
            expandedKeys: expanded,
            onExpandedChange: (keys) => setExpanded(keys as number[]),
            render: (policy) => (
              <Executions target={target} namespace={namespace} policy={policy.id} />
            ),
          }}
          columns={[
            { key: 'name', title: t('ent.policy.name'), dataIndex: 'name' },
            {
              key: 'enabled',
              title: t('ent.policy.state'),
              render: (_, policy) => (policy.enabled ? t('ent.policy.on') : t('ent.policy.off')),
            },
            {
              key: 'trigger',
              title: t('ent.policy.trigger'),
              render: (_, policy) => t(`ent.policy.trigger.${policy.trigger.type}`),
            },
            {
              key: 'key',
              title: t('ent.policy.key'),
              render: (_, policy) => {
                const alias = keyAlias(policy.signature_key);
                return alias ? (
                  `${alias} (${policy.signature_algorithm})`
                ) : (
                  <Typography.Text type="danger">
                    {keys.isPending ? '…' : t('ent.policy.keyMissing')}
                  </Typography.Text>
                );
              },
            },
            {
              key: 'scope',
              title: t('ent.policy.scope'),
              render: (_, policy) =>
                policy.scope_rules
                  .map((rule) => {
                    const tag = rule.tag_selectors[0];
                    return `${rule.scope_selectors.repository[0]?.pattern ?? ''} : ${
                      tag?.decoration === 'excludes' ? '!' : ''
                    }${tag?.pattern ?? ''}`;
                  })
                  .join('; '),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              render: (_, policy) =>
                admin ? (
                  <PendingMark
                    region={target.region}
                    operation="DeleteInstanceSignPolicy"
                    params={{ instance_id: target.instance, policy_id: policy.id }}
                  >
                    <Space wrap>
                      <Button
                        size="small"
                        icon={<PlayCircleOutlined aria-hidden />}
                        aria-label={t('ent.policy.runOf', { name: policy.name })}
                        disabled={!policy.enabled}
                        loading={run.isPending && run.variables?.id === policy.id}
                        onClick={() => runNow(policy)}
                      >
                        {t('ent.policy.run')}
                      </Button>
                      <RowActions
                        editLabel={t('ent.policy.editOf', { name: policy.name })}
                        deleteLabel={t('ent.policy.deleteOf', { name: policy.name })}
                        onEdit={() => setEditing(policy)}
                        onDelete={() => setDeleting(policy)}
                      />
                    </Space>
                  </PendingMark>
                ) : null,
            },
          ]}
        />
      )}
      {editing ? (
        <Suspense fallback={null}>
          <PolicyModal
            target={target}
            namespace={namespace}
            editing={editing === 'new' ? undefined : editing}
            taken={
              new Set(
                mine.filter((p) => editing === 'new' || p.id !== editing.id).map((p) => p.name),
              )
            }
            onClose={() => setEditing(undefined)}
          />
        </Suspense>
      ) : null}
      <Modal
        open={deleting !== undefined}
        title={t('ent.policy.delete.title', { name: deleting?.name ?? '' })}
        okText={t('common.delete')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        confirmLoading={remove.isPending}
        onOk={() => deleting && removePolicy(deleting)}
        onCancel={() => {
          remove.reset();
          setDeleting(undefined);
        }}
      >
        <Alert
          type="warning"
          showIcon
          title={t('ent.policy.delete.confirm', { name: deleting?.name ?? '' })}
        />
        {deleting ? (
          <ShowRequest
            region={target.region}
            calls={() => [deletePolicyCall(target, namespace, deleting.id)]}
          />
        ) : null}
        {remove.error ? <ErrorAlert error={remove.error} /> : null}
      </Modal>
    </>
  );
}
