import { describe, expect, it } from 'vitest';
import { readListState } from '../../shared/list-state';
import { serverQuery, tagSort, TAG_LIST } from './useTagList';

const state = (search: string) => readListState(new URLSearchParams(search), TAG_LIST);

describe('serverQuery', () => {
  it('when a page, size, name sort and filter are in the URL, then SWR is asked for exactly that page', () => {
    expect(serverQuery(state('page=3&pageSize=500&sort=tag&order=asc&tag=rc'))).toEqual({
      limit: 500,
      offset: 1000,
      order_column: 'tag',
      order_type: 'asc',
      tag: 'rc',
    });
  });

  it('when nothing is in the URL, then the first 20 tags come newest first, unfiltered', () => {
    expect(serverQuery(state(''))).toEqual({
      limit: 20,
      offset: 0,
      order_column: 'updated_at',
      order_type: 'desc',
    });
  });

  it('when version order is asked (sorted by the browser), then SWR keeps time order', () => {
    expect(serverQuery(state('sort=version')).order_column).toBe('updated_at');
  });
});

describe('tagSort', () => {
  it('when the URL holds an unknown sort or a page size SWR does not offer, then the defaults apply', () => {
    expect(tagSort(state('sort=size'))).toBe('updated_at');
    expect(state('pageSize=30').pageSize).toBe(20);
    expect(state('pageSize=1000').pageSize).toBe(1000);
  });
});
