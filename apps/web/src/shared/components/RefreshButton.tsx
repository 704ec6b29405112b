import {
  partialMatchKey,
  useIsFetching,
  useQueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { Button } from 'antd';
import { useT } from '../i18n';

/**
 * Reads again what a page shows: every query under the given keys that is on screen. It spins
 * while any of them is being read, whoever started the read (a poll, a focus of the window).
 */
export function RefreshButton({ queryKeys }: { queryKeys: readonly QueryKey[] }) {
  const t = useT();
  const queryClient = useQueryClient();
  const fetching = useIsFetching({
    predicate: (query) => queryKeys.some((key) => partialMatchKey(query.queryKey, key)),
  });
  return (
    <Button
      icon={<ReloadIcon spin={fetching > 0} />}
      onClick={() =>
        void Promise.all(
          queryKeys.map((queryKey) =>
            queryClient.invalidateQueries({ queryKey, refetchType: 'active' }),
          ),
        )
      }
    >
      {t('common.refresh')}
    </Button>
  );
}

/**
 * A reload arrow (Material's "refresh", Apache-2.0), drawn here: antd's icon module would be a
 * chunk of its own on the first page, costing more than the path.
 */
function ReloadIcon({ spin }: { spin: boolean }) {
  return (
    <span role="img" aria-hidden className={spin ? 'anticon anticon-spin' : 'anticon'}>
      <svg viewBox="0 0 24 24" focusable="false" width="1em" height="1em" fill="currentColor">
        <path d="M17.65 6.35A7.96 7.96 0 0 0 12 4a8 8 0 1 0 7.73 10h-2.08A6 6 0 1 1 12 6c1.66 0 3.14.69 4.22 1.78L13 11h7V4z" />
      </svg>
    </span>
  );
}
