import { ApiError, EnterpriseErrorCode, type Registry } from '@swr-console/swr-api';
import { Modal } from 'antd';
import { useRef, useState } from 'react';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { ShowRequest } from '../../../shared/components/ShowRequest';
import { useT } from '../../../shared/i18n';
import { useNotices } from '../../../shared/notices';
import type { InstanceRef } from '../api';
import { createRegistryCall, updateRegistryCall } from '../replication-api';
import { useSaveRegistry } from '../replication-mutations';
import {
  emptyRegistry,
  fromRegistry,
  keepsSecret,
  registryProblems,
  REGISTRY_TYPES,
  toRegistryBody,
  type RegistryField,
  type RegistryForm,
} from '../replication-rules';
import { CheckField, problemText, RadioChoices, TextField } from './ReplicationFields';

/**
 * Adds a registry or edits one. Its secret is never shown (SWR answers `*****`): on an edit the
 * field starts empty, and leaving it so keeps the stored secret. Each field says what is wrong
 * with it once it was changed or a save was tried; the server's "name taken" shows at the name.
 */
export function ReplicationRegistryModal({
  target,
  editing,
  taken,
  onClose,
}: {
  target: InstanceRef;
  editing: Registry | undefined;
  /** Names of the instance's other registries. */
  taken: ReadonlySet<string>;
  onClose: () => void;
}) {
  const t = useT();
  const notices = useNotices();
  const save = useSaveRegistry(target);
  const [form, setForm] = useState<RegistryForm>(() =>
    editing ? fromRegistry(editing) : emptyRegistry(),
  );
  const formRef = useRef<HTMLFormElement>(null);
  const [touched, setTouched] = useState<ReadonlySet<RegistryField>>(new Set());
  const [tried, setTried] = useState(false);
  const [takenName, setTakenName] = useState<string>();

  const problems = registryProblems(
    form,
    takenName ? new Set([...taken, takenName]) : taken,
    editing,
  );
  const shown = (field: RegistryField) =>
    tried || touched.has(field) ? problemText(t, problems[field]) : undefined;
  const change = <K extends keyof RegistryForm>(
    key: K,
    value: RegistryForm[K],
    field?: RegistryField,
  ) => {
    setForm((current) => ({ ...current, [key]: value }));
    if (field) setTouched((current) => new Set(current).add(field));
  };
  const valid = Object.keys(problems).length === 0;
  const body = () => toRegistryBody(form, editing);

  const submit = () => {
    setTried(true);
    if (!valid || save.isPending) return;
    save.mutate(
      { id: editing?.id, body: body() },
      {
        onSuccess: () => {
          notices.success(t('repl.registry.saved', { name: form.name.trim() }));
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
  const storedSecret = editing?.credential !== undefined;

  return (
    <Modal
      open
      width={640}
      title={
        editing ? t('repl.registry.editTitle', { name: editing.name }) : t('repl.registry.add')
      }
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
          label={t('repl.registry.name')}
          help={t('repl.nameRules')}
          problem={shown('name')}
          value={form.name}
          onChange={(value) => change('name', value, 'name')}
        />
        <RadioChoices
          legend={t('repl.registry.type')}
          value={form.type}
          options={REGISTRY_TYPES.map((type) => ({
            value: type,
            label: t(`repl.registry.type.${type}`),
          }))}
          onChange={(type) => change('type', type)}
        />
        <TextField
          label={t('repl.registry.url')}
          help={t('repl.registry.urlHelp')}
          problem={shown('url')}
          type="url"
          placeholder="https://registry.example.com:5000"
          value={form.url}
          onChange={(value) => change('url', value)}
          onBlur={() => setTouched((current) => new Set(current).add('url'))}
        />
        {form.type === 'swr-pro-internal' ? (
          <>
            <TextField
              label={t('repl.registry.regionId')}
              problem={form.regionId.trim() === '' ? shown('internal') : undefined}
              value={form.regionId}
              onChange={(value) => change('regionId', value, 'internal')}
            />
            <TextField
              label={t('repl.registry.projectId')}
              problem={form.projectId.trim() === '' ? shown('internal') : undefined}
              value={form.projectId}
              onChange={(value) => change('projectId', value, 'internal')}
            />
            <TextField
              label={t('repl.registry.instanceId')}
              problem={form.instanceId.trim() === '' ? shown('internal') : undefined}
              value={form.instanceId}
              onChange={(value) => change('instanceId', value, 'internal')}
            />
          </>
        ) : null}
        <TextField
          label={t('repl.registry.username')}
          help={t('repl.registry.usernameHelp')}
          problem={shown('username')}
          value={form.username}
          onChange={(value) => change('username', value, 'username')}
        />
        <TextField
          label={t('repl.registry.secret')}
          type="password"
          autoComplete="new-password"
          help={
            keepsSecret(form, editing)
              ? t('repl.registry.secretKept')
              : storedSecret && form.username === ''
                ? t('repl.registry.secretDropped')
                : undefined
          }
          placeholder={keepsSecret(form, editing) ? t('repl.registry.secretUnchanged') : undefined}
          problem={shown('secret')}
          value={form.secret}
          onChange={(value) => change('secret', value, 'secret')}
        />
        <CheckField
          label={t('repl.registry.insecure')}
          checked={form.insecure}
          onChange={(insecure) => change('insecure', insecure)}
        />
        <TextField
          label={t('repl.description')}
          problem={shown('description')}
          value={form.description}
          onChange={(value) => change('description', value, 'description')}
        />
        {/* Enter in a field saves, as in the other dialogs. */}
        <button type="submit" hidden />
      </form>
      <ShowRequest
        region={target.region}
        calls={() =>
          valid
            ? [
                editing
                  ? updateRegistryCall(target, editing.id, body())
                  : createRegistryCall(target, body()),
              ]
            : []
        }
      />
      {otherError ? <ErrorAlert error={otherError} /> : null}
    </Modal>
  );
}
