import { ApiError, EnterpriseErrorCode, type CreatedLtCredential } from '@swr-console/swr-api';
import { Modal } from 'antd';
import { useId, useState } from 'react';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { Field } from '../../../shared/components/form/Field';
import { TextInput } from '../../../shared/components/input/TextInput';
import { ShowRequest } from '../../../shared/components/ShowRequest';
import { Typography } from '../../../shared/components/typography/Typography';
import { useT, type Translate } from '../../../shared/i18n';
import { describeNameProblem } from '../../../shared/names';
import type { InstanceRef } from '../api';
import { createCredentialCall } from '../credentials-api';
import { useCreateCredential } from '../credentials-mutations';
import { credentialNameProblem } from '../credentials-rules';
import { CredentialSecretModal } from './CredentialSecretModal';

/** What is wrong with the typed name, in the user's words; undefined when it is fine. */
function problemText(name: string, t: Translate): string | undefined {
  const problem = credentialNameProblem(name);
  return problem && describeNameProblem('enterprise', problem, t);
}

/** The server's refusal when it is about the name (said at the field), else undefined. */
function nameRefusal(error: unknown, name: string, t: Translate): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === EnterpriseErrorCode.exists) return t('cred.create.taken', { name });
  const atField = error.fieldErrors.find((e) => e.field === 'name' || e.field.endsWith('.name'));
  if (atField) return atField.message;
  return error.code === EnterpriseErrorCode.invalidParameter ? error.message : undefined;
}

/**
 * Names a new credential, then shows its secret once. Rendered only while open: closing unmounts
 * it, and with it the only copy of the secret the console had.
 */
export function CreateCredentialModal({
  target,
  registry,
  onClose,
}: {
  target: InstanceRef;
  registry: string;
  onClose: () => void;
}) {
  const t = useT();
  const id = useId();
  const create = useCreateCredential(target);
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const [created, setCreated] = useState<{ name: string; answer: CreatedLtCredential }>();
  const [refused, setRefused] = useState<{ name: string; text: string }>();

  if (created)
    return (
      <CredentialSecretModal
        name={created.name}
        created={created.answer}
        registry={registry}
        onClose={onClose}
      />
    );

  const problem = touched ? problemText(name, t) : undefined;
  // A refusal stays at the field until the name it was about is changed.
  const shown = problem ?? (refused?.name === name ? refused.text : undefined);
  const submit = () => {
    setTouched(true);
    if (problemText(name, t) !== undefined || create.isPending) return;
    create.mutate(name, {
      onSuccess: (answer) => {
        setCreated({ name, answer });
        // The answer is on screen now; the mutation need not hold the secret as well.
        create.reset();
      },
      onError: (error) => {
        const text = nameRefusal(error, name, t);
        if (text !== undefined) setRefused({ name, text });
      },
    });
  };
  const otherError =
    create.error && nameRefusal(create.error, name, t) === undefined ? create.error : undefined;
  return (
    <Modal
      open
      title={t('cred.create.title')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={submit}
      // Not while it is being created: the answer, the only sight of the secret, would be lost.
      onCancel={() => {
        if (!create.isPending) onClose();
      }}
      // The dialog takes the focus as it opens; the name is what is typed first.
      afterOpenChange={(opened) => {
        if (opened) document.getElementById(id)?.focus();
      }}
    >
      <Typography.Paragraph>{t('cred.create.intro')}</Typography.Paragraph>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Field
          id={id}
          label={t('cred.name')}
          help={shown ?? t('cred.create.rules')}
          error={shown !== undefined}
        >
          <TextInput
            id={id}
            autoFocus
            required
            spellCheck={false}
            autoComplete="off"
            value={name}
            aria-invalid={shown !== undefined}
            aria-describedby={`${id}-help`}
            onChange={(event) => {
              setName(event.target.value);
              setTouched(true);
            }}
          />
        </Field>
      </form>
      <ShowRequest
        region={target.region}
        calls={() => (problemText(name, t) ? [] : [createCredentialCall(target, name)])}
      />
      {otherError ? <ErrorAlert error={otherError} /> : null}
    </Modal>
  );
}
