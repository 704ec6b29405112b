import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Flex } from 'antd';
import { TextInput } from '../../../shared/components/input/TextInput';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { Field } from '../../../shared/components/form/Field';
import { TagsInput } from '../../../shared/components/input/TagsInput';
import { Select } from '../../../shared/components/select/Select';
import { Tooltip } from '../../../shared/components/tooltip/Tooltip';
import { Typography } from '../../../shared/components/typography/Typography';
import { useT } from '../../../shared/i18n';
import { useNotices } from '../../../shared/notices';
import type { InstanceRef } from '../api';
import type { NamespaceSettings } from '../security-api';
import { useSaveSettings } from '../security-mutations';
import { securityQueries } from '../security-queries';
import { cveProblem } from '../security-rules';

const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

/** `YYYY-MM-DD` of a Unix time in local time, for the date input. */
const dateOf = (seconds: number | undefined) => {
  if (seconds === undefined) return '';
  const date = new Date(seconds * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

/**
 * A namespace's scanning settings and CVE allowlist: scan on push, preventing pulls of images with
 * vulnerabilities from a severity up, and the CVEs its team accepts (until a date, or for good).
 */
export function SecurityPanel({
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
  const detail = useQuery(securityQueries.namespace(target, namespace));
  const save = useSaveSettings(target, namespace);
  const [settings, setSettings] = useState<NamespaceSettings | undefined>();
  const [expires, setExpires] = useState('');
  useEffect(() => {
    const data = detail.data;
    // Loaded once: a refetch in the background (a push changes the namespace) keeps what is typed.
    if (!data || settings) return;
    setSettings({
      public: data.metadata.public === 'true',
      autoScan: data.metadata.auto_scan === 'true',
      preventVul: data.metadata.prevent_vul === 'true',
      severity:
        data.metadata.severity === 'none' || data.metadata.severity === undefined
          ? 'low'
          : data.metadata.severity,
      cves: data.cve_allowlist.items.map((item) => item.cve_id),
      expiresAt: data.cve_allowlist.expires_at,
    });
    setExpires(dateOf(data.cve_allowlist.expires_at));
  }, [detail.data, settings]);
  if (detail.error)
    return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  if (!settings) return <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>;
  const problem = cveProblem(settings.cves, t);
  const change = (next: Partial<NamespaceSettings>) => setSettings({ ...settings, ...next });
  const submit = () => {
    if (problem) return;
    const expiresAt =
      expires === '' ? undefined : Math.floor(new Date(`${expires}T23:59:59`).getTime() / 1000);
    save.mutate(
      { ...settings, expiresAt },
      { onSuccess: () => notices.success(t('sec.settings.saved', { namespace })) },
    );
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Flex vertical gap={16} style={{ maxWidth: 640 }}>
        {admin ? null : <Typography.Text type="secondary">{t('ent.adminOnly')}</Typography.Text>}
        <Checkbox
          checked={settings.autoScan}
          disabled={!admin}
          onChange={(e) => change({ autoScan: e.target.checked })}
        >
          {t('sec.settings.autoScan')}
        </Checkbox>
        <Flex gap={8} align="center" wrap>
          <Checkbox
            checked={settings.preventVul}
            disabled={!admin}
            onChange={(e) => change({ preventVul: e.target.checked })}
          >
            {t('sec.settings.prevent')}
          </Checkbox>
          <Select
            aria-label={t('sec.settings.severity')}
            value={settings.severity}
            disabled={!admin || !settings.preventVul}
            onChange={(severity) => change({ severity })}
            options={SEVERITIES.map((value) => ({
              value,
              label: t(`sec.settings.from.${value}`),
            }))}
            style={{ width: 220 }}
          />
        </Flex>
        <Field
          id="cve-allowlist"
          label={t('sec.allow.label')}
          help={problem ?? t('sec.allow.help', { count: settings.cves.length })}
          error={problem !== undefined}
        >
          <TagsInput
            id="cve-allowlist"
            value={settings.cves}
            onChange={(cves) => change({ cves })}
            aria-invalid={problem !== undefined}
            aria-describedby="cve-allowlist-help"
          />
        </Field>
        <Field id="cve-expires" label={t('sec.allow.expires')} help={t('sec.allow.expiresHelp')}>
          <TextInput
            id="cve-expires"
            type="date"
            value={expires}
            disabled={!admin}
            onChange={(e) => setExpires(e.target.value)}
            style={{ width: 200 }}
            aria-describedby="cve-expires-help"
          />
        </Field>
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <div>
          <Tooltip title={admin ? undefined : t('ent.adminOnly')}>
            <Button
              type="primary"
              htmlType="submit"
              disabled={!admin || problem !== undefined}
              loading={save.isPending}
            >
              {t('sec.settings.save')}
            </Button>
          </Tooltip>
        </div>
      </Flex>
    </form>
  );
}
