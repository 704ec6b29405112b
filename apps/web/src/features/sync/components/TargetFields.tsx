import { useQuery } from '@tanstack/react-query';
import { Form, Select } from 'antd';
import { useId } from 'react';
import { useT } from '../../../shared/i18n';
import { namespaceListQuery } from '../../../shared/queries/namespaces';
import type { SyncTarget } from '../api';

/**
 * The target of a sync: another region of the session, then one of the account's organizations
 * there (read from that region, so a missing one is seen before anything is sent).
 */
export function TargetFields({
  regions,
  value,
  onChange,
}: {
  /** The regions images may go to (never the repository's own). */
  regions: readonly string[];
  value: Partial<SyncTarget>;
  onChange: (value: Partial<SyncTarget>) => void;
}) {
  const t = useT();
  const id = useId();
  const namespaces = useQuery({
    ...namespaceListQuery(value.region ?? ''),
    enabled: value.region !== undefined,
  });
  const none = namespaces.data?.length === 0;
  return (
    <>
      <Form.Item label={t('sync.target.region')} htmlFor={`${id}-region`} required>
        <Select
          id={`${id}-region`}
          value={value.region}
          placeholder={t('sync.target.region.placeholder')}
          onChange={(region: string) => onChange({ region, namespace: undefined })}
          options={regions.map((region) => ({ value: region, label: region }))}
        />
      </Form.Item>
      <Form.Item
        label={t('sync.target.namespace')}
        htmlFor={`${id}-namespace`}
        required
        validateStatus={namespaces.error || none ? 'error' : undefined}
        help={
          namespaces.error
            ? t('sync.target.namespace.error')
            : none
              ? t('sync.target.namespace.none', { region: value.region ?? '' })
              : t('sync.target.namespace.help')
        }
      >
        <Select
          id={`${id}-namespace`}
          value={value.namespace}
          disabled={value.region === undefined}
          loading={namespaces.isFetching}
          placeholder={t('sync.target.namespace.placeholder')}
          onChange={(namespace: string) => onChange({ ...value, namespace })}
          options={(namespaces.data ?? []).map((ns) => ({ value: ns.name, label: ns.name }))}
          showSearch
        />
      </Form.Item>
    </>
  );
}
