import { ApiError, type OperationId } from '@swr-console/swr-api';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Tag } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import {
  deletionsQuery,
  forgetMine,
  secondsLeft,
  undoDeletion,
  usePendingDeletion,
  type Deletion,
} from '../deletions';
import { useT, type Translate } from '../i18n';
import { useNotices } from '../notices';

/** The deletions the console sends, each with words for what it takes away. */
const DESCRIBED = new Set<string>([
  'DeleteRepoTag',
  'DeleteRepo',
  'DeleteNamespaces',
  'DeleteRetention',
  'DeleteImageSyncRepo',
  'DeleteRepoDomains',
  'DeleteTrigger',
  'DeleteUserRepositoryAuth',
  'DeleteNamespaceAuth',
  'DeleteInstanceNamespace',
  'DeleteInstanceSignPolicy',
  'DeleteInstanceTag',
  'DeleteInstanceArtifact',
  'DeleteImmutableRule',
  'DeleteInstanceLtCredential',
  'DeleteInstanceWebhook',
  'DeleteInstanceRegistry',
  'DeleteInstanceReplicationPolicy',
  'DeleteInstanceRetentionPolicy',
] satisfies OperationId[]);

/** What a deletion takes away, in words ("tag v1 of team/app"). */
export function describeDeletion(t: Translate, deletion: Deletion): string {
  // Held before the BFF recorded a sync task's target (or with a target too long to record).
  if (deletion.operation === 'DeleteImageSyncRepo' && deletion.params.remoteRegionId === undefined)
    return t('deletion.what.DeleteImageSyncRepo.unnamed', deletion.params);
  return DESCRIBED.has(deletion.operation)
    ? t(`deletion.what.${deletion.operation}`, deletion.params)
    : t('deletion.what.other', { operation: deletion.operation });
}

/** Re-renders every quarter second while `on`, for countdowns. */
export function useNow(on: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [on]);
  return now;
}

export function useUndo() {
  const t = useT();
  const notices = useNotices();
  const queryClient = useQueryClient();
  return async (deletion: Deletion) => {
    const what = describeDeletion(t, deletion);
    try {
      await undoDeletion(deletion.id);
      forgetMine(deletion.id);
      notices.success(t('deletion.undone', { what }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409)
        notices.warning(t('deletion.tooLate', { what }));
      else notices.error(t('deletion.failed', { what, message: String(error) }));
    }
    await queryClient.invalidateQueries({ queryKey: deletionsQuery.queryKey });
  };
}

/**
 * Where a thing is listed while its deletion is held: "Deleting in 8 s" and Undo, in place of its
 * actions. Renders `children` (the usual actions) when nothing is held for it.
 */
export function PendingMark({
  region,
  operation,
  params,
  children,
}: {
  region: string;
  operation: OperationId;
  params: Record<string, string | number>;
  children?: ReactNode;
}) {
  const held = usePendingDeletion(region, operation, params);
  return held ? <HeldMark deletion={held} /> : <>{children}</>;
}

/** The mark of one held deletion, counting down, with Undo while it is still held. */
export function HeldMark({ deletion }: { deletion: Deletion }) {
  const t = useT();
  const now = useNow(true);
  const what = describeDeletion(t, deletion);
  return (
    <Flex gap={8} align="center" wrap>
      <Tag color="warning" style={{ margin: 0 }}>
        {deletion.state === 'pending'
          ? t('deletion.mark', { seconds: secondsLeft(deletion, now) })
          : t('deletion.sending', { what })}
      </Tag>
      <UndoButton deletion={deletion} what={what} />
    </Flex>
  );
}

/** Undo for one held deletion, while it is still held (nothing once it is being sent). */
export function UndoButton({
  deletion,
  what,
  primary = false,
}: {
  deletion: Deletion;
  what: string;
  primary?: boolean;
}) {
  const t = useT();
  const undo = useUndo();
  return deletion.state === 'pending' ? (
    <Button
      size="small"
      type={primary ? 'primary' : 'default'}
      aria-label={t('deletion.undoOne', { what })}
      onClick={() => void undo(deletion)}
    >
      {t('deletion.undo')}
    </Button>
  ) : null;
}
