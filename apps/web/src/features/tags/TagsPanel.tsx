import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TagListItem } from '@swr-console/swr-api';
import { Alert, Flex } from 'antd';
import { lazy, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../shared/components/ErrorAlert';
import { HeldMark } from '../../shared/components/HeldMark';
import { useHeldBy } from '../../shared/deletions';
import { useT } from '../../shared/i18n';
import { swrKeys } from '../../shared/keys';
import { useListState } from '../../shared/list-state';
import { repositoryToUrl } from '../../shared/region';
import { configQuery, useSession } from '../../shared/session';
import { OnceOpened } from '../../shared/components/OnceOpened';
import type { PullTarget } from './components/PullCommandsModal';
import { TagsTable } from './components/TagsTable';
import { TagsToolbar } from './components/TagsToolbar';
import { VERSION_SORT_CAP } from './queries';
import { TAG_LIST, useTagList } from './useTagList';

// The dialogs load when first opened: most visits only read the list.
const PullCommandsModal = lazy(async () => ({
  default: (await import('./components/PullCommandsModal')).PullCommandsModal,
}));
const RetagModal = lazy(async () => ({
  default: (await import('./components/RetagModal')).RetagModal,
}));
const DeleteTagsModal = lazy(async () => ({
  default: (await import('./components/DeleteTagsModal')).DeleteTagsModal,
}));

/**
 * The tags of one repository: paged, filtered and sorted in the URL; pull commands, retag (edit
 * permission) and multi-select delete (manage permission). One dialog of each kind serves all
 * rows, so a page of 1,000 tags does not mount 1,000 dialogs.
 */
export function TagsPanel({
  region,
  namespace,
  repository,
  canEdit,
  canManage,
}: {
  region: string;
  namespace: string;
  repository: string;
  canEdit: boolean;
  canManage: boolean;
}) {
  const t = useT();
  const navigate = useNavigate();
  const [state, setState] = useListState(TAG_LIST);
  const list = useTagList(region, namespace, repository, state);
  const session = useSession();
  const heldTags = useHeldBy(region, 'DeleteRepoTag', 'tag', { namespace, repository });
  const config = useQuery(configQuery);
  const [selected, setSelected] = useState<TagListItem[]>([]);
  const [deleting, setDeleting] = useState<TagListItem[]>([]);
  const [pulling, setPulling] = useState<(PullTarget & { registry: string }) | undefined>();
  const [retagging, setRetagging] = useState<string | undefined>();

  // After deletes (or in an old link) the page may lie past the end: show the last one instead.
  const lastPage = Math.max(1, Math.ceil(list.total / state.pageSize));
  const pastEnd =
    !list.loading &&
    !list.error &&
    list.rows.length === 0 &&
    list.total > 0 &&
    state.page > lastPage;
  useEffect(() => {
    if (pastEnd) setState({ page: lastPage });
  }, [pastEnd, lastPage, setState]);

  // The same view read again with other tags (a push, a sync, a retention run): the repository's
  // count, size and time changed too.
  const queryClient = useQueryClient();
  const seen = useRef<{ view: string; rows: TagListItem[] }>(undefined);
  useEffect(() => {
    if (list.loading) return;
    const view = JSON.stringify(state);
    const before = seen.current;
    seen.current = { view, rows: list.loaded };
    if (before?.view === view && before.rows !== list.loaded)
      void queryClient.invalidateQueries({
        queryKey: [...swrKeys.repository(region, namespace, repository), 'detail'],
      });
  }, [list.loaded, list.loading, state, queryClient, region, namespace, repository]);

  const registryOf = (row: TagListItem) =>
    session?.regions.find((r) => r.id === region)?.registry ?? row.path.split('/')[0] ?? '';

  return (
    <Flex vertical gap={12}>
      <TagsToolbar
        state={state}
        onState={setState}
        canManage={canManage}
        selected={selected.length}
        onDeleteSelected={() => setDeleting(selected)}
        onCompareSelected={() => {
          const [left, right] = selected;
          if (!left || !right) return;
          const search = new URLSearchParams({ left: left.Tag, right: right.Tag });
          void navigate(
            `/${region}/repositories/${namespace}/${repositoryToUrl(repository)}/compare?${search}`,
          );
        }}
      />
      {list.versionTotal !== undefined ? (
        <Alert
          type="info"
          showIcon
          title={t('tags.version.tooMany', { total: list.versionTotal, cap: VERSION_SORT_CAP })}
        />
      ) : null}
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={list.retry} />
      ) : (
        <TagsTable
          label={t('tags.table', { repository: `${namespace}/${repository}` })}
          rows={list.rows}
          loaded={list.loaded}
          total={list.total}
          loading={list.loading}
          state={state}
          onState={setState}
          canEdit={canEdit}
          canManage={canManage}
          selected={selected}
          onSelect={setSelected}
          onPull={(row) =>
            setPulling({ tag: row.Tag, digest: row.digest, registry: registryOf(row) })
          }
          onRetag={(row) => setRetagging(row.Tag)}
          onDelete={(row) => setDeleting([row])}
          held={(row) => {
            const deletion = heldTags.get(row.Tag);
            return deletion ? <HeldMark deletion={deletion} /> : undefined;
          }}
        />
      )}
      <OnceOpened open={pulling !== undefined}>
        <PullCommandsModal
          target={pulling}
          registry={pulling?.registry ?? ''}
          namespace={namespace}
          repository={repository}
          insecure={config.data?.profile === 'local'}
          onClose={() => setPulling(undefined)}
        />
      </OnceOpened>
      <OnceOpened open={canEdit && retagging !== undefined}>
        <RetagModal
          key={retagging ?? ''}
          region={region}
          namespace={namespace}
          repository={repository}
          source={retagging}
          onClose={() => setRetagging(undefined)}
        />
      </OnceOpened>
      <OnceOpened open={canManage && deleting.length > 0}>
        <DeleteTagsModal
          region={region}
          namespace={namespace}
          repository={repository}
          tags={deleting}
          loaded={list.loaded}
          onClose={() => setDeleting([])}
          onDeleted={(gone) =>
            setSelected((current) => current.filter((row) => !gone.includes(row.Tag)))
          }
        />
      </OnceOpened>
    </Flex>
  );
}
