import { useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useT } from '../../i18n';
import { Spinner } from '../Loading';
import { Pager, type Pagination } from './Pager';
import { useRowWindow } from './window';
import './table.css';

export type SortOrder = 'ascend' | 'descend';
export type RowKey = string | number;

/** One column: what its header says and how a row's cell is drawn. */
export interface Column<T> {
  key: string;
  title: ReactNode;
  /** The row field shown when there is no `render`. */
  dataIndex?: keyof T & string;
  render?: (value: unknown, row: T, index: number) => ReactNode;
  width?: number;
  align?: 'left' | 'center' | 'right';
  /** Sortable: the header is a button, and `onSort` says which order was asked for. */
  sorter?: boolean;
  /** The order the rows are in by this column now; null or absent when they are not. */
  sortOrder?: SortOrder | null;
  /** The order a first click asks for (then it alternates). Ascending unless said. */
  firstSortOrder?: SortOrder;
}

export interface RowSelection<T> {
  selectedRowKeys: RowKey[];
  /** The keys chosen, and their rows (rows of other pages as they were when last shown). */
  onChange: (keys: RowKey[], rows: T[]) => void;
  /** The accessible name of a row's checkbox. */
  label: (row: T) => string;
  /** The accessible name of the header's "this page" checkbox. */
  allLabel: string;
}

export interface Expandable<T> {
  render: (row: T) => ReactNode;
  /** Whether a row can be expanded; every row can unless said. */
  expandable?: (row: T) => boolean;
  /** Controlled: the keys of the expanded rows, and what a toggle asks for. */
  expandedKeys?: RowKey[];
  onExpandedChange?: (keys: RowKey[]) => void;
}

export interface DataTableProps<T> {
  rowKey: (keyof T & string) | ((row: T) => RowKey);
  columns: Column<T>[];
  dataSource: readonly T[] | undefined;
  loading?: boolean;
  /** What an empty table says. */
  empty?: ReactNode;
  /** Row spacing: 16 px (default), 12 px or 8 px. */
  size?: 'large' | 'middle' | 'small';
  pagination?: Pagination | false;
  onSort?: (columnKey: string, order: SortOrder) => void;
  rowSelection?: RowSelection<T>;
  expandable?: Expandable<T>;
  /**
   * Draw only the rows in view, in a box of this height (px), for pages of hundreds of rows. The
   * columns keep their widths (`width`), and the table is at least `minWidth` wide.
   */
  virtual?: { height: number; minWidth: number };
  'aria-label'?: string;
  style?: CSSProperties;
}

const ARIA_SORT = { ascend: 'ascending', descend: 'descending' } as const;

/** A row's cell value when the column draws none of its own: text and numbers as they are. */
function plain(value: unknown): ReactNode {
  if (value === null || value === undefined || typeof value === 'boolean') return null;
  return typeof value === 'string' || typeof value === 'number' ? value : String(value);
}

function SortMark({ order }: { order: SortOrder | null | undefined }) {
  return (
    <span className="console-table-sort" aria-hidden>
      <svg viewBox="0 0 8 5" width="8" height="5" data-on={order === 'ascend' || undefined}>
        <path d="M4 0 8 5H0z" fill="currentColor" />
      </svg>
      <svg viewBox="0 0 8 5" width="8" height="5" data-on={order === 'descend' || undefined}>
        <path d="M0 0h8L4 5z" fill="currentColor" />
      </svg>
    </span>
  );
}

function Checkbox({
  checked,
  indeterminate = false,
  label,
  onChange,
}: {
  checked: boolean;
  indeterminate?: boolean;
  label: string;
  onChange: (checked: boolean) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="console-table-check"
      checked={checked}
      aria-label={label}
      onChange={(event) => onChange(event.target.checked)}
    />
  );
}

/** Which rows a page shows: a slice of them, or all when the server already paged them. */
function pageOf<T>(
  rows: readonly T[],
  page: number,
  pageSize: number,
  total: number,
): readonly T[] {
  // Fewer rows than the total: the server sent this page only.
  if (rows.length < total) return rows;
  return rows.slice((page - 1) * pageSize, page * pageSize);
}

