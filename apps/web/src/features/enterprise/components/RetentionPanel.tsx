import {
  EnterpriseRetentionError,
  evaluateEnterpriseRetention,
  ImmutabilityMatcher,
  type EnterpriseRetentionResult,
  type EnterpriseRetentionTag,
  type RetentionPolicy,
} from '@swr-console/swr-api';
import { useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { lazy, Suspense, useDeferredValue, useId, useMemo, useState } from 'react';
import { DeleteButton } from '../../../shared/components/DeleteButton';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PendingMark } from '../../../shared/components/HeldMark';
import { PageLoading } from '../../../shared/components/Loading';
import { deletionsQuery } from '../../../shared/deletions';
import { ShowRequest } from '../../../shared/components/ShowRequest';
import { Typography } from '../../../shared/components/typography/Typography';
import { useT } from '../../../shared/i18n';
import { useNotices } from '../../../shared/notices';
import type { InstanceRef } from '../api';
import { useSaveRetention, useDeleteRetention } from '../retention-mutations';
import { deletePolicyCall, savePolicyCall } from '../retention-api';
import {
  bodyOf,
  draftOf,
  isValid,
  newPolicy,
  policyErrors,
  ruleOf,
  samePolicy,
  type PolicyDraft,
} from '../retention-form';
import { retentionQueries } from '../retention-queries';
import { useImmutability } from '../security-queries';
import { RetentionPolicyForm, useCronCheck } from './RetentionPolicyForm';
import { RetentionWhatIf } from './RetentionWhatIf';
import './retention.css';

// The runs load once there is a saved policy to run: a namespace without one never needs them.
const RetentionRunControls = lazy(async () => ({
  default: (await import('./RetentionRunControls')).RetentionRunControls,
}));

/** What the rules do to the tags as read at `now`; undefined while a rule is wrong. */
function evaluate(
  draft: PolicyDraft,
  tags: readonly EnterpriseRetentionTag[],
  matcher: ImmutabilityMatcher,
  now: number,
): EnterpriseRetentionResult | undefined {
  try {
    return evaluateEnterpriseRetention(draft.rules.map(ruleOf), tags, {
      now: new Date(now),
      isImmutable: (repository, tag) => matcher.isImmutable(repository, tag),
    });
  } catch (error) {
    if (error instanceof EnterpriseRetentionError) return undefined;
    throw error;
  }
}

/**
 * Whether the policy's deletion is held, being sent or done: its runs go with it, so they are no
 * longer shown (nor read again when the region's lists are, which would find them gone).
 */
function useGoing(target: InstanceRef, policy: number | undefined): boolean {
  const { data } = useQuery(deletionsQuery);
  return (
    policy !== undefined &&
    (data ?? []).some(
      (d) =>
        d.region === target.region &&
        d.operation === 'DeleteInstanceRetentionPolicy' &&
        d.params.instance_id === target.instance &&
        d.params.policy_id === String(policy) &&
        d.state !== 'undone' &&
        d.state !== 'failed',
    )
  );
}

/** A namespace's retention policy: its form, the live what-if of what it types, its runs. */
export function RetentionPanel({
  target,
  namespace,
  admin,
}: {
  target: InstanceRef;
  namespace: string;
  admin: boolean;
}) {
  const { namespace: detail, rules, error } = useImmutability(target, namespace);
  // One matcher per answer, so the what-if is evaluated again only when something changed.
  const matcher = useMemo(() => rules && new ImmutabilityMatcher(rules), [rules]);
  const policy = useQuery({
    ...retentionQueries.policy(target, namespace, detail?.namespace_id ?? 0),
    enabled: detail !== undefined,
  });
  if (error ?? policy.error)
    return <ErrorAlert error={error ?? policy.error} onRetry={() => void policy.refetch()} />;
  if (policy.data === undefined) return <PageLoading />;
  return (
    <RetentionEditor
      // A policy created or deleted starts the form afresh.
      key={policy.data?.id ?? 'new'}
      target={target}
      namespace={namespace}
      admin={admin}
      saved={policy.data ?? undefined}
      matcher={matcher}
    />
  );
}

