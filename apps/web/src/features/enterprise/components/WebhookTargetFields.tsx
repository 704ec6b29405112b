import { DeleteOutlined, SendOutlined } from '@ant-design/icons';
import type { WebhookAddressType } from '@swr-console/swr-api';
import { Button, Checkbox, Flex, Tag } from 'antd';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { Field } from '../../../shared/components/form/Field';
import { TextInput } from '../../../shared/components/input/TextInput';
import { Select } from '../../../shared/components/select/Select';
import { Typography } from '../../../shared/components/typography/Typography';
import { maskedHeaders, withoutMasked, type TargetForm } from '../webhook-body';
import { visibleText } from '../webhook-jobs';
import { useWebhookDialogT } from '../webhook-dialog-t';
import { useSendWebhookTest } from '../webhook-mutations';
import { DeliveryResponse } from './WebhookDeliveries';

/** What a test sends: the target as typed, less the headers whose values SWR keeps hidden. */
function testTarget(target: TargetForm) {
  const authHeader = withoutMasked(target.authHeader.trim());
  return {
    type: 'http' as const,
    address: target.address.trim(),
    address_type: target.addressType,
    ...(authHeader === '' ? {} : { auth_header: authHeader }),
    skip_cert_verify: target.skipCertVerify,
  };
}

/** Sends the target's current form as a test event from the console, and shows the answer. */
function TestEvent({
  target,
  namespace,
  blocked,
  label,
}: {
  target: TargetForm;
  namespace: string;
  /** The address or headers are wrong: nothing can be sent yet. */
  blocked: boolean;
  label: string;
}) {
  const t = useWebhookDialogT();
  const test = useSendWebhookTest();
  const masked = maskedHeaders(target.authHeader);
  const names = masked.join(', ');
  const result = test.data;
  return (
    <Flex vertical gap={6}>
      <Typography.Text type="secondary">{t('wh.test.bySender')}</Typography.Text>
      {masked.length > 0 ? (
        <Typography.Text type="warning">{t('wh.test.masked', { names })}</Typography.Text>
      ) : null}
      <Flex gap={8} align="center" wrap>
        <Button
          icon={<SendOutlined aria-hidden />}
          disabled={blocked}
          loading={test.isPending}
          aria-label={`${masked.length > 0 ? t('wh.test.sendWithout', { names }) : t('wh.test.send')} (${label})`}
          onClick={() => test.mutate({ target: testTarget(target), namespace })}
        >
          {masked.length > 0 ? t('wh.test.sendWithout', { names }) : t('wh.test.send')}
        </Button>
        {blocked ? (
          <Typography.Text type="secondary">{t('wh.test.blocked')}</Typography.Text>
        ) : null}
      </Flex>
      <div role="status" aria-label={t('wh.test.result', { target: label })}>
        {result ? (
          <Flex vertical gap={4}>
            <Flex gap={8} align="center" wrap>
              <Tag color={result.ok ? 'blue' : 'error'} style={{ margin: 0 }}>
                {result.ok ? t('wh.test.ok') : t('wh.test.failed')}
              </Tag>
              <Typography.Text type="secondary">
                {t('wh.test.took', { ms: result.duration_ms, id: result.delivery_id })}
              </Typography.Text>
            </Flex>
            <DeliveryResponse
              statusCode={result.status_code}
              excerpt={visibleText(result.response_excerpt)}
              truncated={false}
              error={result.error === undefined ? undefined : visibleText(result.error, 512)}
            />
          </Flex>
        ) : null}
      </div>
      {test.error ? <ErrorAlert error={test.error} /> : null}
    </Flex>
  );
}

/**
 * One target of the webhook dialog: its address (fixed once saved, as SWR wants), address type,
 * headers (a saved one's values shown as `*****` and kept unless retyped), certificate check, and
 * a test event.
 */
