import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { TestProviders } from '../../../testing/render';
import { DataTable, type Column, type RowKey, type SortOrder } from './DataTable';
import { pageNumbers } from './Pager';

interface Row {
  name: string;
  size: number;
}

const rows = (count: number): Row[] =>
  Array.from({ length: count }, (_, index) => ({ name: `row-${index + 1}`, size: index }));

const columns: Column<Row>[] = [
  { key: 'name', title: 'Name', dataIndex: 'name', sorter: true },
  { key: 'size', title: 'Size', render: (_, row) => `${row.size} B` },
];

const names = () =>
  within(screen.getAllByRole('rowgroup')[1]!)
    .queryAllByRole('row')
    .map((row) => within(row).queryAllByRole('cell').at(-2)?.textContent ?? '');

describe('DataTable', () => {
  it('when rows are more than a page, then it shows the page asked for and moves between pages', async () => {
    const user = userEvent.setup();
    render(
      <TestProviders>
        <DataTable<Row>
          rowKey="name"
          columns={columns}
          dataSource={rows(25)}
          pagination={{ defaultPageSize: 10, showTotal: (total) => `${total} rows` }}
        />
      </TestProviders>,
    );
    expect(screen.getAllByRole('row')).toHaveLength(11);
    expect(screen.getByRole('cell', { name: 'row-1' })).toBeVisible();
    expect(screen.getByText('25 rows')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Page 3' }));
    expect(screen.getAllByRole('row')).toHaveLength(6);
    expect(screen.getByRole('cell', { name: 'row-21' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Page 3' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(screen.getByRole('cell', { name: 'row-11' })).toBeVisible();
  });

  it('when the server sends one page of many, then it shows those rows and asks for others', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(
      <TestProviders>
        <DataTable<Row>
          rowKey="name"
          columns={columns}
          dataSource={rows(20)}
          pagination={{
            current: 1,
            pageSize: 20,
            total: 1000,
            showSizeChanger: true,
            pageSizeOptions: [20, 50],
            onChange,
          }}
        />
      </TestProviders>,
    );
    expect(screen.getAllByRole('row')).toHaveLength(21);
    expect(screen.getByRole('button', { name: 'Page 50' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(onChange).toHaveBeenLastCalledWith(2, 20);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '50');
    expect(onChange).toHaveBeenLastCalledWith(1, 50);
  });

  it('when a sortable header is clicked, then it asks for the other order and says the current one', async () => {
    const user = userEvent.setup();
    const onSort = vi.fn();
    const { rerender } = render(
      <TestProviders>
        <DataTable<Row> rowKey="name" columns={columns} dataSource={rows(3)} onSort={onSort} />
      </TestProviders>,
    );
    const header = screen.getByRole('columnheader', { name: 'Name' });
    expect(header).toHaveAttribute('aria-sort', 'none');
    expect(screen.getByRole('columnheader', { name: 'Size' })).not.toHaveAttribute('aria-sort');
    await user.click(within(header).getByRole('button'));
    expect(onSort).toHaveBeenLastCalledWith('name', 'ascend');

    const sorted = columns.map((column) =>
      column.key === 'name' ? { ...column, sortOrder: 'ascend' as SortOrder } : column,
    );
    rerender(
      <TestProviders>
        <DataTable<Row> rowKey="name" columns={sorted} dataSource={rows(3)} onSort={onSort} />
      </TestProviders>,
    );
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    await user.click(within(header).getByRole('button'));
    expect(onSort).toHaveBeenLastCalledWith('name', 'descend');
  });

  it('when rows are chosen on two pages, then the choice keeps both and the header checkbox speaks for its page', async () => {
    const user = userEvent.setup();
    const seen: { keys: RowKey[]; rows: Row[] }[] = [];
    function Chooser() {
      const [keys, setKeys] = useState<RowKey[]>([]);
      return (
        <DataTable<Row>
          rowKey="name"
          columns={columns}
          dataSource={rows(15)}
          pagination={{ defaultPageSize: 10 }}
          rowSelection={{
            selectedRowKeys: keys,
            onChange: (next, chosen) => {
              seen.push({ keys: next, rows: chosen });
              setKeys(next);
            },
            label: (row) => `Select ${row.name}`,
            allLabel: 'Select this page',
          }}
        />
      );
    }
    render(
      <TestProviders>
        <Chooser />
      </TestProviders>,
    );
    const all = screen.getByRole('checkbox', { name: 'Select this page' });
    await user.click(screen.getByRole('checkbox', { name: 'Select row-2' }));
    expect(all).toHaveProperty('indeterminate', true);
    expect(screen.getByRole('checkbox', { name: 'Select row-2' }).closest('tr')).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await user.click(all);
    expect(all).toBeChecked();
    expect(seen.at(-1)!.keys).toHaveLength(10);

    await user.click(screen.getByRole('button', { name: 'Page 2' }));
    expect(all).not.toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Select row-12' }));
    expect(seen.at(-1)!.keys).toHaveLength(11);
    expect(seen.at(-1)!.rows.map((row) => row.name)).toContain('row-1');
    expect(seen.at(-1)!.rows.map((row) => row.name)).toContain('row-12');

    // Unchecking the page's box leaves the other page's choice alone.
    await user.click(all);
    await user.click(all);
    expect(seen.at(-1)!.keys).toEqual(rows(10).map((row) => row.name));
  });

  it('when a row is expanded, then its details follow it and the button says it can collapse', async () => {
    const user = userEvent.setup();
    render(
      <TestProviders>
        <DataTable<Row>
          rowKey="name"
          columns={columns}
          dataSource={rows(3)}
          expandable={{
            render: (row) => `details of ${row.name}`,
            expandable: (row) => row.name !== 'row-3',
          }}
        />
      </TestProviders>,
    );
    const buttons = screen.getAllByRole('button', { name: 'Expand row' });
    expect(buttons).toHaveLength(2);
    await user.click(buttons[1]!);
    expect(screen.getByText('details of row-2')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Collapse row' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await user.click(screen.getByRole('button', { name: 'Collapse row' }));
    expect(screen.queryByText('details of row-2')).toBeNull();
  });

  it('when there are no rows, then it says so, and while loading it says that instead', () => {
    const { rerender } = render(
      <TestProviders>
        <DataTable<Row> rowKey="name" columns={columns} dataSource={[]} empty="Nothing here" />
      </TestProviders>,
    );
    expect(screen.getByText('Nothing here')).toBeVisible();
    rerender(
      <TestProviders>
        <DataTable<Row> rowKey="name" columns={columns} dataSource={undefined} loading />
      </TestProviders>,
    );
    expect(screen.queryByText('No data')).toBeNull();
    expect(screen.getByRole('status', { name: 'Loading…' })).toBeVisible();
    expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'true');
  });

  it('when drawn virtually, then it draws the rows in view and not the thousand', () => {
    render(
      <TestProviders>
        <DataTable<Row>
          rowKey="name"
          columns={columns}
          dataSource={rows(1000)}
          virtual={{ height: 600, minWidth: 800 }}
        />
      </TestProviders>,
    );
    // jsdom lays nothing out: rows count at their estimated height.
    const drawn = names();
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.length).toBeLessThan(60);
    expect(drawn[0]).toBe('row-1');
  });

  it('when a page is beyond the last, then the last page is shown', () => {
    render(
      <TestProviders>
        <DataTable<Row>
          rowKey="name"
          columns={columns}
          dataSource={rows(12)}
          pagination={{ current: 5, pageSize: 10 }}
        />
      </TestProviders>,
    );
    expect(screen.getAllByRole('row')).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
  });
});

describe('pageNumbers', () => {
  it('always offers the first, the last and the current page, in order, with gaps between', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 600 }),
        (last, at) => {
          const current = Math.min(last, Math.max(1, at));
          const shown = pageNumbers(current, last);
          const numbers = shown.filter((page): page is number => page !== 'gap');
          expect(numbers).toContain(1);
          expect(numbers).toContain(last);
          expect(numbers).toContain(current);
          expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
          expect(new Set(numbers).size).toBe(numbers.length);
          // A gap stands for at least two pages; one page would be shown instead.
          shown.forEach((page, index) => {
            if (page !== 'gap') return;
            const before = shown[index - 1];
            const after = shown[index + 1];
            expect(
              typeof before === 'number' && typeof after === 'number' && after - before,
            ).toBeGreaterThan(2);
          });
          expect(shown.length).toBeLessThanOrEqual(9);
        },
      ),
    );
  });
});
