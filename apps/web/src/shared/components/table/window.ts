import { useCallback, useLayoutEffect, useRef, useState, type UIEvent } from 'react';

/** A row's height before it has been drawn: a tag row with its second line. */
const ESTIMATE = 56;
/** Rows drawn beyond the visible ones on each side, so a quick scroll shows no blank. */
const OVERSCAN = 10;

export interface RowWindow {
  /** The rows to draw: from (inclusive) to (exclusive). */
  from: number;
  to: number;
  /** Heights of the rows not drawn, above and below the drawn ones. */
  before: number;
  after: number;
  ref: (element: HTMLDivElement | null) => void;
  onScroll: (event: UIEvent<HTMLDivElement>) => void;
}

/**
 * Which of `count` rows a scroll box of `height` pixels shows. Rows are measured once drawn
 * (their heights differ: a tag's second line is optional); rows never drawn count as `ESTIMATE`.
 * With `count` 0 it does nothing.
 */
export function useRowWindow(count: number, height: number): RowWindow {
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const [top, setTop] = useState(0);
  const heights = useRef<number[]>([]);
  const [, remeasured] = useState(0);
  if (heights.current.length !== count) heights.current = heights.current.slice(0, count);

  const sizeOf = (index: number) => heights.current[index] ?? ESTIMATE;
  // The first row whose bottom is below the box's top edge, and the first below its bottom edge.
  let first = 0;
  let offset = 0;
  while (first < count && offset + sizeOf(first) <= top) offset += sizeOf(first++);
  let last = first;
  while (last < count && offset < top + height) offset += sizeOf(last++);
  const from = Math.max(0, first - OVERSCAN);
  const to = Math.min(count, last + OVERSCAN);
  let before = 0;
  for (let index = 0; index < from; index++) before += sizeOf(index);
  let after = 0;
  for (let index = to; index < count; index++) after += sizeOf(index);

  // Measure what was drawn; draw again if it differs from what was assumed.
  useLayoutEffect(() => {
    if (!box) return;
    let changed = false;
    for (const row of box.querySelectorAll<HTMLTableRowElement>('tbody > tr[data-index]')) {
      const index = Number(row.dataset.index);
      const measured = row.getBoundingClientRect().height;
      if (measured > 0 && Math.abs((heights.current[index] ?? 0) - measured) > 0.5) {
        heights.current[index] = measured;
        changed = true;
      }
    }
    if (changed) remeasured((n) => n + 1);
  });

  const onScroll = useCallback((event: UIEvent<HTMLDivElement>) => {
    setTop(event.currentTarget.scrollTop);
  }, []);
  return { from, to, before, after, ref: setBox, onScroll };
}
