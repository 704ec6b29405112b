import { Alert, Form, Input, Modal, Radio, Switch } from 'antd';
import { useId, useState, type ReactNode } from 'react';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { useT } from '../../../shared/i18n';
import {
  createTriggerCall,
  deleteTriggerCall,
  setTriggerEnabledCall,
  type RepositoryRef,
} from '../api';
import { ShowRequest } from '../../../shared/components/ShowRequest';
import { useSaveTrigger } from '../mutations';
import {
  EMPTY_TRIGGER,
  needsRecreate,
  toBody,
  triggerProblems,
  type TriggerField,
  type TriggerValues,
} from '../trigger-form';
import { useNotices } from '../../../shared/notices';

/**
 * Creates a trigger, or edits one. SWR changes only whether a trigger is on: any other edit is
 * saved by deleting the trigger and creating it again, which the dialog says before it is done.
 */
export function TriggerModal({
  target,
  editing,
  taken,
  onClose,
}: {
  target: RepositoryRef;
  /** The trigger being edited, as the editor's values. */
  editing: TriggerValues | undefined;
  /** Names of the repository's other triggers. */
  taken: ReadonlySet<string>;
  onClose: () => void;
}) {
  const t = useT();
  const notices = useNotices();
  const id = useId();
  const [values, setValues] = useState<TriggerValues>(editing ?? EMPTY_TRIGGER);
  const [touched, setTouched] = useState<Partial<Record<TriggerField, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const problems = triggerProblems(values, taken);
  const valid = Object.keys(problems).length === 0;
  const recreate = editing !== undefined && needsRecreate(editing, values);
  const set = (change: Partial<TriggerValues>) => setValues({ ...values, ...change });

  // Set once an edit has deleted the old trigger: if creating the new one then fails, saving
  // again only creates (the old one is gone, and the list says so).
  const [replaced, setReplaced] = useState(false);
  const save = useSaveTrigger(target);
  const submit = () =>
    save.mutate(
      editing && !recreate && !replaced
        ? { name: editing.name, enabled: values.enabled }
        : {
            body: toBody(values),
            replacing: editing && !replaced ? editing.name : undefined,
            onReplaced: () => setReplaced(true),
          },
      {
        onSuccess: () => {
          void notices.success(t('triggers.saved', { name: values.name }));
          onClose();
        },
      },
    );

  const problemText = (field: TriggerField) => {
    const problem = problems[field];
    if (!problem || !(touched[field] || submitted)) return undefined;
    return problem.startsWith('triggers.problem.')
      ? t(problem)
      : t('triggers.problem.badRegex', { detail: problem });
  };
  const field = (
    name: TriggerField,
    label: string,
    input: ReactNode,
    help?: string,
    required = true,
  ) => (
    <Form.Item
      label={label}
      htmlFor={`${id}-${name}`}
      required={required}
      validateStatus={problemText(name) ? 'error' : undefined}
      help={problemText(name) ?? help}
    >
      {input}
    </Form.Item>
  );
  const text = (name: TriggerField, extra: { placeholder?: string; disabled?: boolean } = {}) => (
    <Input
      id={`${id}-${name}`}
      value={values[name]}
      autoComplete="off"
      spellCheck={false}
      onChange={(event) => set({ [name]: event.target.value })}
      onBlur={() => setTouched({ ...touched, [name]: true })}
      {...extra}
    />
  );

  return (
    <Modal
      open
      width={640}
      title={
        editing
          ? t('triggers.edit.title', { name: editing.name })
          : t('triggers.create.title', {
              repository: `${target.namespace}/${target.repository}`,
            })
      }
      okText={recreate && !replaced ? t('triggers.edit.recreate') : t('common.save')}
      okButtonProps={{ danger: recreate && !replaced }}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => {
        setSubmitted(true);
        if (valid) submit();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      {editing ? (
        <Alert
          type={recreate ? 'warning' : 'info'}
          showIcon
          title={recreate ? t('triggers.edit.recreateNote') : t('triggers.edit.note')}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form layout="vertical" component="div">
        {field(
          'name',
          t('triggers.name'),
          text('name', { disabled: editing !== undefined }),
          t('triggers.name.help'),
        )}
        <Form.Item label={t('triggers.type')} htmlFor={`${id}-type`}>
          <Radio.Group
            aria-label={t('triggers.type')}
            id={`${id}-type`}
            value={values.type}
            onChange={(event) =>
              set({ type: event.target.value as TriggerValues['type'], condition: '' })
            }
            options={[
              { value: 'all', label: t('triggers.type.all') },
              { value: 'tag', label: t('triggers.type.tag') },
              { value: 'regular', label: t('triggers.type.regular') },
            ]}
          />
        </Form.Item>
        {values.type === 'all'
          ? null
          : field(
              'condition',
              values.type === 'tag' ? t('triggers.condition.tags') : t('triggers.condition.regex'),
              text('condition', {
                placeholder: values.type === 'tag' ? 'v1.0.0;latest' : 'release-.*',
              }),
              values.type === 'tag'
                ? t('triggers.condition.tags.help')
                : t('triggers.condition.regex.help'),
            )}
        <Form.Item label={t('triggers.mode')} htmlFor={`${id}-mode`}>
          <Radio.Group
            aria-label={t('triggers.mode')}
            id={`${id}-mode`}
            value={values.mode}
            onChange={(event) => set({ mode: event.target.value as TriggerValues['mode'] })}
            options={[
              { value: 'cce', label: t('triggers.mode.cce') },
              { value: 'cci', label: t('triggers.mode.cci') },
            ]}
          />
        </Form.Item>
        {values.mode === 'cce'
          ? field('cluster', t('triggers.cluster'), text('cluster'), t('triggers.cluster.help'))
          : null}
        {field('clusterNamespace', t('triggers.clusterNamespace'), text('clusterNamespace'))}
        <Form.Item label={t('triggers.appType')} htmlFor={`${id}-appType`}>
          <Radio.Group
            aria-label={t('triggers.appType')}
            id={`${id}-appType`}
            value={values.appType}
            onChange={(event) => set({ appType: event.target.value as TriggerValues['appType'] })}
            options={[
              { value: 'deployments', label: t('triggers.appType.deployments') },
              { value: 'statefulsets', label: t('triggers.appType.statefulsets') },
            ]}
          />
        </Form.Item>
        {field('application', t('triggers.application'), text('application'))}
        {field(
          'container',
          t('triggers.container'),
          text('container'),
          t('triggers.container.help'),
          false,
        )}
        <Form.Item label={t('triggers.enabled')} htmlFor={`${id}-enabled`}>
          <Switch
            id={`${id}-enabled`}
            checked={values.enabled}
            onChange={(enabled) => set({ enabled })}
          />
        </Form.Item>
      </Form>
      <ShowRequest
        region={target.region}
        calls={() =>
          !valid
            ? []
            : editing && !recreate && !replaced
              ? [setTriggerEnabledCall(target, editing.name, values.enabled)]
              : [
                  ...(editing && !replaced ? [deleteTriggerCall(target, editing.name)] : []),
                  createTriggerCall(target, toBody(values)),
                ]
        }
      />
      {replaced && save.error ? (
        <Alert
          type="warning"
          showIcon
          title={t('triggers.edit.halfDone', { name: editing?.name ?? '' })}
          style={{ marginBottom: 8 }}
        />
      ) : null}
      {save.error ? <ErrorAlert error={save.error} /> : null}
    </Modal>
  );
}
