import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';

export interface ListState {
  page: number;
  pageSize: number;
  sort: string | undefined;
  order: 'asc' | 'desc';
  filters: Record<string, string>;
}

export interface ListDefaults {
  pageSize?: number;
  sort?: string;
  order?: 'asc' | 'desc';
  /** The filter names this list reads from the URL. */
  filters?: readonly string[];
  pageSizes?: readonly number[];
}

/** Reads a list's state from URL search parameters; anything malformed falls back to defaults. */
export function readListState(params: URLSearchParams, defaults: ListDefaults): ListState {
  const sizes = defaults.pageSizes ?? [10, 20, 50, 100];
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  const order = params.get('order');
  return {
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: sizes.includes(pageSize) ? pageSize : (defaults.pageSize ?? sizes[0]!),
    sort: params.get('sort') ?? defaults.sort,
    order: order === 'asc' || order === 'desc' ? order : (defaults.order ?? 'desc'),
    filters: Object.fromEntries(
      (defaults.filters ?? []).flatMap((name) => {
        const value = params.get(name);
        return value ? [[name, value]] : [];
      }),
    ),
  };
}

/** The parameters for a state, leaving out defaults so URLs stay short. */
export function writeListState(state: ListState, defaults: ListDefaults): URLSearchParams {
  const params = new URLSearchParams();
  if (state.page !== 1) params.set('page', String(state.page));
  if (state.pageSize !== (defaults.pageSize ?? (defaults.pageSizes ?? [10])[0]))
    params.set('pageSize', String(state.pageSize));
  if (state.sort && state.sort !== defaults.sort) params.set('sort', state.sort);
  if (state.order !== (defaults.order ?? 'desc')) params.set('order', state.order);
  for (const [name, value] of Object.entries(state.filters)) if (value) params.set(name, value);
  return params;
}

/**
 * A list's page, filters and sort, kept in the URL: reload and back/forward restore the view.
 * Changing a filter or the sort goes back to page 1.
 */
export function useListState(
  defaults: ListDefaults,
): [ListState, (change: Partial<ListState>) => void] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readListState(params, defaults), [params, defaults]);
  const update = useCallback(
    (change: Partial<ListState>) => {
      const resets =
        change.filters !== undefined ||
        change.sort !== undefined ||
        change.order !== undefined ||
        change.pageSize !== undefined;
      const next: ListState = {
        ...state,
        ...change,
        filters: change.filters ? { ...state.filters, ...change.filters } : state.filters,
        page: change.page ?? (resets ? 1 : state.page),
      };
      setParams(writeListState(next, defaults));
    },
    [state, setParams, defaults],
  );
  return [state, update];
}

/**
 * A one-time instruction in the address (`?create=1`, as the command palette links): true on the
 * first render when it is there, and it is taken out of the address at once (so a reload or Back
 * does not repeat it). Answers a state and its setter, for a dialog's open flag.
 */
export function useUrlFlag(name: string): [boolean, (value: boolean) => void] {
  const [params, setParams] = useSearchParams();
  const state = useState(params.get(name) === '1');
  useEffect(() => {
    if (!params.has(name)) return;
    const rest = new URLSearchParams(params);
    rest.delete(name);
    setParams(rest, { replace: true });
  }, [name, params, setParams]);
  return state;
}
