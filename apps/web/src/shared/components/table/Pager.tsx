import type { ReactNode } from 'react';
import { useT } from '../../i18n';

export interface Pagination {
  /** Controlled page (1-based) and page size; the table keeps its own when absent. */
  current?: number;
  pageSize?: number;
  defaultPageSize?: number;
  /** All rows, on every page; the rows given when absent. */
  total?: number;
  pageSizeOptions?: readonly number[];
  showSizeChanger?: boolean;
  showTotal?: (total: number) => ReactNode;
  /** No pager when everything fits on one page. */
  hideOnSinglePage?: boolean;
  onChange?: (page: number, pageSize: number) => void;
}

const DEFAULT_SIZES = [10, 20, 50, 100];
/** Page numbers shown around the current one before the rest fold into "…". */
const AROUND = 2;

/** The page numbers to offer: the first, the last, and a few around the current one. */
export function pageNumbers(current: number, last: number): (number | 'gap')[] {
  const from = Math.max(2, current - AROUND);
  const to = Math.min(last - 1, current + AROUND);
  const numbers: (number | 'gap')[] = [1];
  if (from > 2) numbers.push(from === 3 ? 2 : 'gap');
  for (let page = from; page <= to; page++) numbers.push(page);
  if (to < last - 1) numbers.push(to === last - 2 ? last - 1 : 'gap');
  if (last > 1) numbers.push(last);
  return numbers;
}

/** Pages of a table: the total, previous and next, page numbers, and rows per page. */
export function Pager({
  current = 1,
  pageSize = 10,
  total = 0,
  pageSizeOptions,
  showSizeChanger = false,
  showTotal,
  onChange,
}: Pagination) {
  const t = useT();
  const last = Math.max(1, Math.ceil(total / pageSize));
  const go = (page: number) => onChange?.(page, pageSize);
  const sizes = [...new Set([...(pageSizeOptions ?? DEFAULT_SIZES), pageSize])].sort(
    (a, b) => a - b,
  );
  return (
    <div className="console-pager" role="group" aria-label={t('table.pages')}>
      {showTotal ? <span className="console-pager-total">{showTotal(total)}</span> : null}
      <ul>
        <li>
          <button
            type="button"
            className="console-pager-step"
            aria-label={t('table.previous')}
            disabled={current <= 1}
            onClick={() => go(current - 1)}
          >
            <svg viewBox="0 0 6 10" width="6" height="10" aria-hidden>
              <path d="M5 1 1 5l4 4" fill="none" stroke="currentColor" strokeWidth="1.5" />
            </svg>
          </button>
        </li>
        {pageNumbers(current, last).map((page, index) =>
          page === 'gap' ? (
            <li key={`gap-${index}`} className="console-pager-gap" aria-hidden>
              …
            </li>
          ) : (
            <li key={page}>
              <button
                type="button"
                className="console-pager-page"
                aria-label={t('table.page', { page })}
                aria-current={page === current ? 'page' : undefined}
                onClick={() => page !== current && go(page)}
              >
                {page}
              </button>
            </li>
          ),
        )}
        <li>
          <button
            type="button"
            className="console-pager-step"
            aria-label={t('table.next')}
            disabled={current >= last}
            onClick={() => go(current + 1)}
          >
            <svg viewBox="0 0 6 10" width="6" height="10" aria-hidden>
              <path d="m1 1 4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.5" />
            </svg>
          </button>
        </li>
      </ul>
      {showSizeChanger ? (
        <select
          className="console-pager-size"
          aria-label={t('table.pageSize')}
          value={pageSize}
          onChange={(event) => {
            const size = Number(event.target.value);
            // Keep the first row of the page in view.
            onChange?.(Math.floor(((current - 1) * pageSize) / size) + 1, size);
          }}
        >
          {sizes.map((size) => (
            <option key={size} value={size}>
              {t('table.perPage', { size })}
            </option>
          ))}
        </select>
      ) : null}
    </div>
  );
}
