import { useQuery, useQueryClient } from '@tanstack/react-query';
import { planRetention, type PlanTag } from '@swr-console/swr-api';
import { Alert, Button, Flex, Space } from 'antd';
import { useDeleteConfirm } from '../../shared/components/DeleteConfirm';
import { ProgressBar } from '../../shared/components/ProgressBar';
import './components/rule-editor.css';
import { Typography } from '../../shared/components/typography/Typography';
import { lazy, useEffect, useId, useMemo, useState } from 'react';
import { ErrorAlert } from '../../shared/components/ErrorAlert';
import { useT } from '../../shared/i18n';
import { swrKeys } from '../../shared/keys';
import { deleteRetentionCall, saveRetentionCall, type RepositoryRef } from './api';
import { PlanView } from './components/PlanView';
import { RetentionHistory } from './components/RetentionHistory';
import { RuleEditor } from './components/RuleEditor';
import { describeRule } from './describe';
import { useDeleteRetention, useSaveRetention } from './mutations';
import { PLAN_TAG_CAP, retentionQueries } from './queries';
import { EMPTY_RULE, fromRule, sameRule, toRule, type RuleValues } from './rule-form';
import { useNotices } from '../../shared/notices';
import { PendingMark } from '../../shared/components/HeldMark';
import { OnceOpened } from '../../shared/components/OnceOpened';

// Dialogs load when first opened.
const SaveRuleModal = lazy(async () => ({
  default: (await import('./components/SaveRuleModal')).SaveRuleModal,
}));

/** After a save, how long the console follows SWR deleting the planned tags. */
const FOLLOW_MS = 60_000;

interface Run {
  tags: string[];
  startedAt: number;
}

/**
 * A repository's retention rule: edited with its consequences shown live for the tags the
 * repository has now, saved only after a confirmation naming what goes, then followed while SWR
 * deletes; below it, what the rule deleted before.
 */
