import type { RepositoryPlan } from '@swr-console/contracts/bff';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Modal } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { Typography } from '../../../shared/components/typography/Typography';
import { formatBytes } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import { swrKeys } from '../../../shared/keys';
import { applyRule, type TypedRule } from '../api';

interface Outcome {
  plan: RepositoryPlan;
  error?: unknown;
}

/**
 * Gives the typed rule to the chosen repositories, one after the other, after naming what each
 * will lose (SWR runs a new rule at once); then says per repository how it went.
 */
export function ApplyDialog({
  open,
  region,
  rule,
  plans,
  onClose,
  onApplied,
}: {
  open: boolean;
  region: string;
  rule: TypedRule;
  plans: readonly RepositoryPlan[];
  onClose: () => void;
  onApplied: () => void;
}) {
  const t = useT();
  const client = useQueryClient();
  const [chosen] = useState(plans);
  const tags = chosen.reduce((sum, plan) => sum + plan.deleted.length, 0);
  const bytes = chosen.reduce((sum, plan) => sum + plan.bytesFreed, 0);
  const apply = useMutation({
    mutationFn: async () => {
      const outcomes: Outcome[] = [];
      for (const plan of chosen) {
        try {
          await applyRule(region, plan.namespace, plan.name, rule);
          outcomes.push({ plan });
        } catch (error) {
          outcomes.push({ plan, error });
        }
      }
      return outcomes;
    },
    onSettled: () => {
      onApplied();
      // Every repository of the region may have changed: plan again, and the tag lists too.
      void client.invalidateQueries({ queryKey: swrKeys.region(region) });
    },
  });
  const outcomes = apply.data;
  return (
    <Modal
      open={open}
      width={720}
      title={t('plans.apply.title', { count: chosen.length })}
      okText={outcomes ? t('plans.apply.close') : t('plans.apply.ok', { count: chosen.length })}
      okButtonProps={{ danger: !outcomes }}
      cancelButtonProps={{ style: outcomes ? { display: 'none' } : undefined }}
      cancelText={t('common.cancel')}
      confirmLoading={apply.isPending}
      onOk={() => (outcomes ? onClose() : apply.mutate())}
      onCancel={onClose}
      destroyOnHidden
    >
      {outcomes ? (
        <ul className="plans-outcomes" role="status" aria-label={t('plans.apply.outcomes')}>
          {outcomes.map(({ plan, error }) => (
            <li key={`${plan.namespace}/${plan.name}`}>
              {error ? (
                <>
                  {t('plans.apply.failed', { name: `${plan.namespace}/${plan.name}` })}
                  <ErrorAlert error={error} />
                </>
              ) : (
                t('plans.apply.done', {
                  name: `${plan.namespace}/${plan.name}`,
                  count: plan.deleted.length,
                })
              )}
            </li>
          ))}
        </ul>
      ) : (
        <>
          <Typography.Paragraph>
            {t('plans.apply.intro', { tags, bytes: formatBytes(bytes) })}
          </Typography.Paragraph>
          {chosen.map((plan) => (
            <section
              key={`${plan.namespace}/${plan.name}`}
              className="plans-loses"
              aria-label={`${plan.namespace}/${plan.name}`}
            >
              <Typography.Text strong>
                {t('plans.apply.loses', {
                  name: `${plan.namespace}/${plan.name}`,
                  count: plan.deleted.length,
                  bytes: formatBytes(plan.bytesFreed),
                })}
              </Typography.Text>
              <div className="plans-loses-tags">
                {plan.deleted.length > 0
                  ? plan.deleted.map((d) => d.tag).join(', ')
                  : t('plans.apply.nothing')}
              </div>
            </section>
          ))}
        </>
      )}
    </Modal>
  );
}
