import {
  ApiError,
  EnterpriseErrorCode,
  nextRuns,
  type Registry,
  type ReplicationPolicy,
} from '@swr-console/swr-api';
import { Flex, Modal } from 'antd';
import { useId, useRef, useState } from 'react';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { Field } from '../../../shared/components/form/Field';
import { Select } from '../../../shared/components/select/Select';
import { ShowRequest } from '../../../shared/components/ShowRequest';
import { useT } from '../../../shared/i18n';
import { useNotices } from '../../../shared/notices';
import type { InstanceRef } from '../api';
import { createReplicationPolicyCall, updateReplicationPolicyCall } from '../replication-api';
import { useSaveReplicationPolicy } from '../replication-mutations';
import {
  emptyPolicyForm,
  fromPolicy,
  policyProblems,
  toPolicyBody,
  type PolicyField,
  type PolicyForm,
} from '../replication-rules';
import { CheckField, problemText, RadioChoices, TextField } from './ReplicationFields';
import { ReplicationPreview } from './ReplicationPreview';

/** A run time as the schedule is written: UTC, to the second. */
const utc = (time: Date) => `${time.toISOString().slice(0, 19).replace('T', ' ')} UTC`;

/**
 * Creates or edits a replication policy. Each field says what is wrong with it as it is typed
 * (globs and the schedule by the contract's own checks, the next three runs of a schedule shown),
 * and the preview below follows the form: what a run would copy, and where.
 */
