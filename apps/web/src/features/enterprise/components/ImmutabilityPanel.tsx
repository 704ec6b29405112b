import { PlusOutlined } from '@ant-design/icons';
import { globProblem, type ImmutableRule, type ImmutableRuleBody } from '@swr-console/swr-api';
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Flex, Modal, Tag } from 'antd';
import { TextInput } from '../../../shared/components/input/TextInput';
import { useState } from 'react';
import { DataTable } from '../../../shared/components/table/DataTable';
import { DeleteButton } from '../../../shared/components/DeleteButton';
import { PendingMark } from '../../../shared/components/HeldMark';
import { EmptyText } from '../../../shared/components/EmptyText';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { Field } from '../../../shared/components/form/Field';
import { Select } from '../../../shared/components/select/Select';
import { Typography } from '../../../shared/components/typography/Typography';
import { useT } from '../../../shared/i18n';
import type { InstanceRef } from '../api';
import { deleteRuleCall } from '../security-api';
import { useDeleteRule, useSaveRule } from '../security-mutations';
import { securityQueries, useImmutability } from '../security-queries';
import { protectedTags } from '../security-rules';

interface Draft {
  repoExcludes: boolean;
  repository: string;
  excludes: boolean;
  tag: string;
  disabled: boolean;
}

const bodyOf = (draft: Draft): ImmutableRuleBody => ({
  disabled: draft.disabled,
  scope_selectors: {
    repository: [
      {
        kind: 'doublestar',
        decoration: draft.repoExcludes ? 'repoExcludes' : 'repoMatches',
        pattern: draft.repository,
      },
    ],
  },
  tag_selectors: [
    { kind: 'doublestar', decoration: draft.excludes ? 'excludes' : 'matches', pattern: draft.tag },
  ],
});

const draftOf = (rule: ImmutableRule | undefined): Draft => {
  const repository = rule?.scope_selectors.repository?.[0];
  const tag = rule?.tag_selectors[0];
  return {
    repoExcludes: repository?.decoration === 'repoExcludes',
    repository: repository?.pattern ?? '**',
    excludes: tag?.decoration === 'excludes',
    tag: tag?.pattern ?? '',
    disabled: rule?.disabled ?? false,
  };
};

/**
 * A namespace's immutability rules, each with the tags it protects now, and a dialog whose preview
 * shows which tags a rule will protect while it is typed (the same matcher as the registry's).
 */
export function ImmutabilityPanel({
  target,
  namespace,
  admin,
}: {
  target: InstanceRef;
  namespace: string;
  admin: boolean;
}) {
  const t = useT();
  const { rules, error } = useImmutability(target, namespace);
  const tags = useQuery(securityQueries.namespaceTags(target, namespace));
  const remove = useDeleteRule(target, namespace);
  const [editing, setEditing] = useState<ImmutableRule | 'new' | undefined>();
  if (error) return <ErrorAlert error={error} />;
  const known = tags.data ?? [];
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center">
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          disabled={!admin}
          onClick={() => setEditing('new')}
        >
          {t('sec.rules.add')}
        </Button>
        <Typography.Text type="secondary">
          {admin ? t('sec.rules.hint') : t('ent.adminOnly')}
        </Typography.Text>
      </Flex>
      <DataTable
        rowKey="id"
        aria-label={t('sec.rules.title', { namespace })}
        loading={rules === undefined}
        dataSource={rules ?? []}
        pagination={false}
        empty={<EmptyText>{t('sec.rules.empty')}</EmptyText>}
        columns={[
          {
            key: 'repositories',
            title: t('sec.rules.repositories'),
            render: (_, rule) => {
              const draft = draftOf(rule);
              return t(draft.repoExcludes ? 'sec.rules.except' : 'sec.rules.matching', {
                pattern: draft.repository,
              });
            },
          },
          {
            key: 'tags',
            title: t('sec.rules.tags'),
            render: (_, rule) => {
              const draft = draftOf(rule);
              return t(draft.excludes ? 'sec.rules.except' : 'sec.rules.matching', {
                pattern: draft.tag,
              });
            },
          },
          {
            key: 'state',
            title: t('sec.rules.state'),
            render: (_, rule) =>
              rule.disabled ? (
                <Tag>{t('sec.rules.disabled')}</Tag>
              ) : (
                <Tag color="purple">{t('sec.rules.enabled')}</Tag>
              ),
          },
          {
            key: 'protects',
            title: t('sec.rules.protects'),
            render: (_, rule) =>
              tags.data
                ? t('sec.rules.count', { count: protectedTags([rule], known).length })
                : t('common.loading'),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, rule) => (
              <PendingMark
                region={target.region}
                operation="DeleteImmutableRule"
                params={{
                  instance_id: target.instance,
                  namespace_name: namespace,
                  immutable_rule_id: rule.id,
                }}
              >
                <Flex gap={4}>
                  <Button
                    size="small"
                    disabled={!admin}
                    aria-label={t('sec.rules.editOf', { id: rule.id })}
                    onClick={() => setEditing(rule)}
                  >
                    {t('sec.rules.edit')}
                  </Button>
                  <DeleteButton
                    label={t('sec.rules.delete', { id: rule.id })}
                    title={t('sec.rules.deleteTitle', { id: rule.id })}
                    text={
                      admin
                        ? t('sec.rules.deleteText', { count: protectedTags([rule], known).length })
                        : t('ent.adminOnly')
                    }
                    blocked={!admin}
                    mutation={remove}
                    variables={rule.id}
                    request={{
                      region: target.region,
                      calls: () => [deleteRuleCall(target, namespace, rule.id)],
                    }}
                    onDeleted={() => undefined}
                  />
                </Flex>
              </PendingMark>
            ),
          },
        ]}
      />
      {editing ? (
        <RuleModal
          target={target}
          namespace={namespace}
          rule={editing === 'new' ? undefined : editing}
          tags={tags.data}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
    </Flex>
  );
}

