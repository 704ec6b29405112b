import { describe, expect, it } from 'vitest';
import { readListState, writeListState, type ListDefaults } from './list-state';

const defaults: ListDefaults = {
  pageSize: 20,
  sort: 'updated_time',
  order: 'desc',
  filters: ['namespace', 'name'],
  pageSizes: [20, 50, 100],
};

describe('list state in the URL', () => {
  it('when the URL is empty, then the defaults apply', () => {
    expect(readListState(new URLSearchParams(), defaults)).toEqual({
      page: 1,
      pageSize: 20,
      sort: 'updated_time',
      order: 'desc',
      filters: {},
    });
  });

  it('when a state is written and read back, then it is the same and defaults stay out of the URL', () => {
    const state = {
      page: 3,
      pageSize: 50,
      sort: 'name',
      order: 'asc' as const,
      filters: { namespace: 'team-web', name: 'api' },
    };
    const params = writeListState(state, defaults);
    expect(params.toString()).toBe(
      'page=3&pageSize=50&sort=name&order=asc&namespace=team-web&name=api',
    );
    expect(readListState(params, defaults)).toEqual(state);
    expect(
      writeListState(readListState(new URLSearchParams(), defaults), defaults).toString(),
    ).toBe('');
  });

  it.each([
    ['page=0', { page: 1 }],
    ['page=-2', { page: 1 }],
    ['page=abc', { page: 1 }],
    ['pageSize=7', { pageSize: 20 }],
    ['order=sideways', { order: 'desc' }],
  ])('when the URL says %s, then the value falls back', (query, expected) => {
    expect(readListState(new URLSearchParams(query), defaults)).toMatchObject(expected);
  });

  it('when a filter is not one of the list’s, then it is ignored', () => {
    expect(readListState(new URLSearchParams('colour=blue&name=x'), defaults).filters).toEqual({
      name: 'x',
    });
  });
});