export function ReplicationPolicyModal({
  target,
  editing,
  registries,
  taken,
  onClose,
}: {
  target: InstanceRef;
  editing: ReplicationPolicy | undefined;
  registries: readonly Registry[];
  /** Names of the instance's other policies. */
  taken: ReadonlySet<string>;
  onClose: () => void;
}) {
  const t = useT();
  const notices = useNotices();
  const registryId = useId();
  const save = useSaveReplicationPolicy(target);
  const [form, setForm] = useState<PolicyForm>(() =>
    editing
      ? fromPolicy(editing)
      : {
          ...emptyPolicyForm(),
          registryId: registries.length === 1 ? registries[0]!.id : undefined,
        },
  );
  const formRef = useRef<HTMLFormElement>(null);
  const [touched, setTouched] = useState<ReadonlySet<PolicyField>>(new Set());
  const [tried, setTried] = useState(false);
  const [takenName, setTakenName] = useState<string>();

  const problems = policyProblems(form, takenName ? new Set([...taken, takenName]) : taken);
  const shown = (field: PolicyField) =>
    tried || touched.has(field) ? problemText(t, problems[field]) : undefined;
  const change = (changes: Partial<PolicyForm>, field?: PolicyField) => {
    setForm((current) => {
      const next = { ...current, ...changes };
      // Pulling runs by hand or on a schedule only.
      if (next.direction === 'pull' && next.trigger === 'event_based') next.trigger = 'manual';
      return next;
    });
    if (field) setTouched((current) => new Set(current).add(field));
  };
  const valid = Object.keys(problems).length === 0;
  const registry = registries.find((r) => r.id === form.registryId);
  const push = form.direction === 'push';
  const runs =
    form.trigger === 'scheduled' && problems.cron === undefined
      ? nextRuns(form.cron.trim(), new Date(), 3)
      : [];

  const submit = () => {
    setTried(true);
    if (!valid || save.isPending) return;
    save.mutate(
      { id: editing?.id, body: toPolicyBody(form) },
      {
        onSuccess: () => {
          notices.success(t('repl.policy.saved', { name: form.name.trim() }));
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === EnterpriseErrorCode.exists)
            setTakenName(form.name.trim());
        },
      },
    );
  };
  const otherError =
    save.error &&
    !(save.error instanceof ApiError && save.error.code === EnterpriseErrorCode.exists)
      ? save.error
      : undefined;
  const registryProblem = shown('registry');

  return (
    <Modal
      open
      width={900}
      title={editing ? t('repl.policy.editTitle', { name: editing.name }) : t('repl.policy.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={submit}
      onCancel={onClose}
      // The dialog takes the focus as it opens; the name is what is typed first.
      afterOpenChange={(opened) => {
        if (opened) formRef.current?.querySelector('input')?.focus();
      }}
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <TextField
          label={t('repl.policy.name')}
          help={t('repl.nameRules')}
          problem={shown('name')}
          value={form.name}
          onChange={(name) => change({ name }, 'name')}
        />
        <RadioChoices
          legend={t('repl.policy.direction')}
          value={form.direction}
          options={[
            { value: 'push', label: t('repl.policy.pushHelp') },
            { value: 'pull', label: t('repl.policy.pullHelp') },
          ]}
          onChange={(direction) => change({ direction })}
        />
        <Field
          id={registryId}
          labelsInput={false}
          label={t('repl.policy.registry')}
          help={
            registryProblem ??
            (registry?.status === 'unhealthy'
              ? t('repl.policy.registryUnhealthy', { reason: registry.status_text ?? '' })
              : undefined)
          }
          error={registryProblem !== undefined}
        >
          <Select<number>
            id={registryId}
            aria-labelledby={`${registryId}-label`}
            aria-describedby={`${registryId}-help`}
            value={form.registryId}
            placeholder={t('repl.policy.registryPick')}
            options={registries.map((r) => ({
              value: r.id,
              label: `${r.name} (${r.url})`,
            }))}
            onChange={(id) => change({ registryId: id }, 'registry')}
          />
        </Field>
        <TextField
          label={t('repl.policy.destNamespace')}
          help={t(
            push ? 'repl.policy.destNamespaceHelp.push' : 'repl.policy.destNamespaceHelp.pull',
          )}
          problem={shown('destNamespace')}
          value={form.destNamespace}
          onChange={(destNamespace) => change({ destNamespace }, 'destNamespace')}
        />
        {/* The two filters side by side: together they say what a run takes. */}
        <Flex gap={16} wrap>
          <div style={{ flex: '1 1 260px' }}>
            <TextField
              label={t('repl.policy.nameFilter')}
              help={t('repl.policy.nameFilterHelp')}
              problem={problemText(t, problems.nameFilter)}
              value={form.nameFilter}
              placeholder="team/**"
              onChange={(nameFilter) => change({ nameFilter }, 'nameFilter')}
            />
          </div>
          <div style={{ flex: '1 1 260px' }}>
            <TextField
              label={t('repl.policy.tagFilter')}
              help={t('repl.policy.tagFilterHelp')}
              problem={problemText(t, problems.tagFilter)}
              value={form.tagFilter}
              placeholder="v*"
              onChange={(tagFilter) => change({ tagFilter }, 'tagFilter')}
            />
          </div>
        </Flex>
        <RadioChoices
          legend={t('repl.policy.trigger')}
          value={form.trigger}
          options={[
            { value: 'manual', label: t('repl.trigger.manual') },
            { value: 'scheduled', label: t('repl.trigger.scheduled') },
            {
              value: 'event_based',
              label: t(push ? 'repl.trigger.event_based' : 'repl.trigger.pushOnly'),
              disabled: !push,
            },
          ]}
          onChange={(trigger) => change({ trigger }, 'trigger')}
        />
        {form.trigger === 'scheduled' ? (
          <>
            <TextField
              label={t('repl.policy.cron')}
              help={t('repl.policy.cronHelp')}
              problem={
                problems.cron?.startsWith('text:') ? problemText(t, problems.cron) : shown('cron')
              }
              value={form.cron}
              onChange={(cron) => change({ cron }, 'cron')}
            />
            {runs.length > 0 ? (
              <div role="status" style={{ marginTop: -8, marginBottom: 16 }}>
                {t('repl.policy.nextRuns')}
                <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                  {runs.map((run) => (
                    <li key={run.getTime()}>{utc(run)}</li>
                  ))}
                </ul>
              </div>
            ) : null}
          </>
        ) : null}
        <CheckField
          label={t('repl.policy.override')}
          checked={form.override}
          onChange={(override) => change({ override })}
        />
        <CheckField
          label={t('repl.policy.enabledLabel')}
          checked={form.enabled}
          onChange={(enabled) => change({ enabled })}
        />
        <TextField
          label={t('repl.description')}
          problem={shown('description')}
          value={form.description}
          onChange={(description) => change({ description }, 'description')}
        />
        <button type="submit" hidden />
      </form>
      <ShowRequest
        region={target.region}
        calls={() => {
          if (!valid) return [];
          const body = toPolicyBody(form);
          return [
            editing
              ? updateReplicationPolicyCall(target, editing.id, body)
              : createReplicationPolicyCall(target, body),
          ];
        }}
      />
      {otherError ? <ErrorAlert error={otherError} /> : null}
      <ReplicationPreview target={target} form={form} registry={registry} policyId={editing?.id} />
    </Modal>
  );
}