export function RetentionPanel({
  region,
  namespace,
  repository,
  canManage,
}: RepositoryRef & { canManage: boolean }) {
  const t = useT();
  const notices = useNotices();
  const [confirm, confirmHolder] = useDeleteConfirm();
  const queryClient = useQueryClient();
  const titleId = useId();
  const planTitleId = useId();
  const target = useMemo(
    () => ({ region, namespace, repository }),
    [region, namespace, repository],
  );
  const name = `${namespace}/${repository}`;
  const rule = useQuery(retentionQueries.rule(target));
  const [run, setRun] = useState<Run>();
  const tags = useQuery({
    ...retentionQueries.tags(target),
    refetchInterval: run ? 1000 : false,
  });
  const [draft, setDraft] = useState<RuleValues>();
  const [confirming, setConfirming] = useState(false);

  const saved = rule.data ? fromRule(rule.data.rules[0]!) : undefined;
  const values = draft ?? saved ?? EMPTY_RULE;
  const changed = !saved || !sameRule(values, saved);
  const valid = toRule(values);

  const planTags = useMemo<PlanTag[] | undefined>(
    () =>
      tags.data?.complete
        ? tags.data.items.map((tag) => ({
            name: tag.Tag,
            updated: tag.updated,
            digest: tag.digest,
            size: tag.size,
          }))
        : undefined,
    [tags.data],
  );
  const updated = useMemo(
    () => new Map(planTags?.map((tag) => [tag.name, tag.updated])),
    [planTags],
  );
  // `valid` is a new object each render; its text is what changes the plan.
  const ruleText = JSON.stringify(valid);
  const plan = useMemo(
    () => (valid && planTags ? planRetention(planTags, valid, new Date()) : undefined),
    [ruleText, planTags],
  );

  // Following a run: done when every planned tag is gone, or after FOLLOW_MS at the latest.
  const gone = run ? run.tags.filter((tag) => !updated.has(tag)).length : 0;
  const [timedOut, setTimedOut] = useState(false);
  useEffect(() => {
    if (!run) return;
    setTimedOut(false);
    const timer = setTimeout(() => setTimedOut(true), FOLLOW_MS);
    return () => clearTimeout(timer);
  }, [run]);
  const finished = run !== undefined && (gone === run.tags.length || timedOut);
  useEffect(() => {
    if (!run || !finished) return;
    void notices.success(t('retention.ran', { count: gone }));
    setRun(undefined);
    // The tag count and size of the repository, and the lists showing it, changed too.
    void queryClient.invalidateQueries({ queryKey: swrKeys.repositoryOf(target) });
    void queryClient.invalidateQueries({ queryKey: swrKeys.repositories(region) });
  }, [run, finished, gone, notices, t, queryClient, target, region]);

  const save = useSaveRetention(target);
  const saveRule = () =>
    save.mutate(
      { existing: rule.data?.id, rule: valid! },
      {
        onSuccess: () => {
          void notices.success(t('retention.saved', { repository: name }));
          setConfirming(false);
          setDraft(undefined);
          if (plan && plan.deleted.length > 0)
            setRun({ tags: plan.deleted, startedAt: Date.now() });
        },
      },
    );
  const remove = useDeleteRetention(target);
  const confirmDelete = (id: number) =>
    confirm({
      title: t('retention.delete.title', { repository: name }),
      text: t('retention.delete.body'),
      okText: t('retention.delete'),
      request: { region, calls: () => [deleteRetentionCall(target, id)] },
      run: () =>
        // Held for undo: the bar at the bottom says so, and says it again if it fails.
        remove.mutateAsync(id).then((held) => {
          if (!held) void notices.success(t('retention.deleted', { repository: name }));
          setDraft(undefined);
        }),
    });

  if (rule.error) return <ErrorAlert error={rule.error} onRetry={() => void rule.refetch()} />;
  const tooMany = tags.data && !tags.data.complete;

  return (
    <section aria-labelledby={titleId}>
      {confirmHolder}
      <Flex vertical gap={12}>
        <Typography.Title level={3} id={titleId} style={{ margin: 0, fontSize: 18 }}>
          {t('retention.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ margin: 0 }}>{t('retention.intro')}</Typography.Paragraph>
        {canManage ? null : (
          <Typography.Paragraph style={{ margin: 0 }}>
            {t('retention.readOnly')}
          </Typography.Paragraph>
        )}
        {rule.isPending ? null : (
          <Typography.Paragraph strong style={{ margin: 0 }}>
            {saved ? t('retention.current', { rule: describeRule(saved, t) }) : t('retention.none')}
          </Typography.Paragraph>
        )}
        {run ? (
          <Alert
            type="info"
            showIcon
            role="status"
            title={t('retention.running', { done: gone, count: run.tags.length })}
            description={
              <ProgressBar
                percent={(gone / run.tags.length) * 100}
                aria-label={t('retention.running', { done: gone, count: run.tags.length })}
              />
            }
          />
        ) : null}
        <RuleEditor
          values={values}
          onChange={setDraft}
          tagNames={planTags?.map((tag) => tag.name) ?? []}
          disabled={!canManage || rule.isPending}
        />
        {canManage ? (
          <Space wrap>
            <Button
              type="primary"
              disabled={!valid || !changed || rule.isPending || tags.isPending || !!tags.error}
              onClick={() => {
                save.reset();
                setConfirming(true);
              }}
            >
              {t('retention.save')}
            </Button>
            {draft && saved && changed ? (
              <Button onClick={() => setDraft(undefined)}>{t('retention.reset')}</Button>
            ) : null}
            {rule.data ? (
              <PendingMark
                region={region}
                operation="DeleteRetention"
                params={{ namespace, repository, retention_id: rule.data.id }}
              >
                <Button danger onClick={() => confirmDelete(rule.data!.id)}>
                  {t('retention.delete')}
                </Button>
              </PendingMark>
            ) : null}
          </Space>
        ) : null}
        <section aria-labelledby={planTitleId}>
          <Typography.Title level={4} id={planTitleId} style={{ margin: '8px 0 12px' }}>
            {t('retention.plan.title')}
          </Typography.Title>
          {tags.error ? (
            <ErrorAlert error={tags.error} onRetry={() => void tags.refetch()} />
          ) : tooMany ? (
            <Alert
              type="info"
              showIcon
              title={t('retention.plan.tooMany', { total: tags.data!.total, cap: PLAN_TAG_CAP })}
            />
          ) : !valid ? (
            <Typography.Paragraph>{t('retention.plan.invalid')}</Typography.Paragraph>
          ) : plan ? (
            <PlanView plan={plan} updated={updated} />
          ) : null}
        </section>
        <hr className="retention-divider" />
        <RetentionHistory target={target} />
      </Flex>
      <OnceOpened open={confirming}>
        <SaveRuleModal
          open={confirming}
          repository={name}
          plan={plan}
          pending={save.isPending}
          error={save.error}
          request={{
            region,
            calls: () => (valid ? [saveRetentionCall(target, rule.data?.id, valid)] : []),
          }}
          onSave={saveRule}
          onCancel={() => setConfirming(false)}
        />
      </OnceOpened>
    </section>
  );
}
