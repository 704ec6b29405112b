import type { EnterpriseRetentionResult, RetentionPolicy } from '@swr-console/swr-api';
import { Button } from 'antd';
import { useState } from 'react';
import { useDeleteConfirm } from '../../../shared/components/DeleteConfirm';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { Typography } from '../../../shared/components/typography/Typography';
import { useLocale, useT, type Translate } from '../../../shared/i18n';
import { useNotices } from '../../../shared/notices';
import type { InstanceRef } from '../api';
import { runPolicyCall } from '../retention-api';
import { counted } from '../retention-reasons';
import { useRunRetention } from '../retention-mutations';
import { RetentionRuns } from './RetentionRuns';

/** What the what-if says a run will do: its result, or why it cannot say. */
export type Expected = EnterpriseRetentionResult | 'reading' | 'unknown';

/** The confirmation of a real run: how many tags the what-if expects to go, from how many repositories. */
export function runConfirmText(
  expected: Expected,
  namespace: string,
  locale: string,
  t: Translate,
): string {
  if (typeof expected === 'string') return t('retn.run.unknown', { namespace });
  const { deleted } = expected;
  if (deleted.length === 0) return t('retn.run.nothing', { namespace });
  const repositories = new Set(deleted.map((entry) => entry.repository)).size;
  return t('retn.run.text', {
    namespace,
    deleted: counted(deleted.length, 'tag', locale, t),
    repositories: counted(repositories, 'repository', locale, t),
  });
}

/** Dry run and Run now (which asks first, with the what-if's counts), then the runs so far. */
export function RetentionRunControls({
  target,
  namespace,
  policy,
  admin,
  dirty,
  expected,
}: {
  target: InstanceRef;
  namespace: string;
  policy: RetentionPolicy;
  admin: boolean;
  /** The form differs from the saved policy, which is what a run uses. */
  dirty: boolean;
  expected: Expected;
}) {
  const t = useT();
  const [locale] = useLocale();
  const notices = useNotices();
  const run = useRunRetention(target, namespace);
  const [confirm, holder] = useDeleteConfirm();
  const [expanded, setExpanded] = useState<number[]>([]);
  const start = (dryRun: boolean) =>
    run.mutateAsync({ policy: policy.id, dryRun }).then((id) => {
      notices.success(t(dryRun ? 'retn.runs.startedDry' : 'retn.runs.startedReal', { id }));
      setExpanded((open) => [id, ...open]);
    });
  const blocked = !admin
    ? t('ent.adminOnly')
    : dirty
      ? t('retn.runs.dirty')
      : expected === 'reading'
        ? t('retn.runs.reading')
        : undefined;

  return (
    <>
      <div className="retention-rule-row">
        <Button
          disabled={blocked !== undefined}
          loading={run.isPending && run.variables?.dryRun === true}
          onClick={() => void start(true).catch(() => undefined)}
        >
          {t('retn.runs.dry')}
        </Button>
        <Button
          danger
          disabled={blocked !== undefined}
          loading={run.isPending && run.variables?.dryRun === false}
          onClick={() =>
            confirm({
              title: t('retn.run.title', { name: policy.name }),
              text: runConfirmText(expected, namespace, locale, t),
              okText: t('retn.runs.now'),
              request: {
                region: target.region,
                calls: () => [runPolicyCall(target, namespace, policy.id, false)],
              },
              run: () => start(false),
            })
          }
        >
          {t('retn.runs.now')}
        </Button>
        <Typography.Text type="secondary">{blocked ?? t('retn.runs.hint')}</Typography.Text>
      </div>
      {holder}
      {run.error && run.variables?.dryRun ? <ErrorAlert error={run.error} /> : null}
      <RetentionRuns
        target={target}
        namespace={namespace}
        policy={policy.id}
        name={policy.name}
        expanded={expanded}
        onExpandedChange={setExpanded}
      />
    </>
  );
}