export function WebhookTargetFields({
  idPrefix,
  index,
  target,
  namespace,
  problems,
  removeBlocked,
  onChange,
  onTouch,
  onRemove,
}: {
  idPrefix: string;
  index: number;
  target: TargetForm;
  namespace: string;
  /** The problems shown now, of the address and of the headers. */
  problems: { address?: string | undefined; header?: string | undefined };
  /** Why the target cannot be removed (the only one; saved ones follow it), or undefined. */
  removeBlocked: string | undefined;
  onChange: (change: Partial<TargetForm>) => void;
  onTouch: (field: 'address' | 'header') => void;
  onRemove: () => void;
}) {
  const t = useWebhookDialogT();
  const id = `${idPrefix}-target-${index}`;
  const label = t('wh.target.legend', { n: index + 1 });
  const testBlocked =
    problems.address !== undefined ||
    (problems.header !== undefined && maskedHeaders(target.authHeader).length === 0) ||
    target.address.trim() === '';
  return (
    <fieldset className="webhook-target">
      <legend>{label}</legend>
      <Flex gap={12} wrap align="start">
        <div style={{ flex: 3, minWidth: 260 }}>
          <Field
            id={`${id}-address`}
            label={t('wh.target.address')}
            help={
              problems.address ??
              (target.stored ? t('wh.target.addressFixed') : t('wh.target.addressHelp'))
            }
            error={problems.address !== undefined}
          >
            <TextInput
              id={`${id}-address`}
              value={target.address}
              readOnly={target.stored}
              spellCheck={false}
              autoComplete="off"
              placeholder="http://10.0.0.8:8080/hook"
              aria-invalid={problems.address !== undefined}
              aria-describedby={`${id}-address-help`}
              onChange={(event) => onChange({ address: event.target.value })}
              onBlur={() => onTouch('address')}
            />
          </Field>
        </div>
        <div style={{ flex: 1, minWidth: 180 }}>
          <Field
            id={`${id}-type`}
            labelsInput={false}
            label={t('wh.target.addressType')}
            help={t(`wh.addressType.${target.addressType}.help`)}
          >
            <Select<WebhookAddressType>
              id={`${id}-type`}
              aria-labelledby={`${id}-type-label`}
              aria-describedby={`${id}-type-help`}
              value={target.addressType}
              options={[
                { value: 'internal', label: t('wh.addressType.internal') },
                { value: 'internet', label: t('wh.addressType.internet') },
              ]}
              onChange={(addressType) => {
                onChange({ addressType });
                onTouch('address');
              }}
            />
          </Field>
        </div>
      </Flex>
      <Field
        id={`${id}-header`}
        label={t('wh.target.header')}
        help={
          problems.header ??
          (target.kept.length > 0 ? t('wh.target.headerKept') : t('wh.target.headerHelp'))
        }
        error={problems.header !== undefined}
      >
        <TextInput
          id={`${id}-header`}
          value={target.authHeader}
          spellCheck={false}
          autoComplete="off"
          placeholder="Authorization:Bearer …;X-Team:platform"
          aria-invalid={problems.header !== undefined}
          aria-describedby={`${id}-header-help`}
          onChange={(event) => onChange({ authHeader: event.target.value })}
          onBlur={() => onTouch('header')}
        />
      </Field>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <Checkbox
          checked={target.skipCertVerify}
          onChange={(event) => onChange({ skipCertVerify: event.target.checked })}
        >
          {t('wh.target.skipCert')}
        </Checkbox>
        <Button
          danger
          size="small"
          icon={<DeleteOutlined aria-hidden />}
          disabled={removeBlocked !== undefined}
          aria-describedby={removeBlocked === undefined ? undefined : `${id}-remove-why`}
          onClick={onRemove}
        >
          {t('wh.target.remove', { n: index + 1 })}
        </Button>
        {removeBlocked === undefined ? null : (
          <Typography.Text type="secondary" id={`${id}-remove-why`}>
            {removeBlocked}
          </Typography.Text>
        )}
      </Flex>
      <TestEvent target={target} namespace={namespace} blocked={testBlocked} label={label} />
    </fieldset>
  );
}