function RetentionEditor({
  target,
  namespace,
  admin,
  saved,
  matcher,
}: {
  target: InstanceRef;
  namespace: string;
  admin: boolean;
  saved: RetentionPolicy | undefined;
  /** Undefined while the immutability rules load. */
  matcher: ImmutabilityMatcher | undefined;
}) {
  const t = useT();
  const id = useId();
  const notices = useNotices();
  const [draft, setDraft] = useState(() => (saved ? draftOf(saved) : newPolicy()));
  const cronCheck = useCronCheck(draft.trigger === 'scheduled');
  const errors = policyErrors(draft, t, cronCheck);
  const valid = isValid(errors);
  const dirty = saved === undefined || !samePolicy(draft, draftOf(saved));
  const save = useSaveRetention(target, namespace);
  const remove = useDeleteRetention(target, namespace);
  const going = useGoing(target, saved?.id);

  const tags = useQuery(retentionQueries.tags(target, namespace));
  // Typing stays quick on 10,000 tags: the what-if follows the form a render behind.
  const typed = useDeferredValue(draft);
  const result = useMemo(
    () => (tags.data && matcher ? evaluate(typed, tags.data, matcher, tags.dataUpdatedAt) : null),
    [typed, tags.data, tags.dataUpdatedAt, matcher],
  );

  const submit = () => {
    if (!valid) return;
    const body = bodyOf(draft);
    save.mutate(
      { id: saved?.id, body },
      { onSuccess: () => notices.success(t('retn.saved', { name: body.name })) },
    );
  };

  return (
    <div className="retention-panel">
      <Typography.Paragraph type="secondary">
        {admin ? t('retn.intro') : `${t('retn.intro')} ${t('ent.adminOnly')}`}
      </Typography.Paragraph>
      <section aria-labelledby={`${id}-policy`} className="retention-section">
        <Typography.Title level={2} id={`${id}-policy`} className="retention-heading">
          {t('retn.policy.title')}
        </Typography.Title>
        {saved ? null : <Typography.Paragraph>{t('retn.none')}</Typography.Paragraph>}
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <RetentionPolicyForm
            draft={draft}
            errors={errors}
            disabled={!admin}
            onChange={setDraft}
          />
          {valid ? null : (
            <Typography.Paragraph type="danger">{t('retn.invalid')}</Typography.Paragraph>
          )}
          <div className="retention-rule-row">
            <Button
              type="primary"
              htmlType="submit"
              disabled={!admin || !valid || !dirty}
              loading={save.isPending}
            >
              {saved ? t('retn.save.update') : t('retn.save.create')}
            </Button>
            {saved && dirty ? (
              <Button disabled={!admin} onClick={() => setDraft(draftOf(saved))}>
                {t('retn.save.discard')}
              </Button>
            ) : null}
            {saved ? (
              <PendingMark
                region={target.region}
                operation="DeleteInstanceRetentionPolicy"
                params={{
                  instance_id: target.instance,
                  namespace_name: namespace,
                  policy_id: saved.id,
                }}
              >
                <DeleteButton
                  label={t('retn.delete.label', { name: saved.name })}
                  title={t('retn.delete.title', { name: saved.name })}
                  text={
                    admin
                      ? t('retn.delete.text', { name: saved.name, namespace })
                      : t('ent.adminOnly')
                  }
                  blocked={!admin}
                  mutation={remove}
                  variables={saved.id}
                  request={{
                    region: target.region,
                    calls: () => [deletePolicyCall(target, namespace, saved.id)],
                  }}
                  onDeleted={(held) => {
                    if (!held) notices.success(t('retn.deleted', { name: saved.name }));
                  }}
                />
              </PendingMark>
            ) : null}
            {saved && !dirty ? (
              <Typography.Text type="secondary">{t('retn.save.unchanged')}</Typography.Text>
            ) : null}
          </div>
          {admin && valid ? (
            <ShowRequest
              region={target.region}
              calls={() => [savePolicyCall(target, namespace, saved?.id, bodyOf(draft))]}
            />
          ) : null}
          {save.error ? <ErrorAlert error={save.error} /> : null}
        </form>
      </section>

      <section aria-labelledby={`${id}-whatif`} className="retention-section">
        <Typography.Title level={2} id={`${id}-whatif`} className="retention-heading">
          {t('retn.whatif.title')}
        </Typography.Title>
        {saved && dirty ? (
          <Typography.Paragraph type="secondary">{t('retn.whatif.unsaved')}</Typography.Paragraph>
        ) : null}
        {tags.error ? (
          <ErrorAlert error={tags.error} onRetry={() => void tags.refetch()} />
        ) : result === null ? (
          <Typography.Paragraph role="status">{t('retn.whatif.loading')}</Typography.Paragraph>
        ) : result === undefined ? (
          <Typography.Paragraph role="status">{t('retn.whatif.invalid')}</Typography.Paragraph>
        ) : (
          <RetentionWhatIf result={result} matcher={matcher} />
        )}
      </section>

      {saved && !going ? (
        <section aria-labelledby={`${id}-runs`} className="retention-section">
          <Typography.Title level={2} id={`${id}-runs`} className="retention-heading">
            {t('retn.runs.title')}
          </Typography.Title>
          <Suspense fallback={<PageLoading />}>
            <RetentionRunControls
              target={target}
              namespace={namespace}
              policy={saved}
              admin={admin}
              dirty={dirty}
              expected={
                tags.error ? 'unknown' : result === null ? 'reading' : (result ?? 'unknown')
              }
            />
          </Suspense>
        </section>
      ) : null}
    </div>
  );
}
