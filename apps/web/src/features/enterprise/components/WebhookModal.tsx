import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { WebhookPolicy } from '@swr-console/swr-api';
import { Button, Checkbox, Flex, Modal } from 'antd';
import { useId, useState } from 'react';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { Field } from '../../../shared/components/form/Field';
import { TextInput } from '../../../shared/components/input/TextInput';
import { Select } from '../../../shared/components/select/Select';
import { ShowRequest } from '../../../shared/components/ShowRequest';
import { Typography } from '../../../shared/components/typography/Typography';
import { useLocale } from '../../../shared/i18n';
import { useNotices } from '../../../shared/notices';
import type { InstanceRef } from '../api';
import { createWebhookCall, updateWebhookCall } from '../webhook-api';
import {
  emptyRule,
  emptyTarget,
  emptyWebhook,
  fromWebhook,
  MAX_RULES,
  MAX_TARGETS,
  toBody,
  type RuleForm,
  type TargetForm,
  type WebhookForm,
} from '../webhook-body';
import { formProblems, refusalAtField, removable } from '../webhook-form';
import { useWebhookDialogT } from '../webhook-dialog-t';
import { useSaveWebhook } from '../webhook-mutations';
import { WebhookTargetFields } from './WebhookTargetFields';

/** The field a change of a target is about, for its problem to show. */
function targetField(index: number, change: Partial<TargetForm>): string | undefined {
  if ('authHeader' in change) return `target-${index}-header`;
  if ('address' in change || 'addressType' in change) return `target-${index}-address`;
  return undefined;
}

/**
 * Creates or edits a webhook. Fields are checked as they are left (and all of them at Save) with the
 * contract's own rules; SWR's refusals are said at the field they name. Each target can be sent a
 * test event from here, as typed.
 */