function RuleModal({
  target,
  namespace,
  rule,
  tags,
  onClose,
}: {
  target: InstanceRef;
  namespace: string;
  rule: ImmutableRule | undefined;
  tags: readonly { repository: string; tags: string[] }[] | undefined;
  onClose: () => void;
}) {
  const t = useT();
  const save = useSaveRule(target, namespace);
  const [draft, setDraft] = useState(() => draftOf(rule));
  const change = (next: Partial<Draft>) => setDraft({ ...draft, ...next });
  const repositoryProblem =
    draft.repository === '' ? t('sec.rules.repositoryMissing') : globProblem(draft.repository);
  const tagProblem = draft.tag === '' ? t('sec.rules.tagMissing') : globProblem(draft.tag);
  const preview =
    repositoryProblem || tagProblem || !tags ? [] : protectedTags([bodyOf(draft)], tags);
  return (
    <Modal
      open
      title={
        rule ? t('sec.rules.editTitle', { id: rule.id }) : t('sec.rules.addTitle', { namespace })
      }
      okText={t('sec.rules.save')}
      okButtonProps={{
        disabled: Boolean(repositoryProblem || tagProblem),
        loading: save.isPending,
      }}
      onOk={() =>
        save.mutate({ id: rule?.id, body: bodyOf(draft) }, { onSuccess: () => onClose() })
      }
      onCancel={onClose}
    >
      <Flex vertical gap={12}>
        <Field
          id="rule-repository"
          label={t('sec.rules.repositories')}
          help={repositoryProblem ?? t('sec.rules.repositoryHelp')}
          error={repositoryProblem !== undefined}
        >
          <Flex gap={8}>
            <Select
              aria-label={t('sec.rules.repositoryMode')}
              value={draft.repoExcludes ? 'excludes' : 'matches'}
              onChange={(mode) => change({ repoExcludes: mode === 'excludes' })}
              options={[
                { value: 'matches', label: t('sec.rules.matches') },
                { value: 'excludes', label: t('sec.rules.excludes') },
              ]}
              style={{ width: 160 }}
            />
            <TextInput
              id="rule-repository"
              value={draft.repository}
              onChange={(e) => change({ repository: e.target.value })}
              aria-invalid={repositoryProblem !== undefined}
              aria-describedby="rule-repository-help"
            />
          </Flex>
        </Field>
        <Field
          id="rule-tag"
          label={t('sec.rules.tags')}
          help={tagProblem ?? t('sec.rules.tagHelp')}
          error={tagProblem !== undefined}
        >
          <Flex gap={8}>
            <Select
              aria-label={t('sec.rules.tagMode')}
              value={draft.excludes ? 'excludes' : 'matches'}
              onChange={(mode) => change({ excludes: mode === 'excludes' })}
              options={[
                { value: 'matches', label: t('sec.rules.matches') },
                { value: 'excludes', label: t('sec.rules.excludes') },
              ]}
              style={{ width: 160 }}
            />
            <TextInput
              id="rule-tag"
              value={draft.tag}
              onChange={(e) => change({ tag: e.target.value })}
              aria-invalid={tagProblem !== undefined}
              aria-describedby="rule-tag-help"
            />
          </Flex>
        </Field>
        <Checkbox checked={draft.disabled} onChange={(e) => change({ disabled: e.target.checked })}>
          {t('sec.rules.disable')}
        </Checkbox>
        <section aria-label={t('sec.rules.preview')}>
          <Typography.Text strong role="status">
            {tags
              ? t('sec.rules.previewCount', { count: preview.length })
              : t('sec.rules.previewLoading')}
          </Typography.Text>
          <Flex wrap gap={4} style={{ marginTop: 6, maxHeight: 160, overflow: 'auto' }}>
            {preview.slice(0, 200).map((name) => (
              <Tag key={name}>{name}</Tag>
            ))}
          </Flex>
        </section>
        {save.error ? <ErrorAlert error={save.error} /> : null}
      </Flex>
    </Modal>
  );
}