/**
 * The console's table: a plain `<table>` with sortable headers, row selection, expandable rows,
 * a pager, and a virtual mode that draws only the rows in view. It replaces antd's table, which
 * brought 100 KB of script (pagination, select, tree, menu, virtual list) to every list page.
 */
export function DataTable<T>({
  rowKey,
  columns,
  dataSource,
  loading = false,
  empty,
  size = 'large',
  pagination = false,
  onSort,
  rowSelection,
  expandable,
  virtual,
  style,
  'aria-label': label,
}: DataTableProps<T>) {
  const t = useT();
  const rows = dataSource ?? [];
  const keyOf = (row: T): RowKey => {
    if (typeof rowKey === 'function') return rowKey(row);
    const key: unknown = row[rowKey];
    return typeof key === 'number' ? key : String(key);
  };

  const [ownPage, setOwnPage] = useState(1);
  const [ownPageSize, setOwnPageSize] = useState(
    pagination ? (pagination.defaultPageSize ?? 10) : 10,
  );
  const pageSize = (pagination && pagination.pageSize) || ownPageSize;
  const total = pagination ? (pagination.total ?? rows.length) : rows.length;
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  // A page beyond the last (rows deleted, a filter applied) shows the last one.
  const page = Math.min((pagination && pagination.current) || ownPage, lastPage);
  const shown = pagination ? pageOf(rows, page, pageSize, total) : rows;

  const [ownExpanded, setOwnExpanded] = useState<RowKey[]>([]);
  const expanded = expandable?.expandedKeys ?? ownExpanded;
  const toggle = (key: RowKey) => {
    const next = expanded.includes(key)
      ? expanded.filter((other) => other !== key)
      : [...expanded, key];
    if (expandable?.onExpandedChange) expandable.onExpandedChange(next);
    if (!expandable?.expandedKeys) setOwnExpanded(next);
  };

  // Rows of other pages stay chosen: the table remembers the chosen rows (only those) as they
  // were when chosen, and this page's rows as they are now.
  const remembered = useRef(new Map<RowKey, T>());
  const chosen = new Set(rowSelection?.selectedRowKeys);
  const select = (keys: RowKey[]) => {
    const known = new Map(remembered.current);
    for (const row of shown) known.set(keyOf(row), row);
    const rows = keys.flatMap((key) => {
      const row = known.get(key);
      return row === undefined ? [] : [row];
    });
    remembered.current = new Map(rows.map((row) => [keyOf(row), row]));
    rowSelection?.onChange(keys, rows);
  };
  const pageKeys = shown.map(keyOf);
  const pageChosen = pageKeys.filter((key) => chosen.has(key)).length;

  const view = useRowWindow(virtual ? shown.length : 0, virtual?.height ?? 0);
  const [from, to] = virtual ? [view.from, view.to] : [0, shown.length];

  const span = columns.length + (rowSelection ? 1 : 0) + (expandable ? 1 : 0);
  const head = (
    <thead>
      <tr>
        {rowSelection ? (
          <th className="console-table-selection" scope="col">
            <Checkbox
              checked={pageKeys.length > 0 && pageChosen === pageKeys.length}
              indeterminate={pageChosen > 0 && pageChosen < pageKeys.length}
              label={rowSelection.allLabel}
              onChange={(on) => {
                const others = rowSelection.selectedRowKeys.filter(
                  (key) => !pageKeys.includes(key),
                );
                select(on ? [...others, ...pageKeys] : others);
              }}
            />
          </th>
        ) : null}
        {expandable ? <td className="console-table-expand-cell" aria-hidden /> : null}
        {columns.map((column) => (
          <th
            key={column.key}
            scope="col"
            style={{ textAlign: column.align }}
            aria-sort={
              column.sorter ? (column.sortOrder ? ARIA_SORT[column.sortOrder] : 'none') : undefined
            }
          >
            {column.sorter ? (
              <button
                type="button"
                className="console-table-sorter"
                onClick={() =>
                  onSort?.(
                    column.key,
                    column.sortOrder
                      ? column.sortOrder === 'ascend'
                        ? 'descend'
                        : 'ascend'
                      : (column.firstSortOrder ?? 'ascend'),
                  )
                }
              >
                {column.title}
                <SortMark order={column.sortOrder} />
              </button>
            ) : (
              column.title
            )}
          </th>
        ))}
      </tr>
    </thead>
  );

  const body = shown.slice(from, to).flatMap((row, offset) => {
    const index = from + offset;
    const key = pageKeys[index]!;
    const open = expanded.includes(key);
    const canExpand = expandable ? (expandable.expandable?.(row) ?? true) : false;
    const line = (
      <tr
        key={key}
        className="console-table-row"
        data-index={index}
        aria-selected={rowSelection ? chosen.has(key) : undefined}
      >
        {rowSelection ? (
          <td className="console-table-selection">
            <Checkbox
              checked={chosen.has(key)}
              label={rowSelection.label(row)}
              onChange={(on) =>
                select(
                  on
                    ? [...rowSelection.selectedRowKeys, key]
                    : rowSelection.selectedRowKeys.filter((other) => other !== key),
                )
              }
            />
          </td>
        ) : null}
        {expandable ? (
          <td className="console-table-expand-cell">
            {canExpand ? (
              <button
                type="button"
                className="console-table-expand"
                aria-expanded={open}
                aria-label={t(open ? 'table.collapse' : 'table.expand')}
                onClick={() => toggle(key)}
              />
            ) : null}
          </td>
        ) : null}
        {columns.map((column) => (
          <td key={column.key} style={{ textAlign: column.align }}>
            {column.render
              ? column.render(column.dataIndex ? row[column.dataIndex] : undefined, row, index)
              : column.dataIndex
                ? plain(row[column.dataIndex])
                : null}
          </td>
        ))}
      </tr>
    );
    return open && expandable
      ? [
          line,
          <tr key={`${key}-expanded`} className="console-table-expanded">
            <td colSpan={span}>{expandable.render(row)}</td>
          </tr>,
        ]
      : [line];
  });

  const table = (
    <table
      className="console-table"
      aria-label={label}
      aria-busy={loading || undefined}
      style={virtual ? { minWidth: virtual.minWidth, tableLayout: 'fixed' } : undefined}
    >
      {columns.some((column) => column.width) ? (
        <colgroup>
          {rowSelection ? <col className="console-table-selection-col" /> : null}
          {expandable ? <col className="console-table-expand-col" /> : null}
          {columns.map((column) => (
            <col key={column.key} style={{ width: column.width }} />
          ))}
        </colgroup>
      ) : null}
      {head}
      <tbody>
        {virtual && view.before > 0 ? (
          <tr aria-hidden className="console-table-spacer" style={{ height: view.before }} />
        ) : null}
        {shown.length === 0 ? (
          <tr className="console-table-placeholder">
            <td colSpan={span}>{loading ? null : (empty ?? t('table.empty'))}</td>
          </tr>
        ) : (
          body
        )}
        {virtual && view.after > 0 ? (
          <tr aria-hidden className="console-table-spacer" style={{ height: view.after }} />
        ) : null}
      </tbody>
    </table>
  );

  return (
    <div className={`console-table-wrapper console-table-${size}`} style={style}>
      <div className="console-table-box" data-loading={loading || undefined}>
        {virtual ? (
          <div
            ref={view.ref}
            className="console-table-scroll"
            style={{ maxHeight: virtual.height }}
            onScroll={view.onScroll}
          >
            {table}
          </div>
        ) : (
          <div className="console-table-scroll">{table}</div>
        )}
        {loading ? (
          <div className="console-table-loading" role="status" aria-label={t('common.loading')}>
            <Spinner size={24} />
          </div>
        ) : null}
      </div>
      {pagination && !(pagination.hideOnSinglePage && lastPage <= 1) ? (
        <Pager
          {...pagination}
          current={page}
          pageSize={pageSize}
          total={total}
          onChange={(next, nextSize) => {
            if (pagination.current === undefined) setOwnPage(next);
            if (pagination.pageSize === undefined) setOwnPageSize(nextSize);
            pagination.onChange?.(next, nextSize);
          }}
        />
      ) : null}
    </div>
  );
}
