import { describe, expect, it } from 'vitest';
import { toQuery } from './RepositoriesPage';

describe('the repository list query', () => {
  it('when the URL state has filters, a sort and a page, then SWR gets them as its parameters', () => {
    expect(
      toQuery({
        page: 3,
        pageSize: 50,
        sort: 'tag_count',
        order: 'asc',
        filters: { namespace: 'team-web', name: 'api/gw', category: 'linux' },
      }),
    ).toEqual({
      namespace: 'team-web',
      name: 'api$gw',
      category: 'linux',
      order_column: 'tag_count',
      order_type: 'asc',
      limit: 50,
      offset: 100,
    });
  });

  it('when nothing is chosen, then newest first, first page', () => {
    expect(toQuery({ page: 1, pageSize: 20, sort: undefined, order: 'desc', filters: {} })).toEqual(
      {
        order_column: 'updated_time',
        order_type: 'desc',
        limit: 20,
        offset: 0,
      },
    );
  });
});