export function WebhookModal({
  target,
  namespace,
  editing,
  taken,
  onClose,
}: {
  target: InstanceRef;
  namespace: string;
  editing: WebhookPolicy | undefined;
  taken: ReadonlySet<string>;
  onClose: () => void;
}) {
  const t = useWebhookDialogT();
  const [locale] = useLocale();
  const notices = useNotices();
  const prefix = useId();
  const save = useSaveWebhook(target, namespace);
  const [form, setForm] = useState<WebhookForm>(() =>
    editing ? fromWebhook(editing) : emptyWebhook(),
  );
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [tried, setTried] = useState(false);
  /** SWR's refusal at a field, shown until that field changes. */
  const [refused, setRefused] = useState<{ field: string; message: string }>();
  const problems = formProblems(t, locale, form, taken);
  const shown = (field: string) =>
    (tried || touched.has(field) ? problems[field] : undefined) ??
    (refused?.field === field ? refused.message : undefined);
  const touch = (field: string) => setTouched((before) => new Set(before).add(field));
  const change = (next: Partial<WebhookForm>, field?: string) => {
    setForm((before) => ({ ...before, ...next }));
    if (field) {
      touch(field);
      if (refused?.field === field) setRefused(undefined);
    }
  };
  const setTarget = (index: number, next: Partial<TargetForm>, field: string | undefined) =>
    change(
      { targets: form.targets.map((one, i) => (i === index ? { ...one, ...next } : one)) },
      field,
    );
  const setRule = (index: number, next: Partial<RuleForm>, field: string) =>
    change({ rules: form.rules.map((one, i) => (i === index ? { ...one, ...next } : one)) }, field);

  const submit = () => {
    setTried(true);
    const first = Object.keys(problems)[0];
    if (first !== undefined) {
      document.getElementById(`${prefix}-${first}`)?.focus();
      return;
    }
    save.mutate(
      { id: editing?.id, body: toBody(form) },
      {
        onSuccess: () => {
          void notices.success(t('wh.saved', { name: form.name.trim() }));
          onClose();
        },
        onError: (error) => {
          const atField = refusalAtField(t, locale, error, form.name.trim());
          setRefused(atField);
          if (atField) document.getElementById(`${prefix}-${atField.field}`)?.focus();
        },
      },
    );
  };
  const otherError =
    save.error && refusalAtField(t, locale, save.error, form.name.trim()) === undefined
      ? save.error
      : undefined;

  const text = (field: 'name' | 'description', label: string, help: string | undefined) => (
    <Field
      id={`${prefix}-${field}`}
      label={label}
      help={shown(field) ?? help}
      error={shown(field) !== undefined}
    >
      <TextInput
        id={`${prefix}-${field}`}
        value={form[field]}
        autoComplete="off"
        aria-invalid={shown(field) !== undefined}
        aria-describedby={
          (shown(field) ?? help) === undefined ? undefined : `${prefix}-${field}-help`
        }
        onChange={(event) =>
          change(
            field === 'name' ? { name: event.target.value } : { description: event.target.value },
            field,
          )
        }
        onBlur={() => touch(field)}
      />
    </Field>
  );

  return (
    <Modal
      open
      width={860}
      title={editing ? t('wh.edit', { name: editing.name }) : t('wh.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={submit}
      onCancel={onClose}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {text('name', t('wh.name'), t('wh.form.nameHelp'))}
        {text('description', t('wh.description'), undefined)}
        <Flex gap={24} align="center" wrap style={{ marginBottom: 12 }}>
          <Checkbox
            checked={form.enabled}
            onChange={(event) => change({ enabled: event.target.checked })}
          >
            {t('wh.form.enabled')}
          </Checkbox>
          <Typography.Text type="secondary">{t('wh.form.event')}</Typography.Text>
        </Flex>

        <Typography.Title level={3} style={{ fontSize: 16 }}>
          {t('wh.targets')}
        </Typography.Title>
        {form.targets.map((one, index) => (
          <WebhookTargetFields
            key={index}
            idPrefix={prefix}
            index={index}
            target={one}
            namespace={namespace}
            problems={{
              address: shown(`target-${index}-address`),
              header: shown(`target-${index}-header`),
            }}
            removeBlocked={
              removable(form.targets, index)
                ? undefined
                : t(form.targets.length === 1 ? 'wh.target.removeLast' : 'wh.target.removeStored')
            }
            onChange={(next) => setTarget(index, next, targetField(index, next))}
            onTouch={(field) => touch(`target-${index}-${field}`)}
            onRemove={() => change({ targets: form.targets.filter((_, i) => i !== index) })}
          />
        ))}
        <Button
          icon={<PlusOutlined aria-hidden />}
          disabled={form.targets.length >= MAX_TARGETS}
          onClick={() => change({ targets: [...form.targets, emptyTarget()] })}
        >
          {t('wh.target.add', { count: form.targets.length, max: MAX_TARGETS })}
        </Button>

        <Typography.Title level={3} style={{ fontSize: 16 }}>
          {t('wh.rules')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('wh.rules.help')}</Typography.Paragraph>
        {form.rules.map((rule, index) => {
          const id = `${prefix}-rule-${index}`;
          const pattern = (field: 'repository' | 'tag', label: string) => (
            <div style={{ flex: 2, minWidth: 180 }}>
              <Field
                id={`${id}-${field}`}
                label={label}
                help={shown(`rule-${index}-${field}`)}
                error={shown(`rule-${index}-${field}`) !== undefined}
              >
                <TextInput
                  id={`${id}-${field}`}
                  value={rule[field]}
                  spellCheck={false}
                  aria-invalid={shown(`rule-${index}-${field}`) !== undefined}
                  aria-describedby={
                    shown(`rule-${index}-${field}`) === undefined
                      ? undefined
                      : `${id}-${field}-help`
                  }
                  onChange={(event) =>
                    setRule(
                      index,
                      field === 'tag'
                        ? { tag: event.target.value }
                        : { repository: event.target.value },
                      `rule-${index}-${field}`,
                    )
                  }
                />
              </Field>
            </div>
          );
          return (
            <Flex key={index} gap={8} align="end" wrap>
              {pattern('repository', t('wh.rules.repository', { n: index + 1 }))}
              <div style={{ minWidth: 150 }}>
                <Field
                  id={`${id}-decoration`}
                  labelsInput={false}
                  label={t('wh.rules.decoration', { n: index + 1 })}
                >
                  <Select<RuleForm['decoration']>
                    id={`${id}-decoration`}
                    aria-labelledby={`${id}-decoration-label`}
                    value={rule.decoration}
                    options={[
                      { value: 'matches', label: t('wh.rules.matches') },
                      { value: 'excludes', label: t('wh.rules.excludes') },
                    ]}
                    onChange={(decoration) => setRule(index, { decoration }, `rule-${index}-tag`)}
                  />
                </Field>
              </div>
              {pattern('tag', t('wh.rules.tag', { n: index + 1 }))}
              <Button
                danger
                icon={<DeleteOutlined aria-hidden />}
                aria-label={t('wh.rules.remove', { n: index + 1 })}
                disabled={form.rules.length === 1}
                style={{ marginBottom: 28 }}
                onClick={() => change({ rules: form.rules.filter((_, i) => i !== index) })}
              />
            </Flex>
          );
        })}
        <Button
          icon={<PlusOutlined aria-hidden />}
          disabled={form.rules.length >= MAX_RULES}
          onClick={() => change({ rules: [...form.rules, emptyRule()] })}
        >
          {t('wh.rules.add')}
        </Button>
      </form>
      <ShowRequest
        region={target.region}
        calls={() => {
          if (Object.keys(problems).length > 0) return [];
          const body = toBody(form);
          return [
            editing
              ? updateWebhookCall(target, namespace, editing.id, body)
              : createWebhookCall(target, namespace, body),
          ];
        }}
      />
      {otherError ? <ErrorAlert error={otherError} /> : null}
    </Modal>
  );
}
