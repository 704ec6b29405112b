import { ApiError, type Share } from '@swr-console/swr-api';
import { Form, Input, Modal, Radio } from 'antd';
import { useId, useRef, useState } from 'react';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { useT } from '../../../shared/i18n';
import { createShareCall, updateShareCall, type RepositoryRef } from '../api';
import { ShowRequest } from '../../../shared/components/ShowRequest';
import {
  accountProblem,
  fromDeadline,
  toDeadline,
  todayUtc,
  validityProblem,
  type Validity,
} from '../deadline';
import { useCheckShare, useSaveShare } from '../mutations';
import { useNotices } from '../../../shared/notices';

/**
 * Shares the repository with an account (`editing` unset), or changes how long and why an
 * existing share lasts. The account is checked as soon as it is typed: an account that already
 * has a share is sent to the table rather than shared twice.
 */
export function ShareModal({
  target,
  ownAccount,
  editing,
  open,
  onClose,
}: {
  target: RepositoryRef;
  ownAccount: string;
  editing: Share | undefined;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const notices = useNotices();
  const id = useId();
  const [account, setAccount] = useState(editing?.access_domain ?? '');
  const typed = useRef(account.trim());
  typed.current = account.trim();
  const [touched, setTouched] = useState(false);
  const [validity, setValidity] = useState<Validity>(
    editing ? fromDeadline(editing.deadline) : { kind: 'forever' },
  );
  const [description, setDescription] = useState(editing?.description ?? '');
  const [exists, setExists] = useState<string>();
  const now = new Date();
  const accountError = editing ? undefined : accountProblem(account, ownAccount);
  const validityError = validityProblem(validity, now);
  const repositoryName = `${target.namespace}/${target.repository}`;

  const check = useCheckShare(target);
  const checkAccount = (name: string) =>
    check.mutate(name, {
      // Answers may come back out of order: only the one for what is typed now counts.
      onSuccess: (result) => {
        if (name === typed.current) setExists(result.exist ? name : undefined);
      },
    });
  const save = useSaveShare(target);
  const submit = () =>
    save.mutate(
      {
        account: editing ? editing.access_domain : account.trim(),
        terms: { deadline: toDeadline(validity), description },
        existing: editing !== undefined,
      },
      {
        onSuccess: () => {
          void notices.success(
            editing
              ? t('sharing.updated', { account: editing.access_domain })
              : t('sharing.created', { account: account.trim(), repository: repositoryName }),
          );
          onClose();
        },
      },
    );
  // SWR names a missing account in its message: show it at the account field.
  const accountRefused =
    !editing && save.error instanceof ApiError && save.error.status === 400
      ? save.error.message
      : undefined;
  const shownAccountError = touched
    ? accountError
      ? t(`sharing.account.${accountError}`)
      : exists === account.trim()
        ? t('sharing.account.exists', { account: exists })
        : accountRefused
    : undefined;
  const ready = !accountError && !validityError && exists !== account.trim();

  return (
    <Modal
      open={open}
      title={
        editing
          ? t('sharing.edit.title', { account: editing.access_domain, repository: repositoryName })
          : t('sharing.create.title', { repository: repositoryName })
      }
      okText={editing ? t('common.save') : t('sharing.create.ok')}
      okButtonProps={{ disabled: !ready }}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => {
        setTouched(true);
        if (ready) submit();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        {editing ? null : (
          <Form.Item
            label={t('sharing.account')}
            htmlFor={`${id}-account`}
            required
            validateStatus={
              shownAccountError ? 'error' : check.isPending ? 'validating' : undefined
            }
            help={shownAccountError ?? t('sharing.account.help')}
          >
            <Input
              id={`${id}-account`}
              value={account}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => {
                setAccount(event.target.value);
                setTouched(true);
                save.reset();
              }}
              onBlur={() => {
                const name = account.trim();
                if (!accountProblem(name, ownAccount)) checkAccount(name);
              }}
            />
          </Form.Item>
        )}
        <Form.Item label={t('sharing.validity')} htmlFor={`${id}-validity`}>
          <Radio.Group
            aria-label={t('sharing.validity')}
            id={`${id}-validity`}
            value={validity.kind}
            onChange={(event) =>
              setValidity(
                event.target.value === 'forever'
                  ? { kind: 'forever' }
                  : { kind: 'until', day: todayUtc(now) },
              )
            }
            options={[
              { value: 'forever', label: t('sharing.forever') },
              { value: 'until', label: t('sharing.until') },
            ]}
          />
        </Form.Item>
        {validity.kind === 'until' ? (
          <Form.Item
            label={t('sharing.lastDay')}
            htmlFor={`${id}-day`}
            required
            validateStatus={validityError ? 'error' : undefined}
            help={validityError ? t(`sharing.lastDay.${validityError}`) : t('sharing.lastDay.help')}
          >
            <Input
              id={`${id}-day`}
              type="date"
              min={todayUtc(now)}
              value={validity.day}
              onChange={(event) => setValidity({ kind: 'until', day: event.target.value })}
              style={{ width: 180 }}
            />
          </Form.Item>
        ) : null}
        <Form.Item label={t('sharing.description')} htmlFor={`${id}-description`}>
          <Input.TextArea
            id={`${id}-description`}
            value={description}
            maxLength={1000}
            showCount
            rows={3}
            onChange={(event) => setDescription(event.target.value)}
          />
        </Form.Item>
      </Form>
      <ShowRequest
        region={target.region}
        calls={() => {
          if (validityError || (!editing && (accountError || account.trim() === ''))) return [];
          const terms = { deadline: toDeadline(validity), description };
          return [
            editing
              ? updateShareCall(target, editing.access_domain, terms)
              : createShareCall(target, account.trim(), terms),
          ];
        }}
      />
      {save.error && !accountRefused ? <ErrorAlert error={save.error} /> : null}
    </Modal>
  );
}
