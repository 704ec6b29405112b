import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

/** Space between a popup and its anchor, and the least between a popup and the window's edge. */
const GAP = 4;
const EDGE = 8;

export interface PopupPlacement {
  /** Which edges of the anchor and the popup line up: the start (left) or the end (right). */
  align?: 'start' | 'end';
  /** At least as wide as the anchor (a select's list). */
  matchWidth?: boolean;
}

/**
 * Keeps a popup (`position: fixed`, drawn into document.body) next to its anchor while open:
 * under it, or above it when there is room there and not below; inside the window; and in place
 * while anything scrolls or the window changes size. The popup says where it went in
 * `data-placement` ('bottom' or 'top').
 */
export function usePopupPosition(
  open: boolean,
  anchor: RefObject<HTMLElement | null>,
  popup: RefObject<HTMLElement | null>,
  { align = 'start', matchWidth = false }: PopupPlacement = {},
): void {
  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      const from = anchor.current;
      const box = popup.current;
      if (!from || !box) return;
      const rect = from.getBoundingClientRect();
      if (matchWidth) box.style.minWidth = `${rect.width}px`;
      const { offsetWidth: width, offsetHeight: height } = box;
      const below = window.innerHeight - rect.bottom - GAP - EDGE;
      const above = rect.top - GAP - EDGE;
      const up = height > below && above > below;
      const top = up ? Math.max(EDGE, rect.top - GAP - height) : rect.bottom + GAP;
      const wanted = align === 'start' ? rect.left : rect.right - width;
      const left = Math.max(EDGE, Math.min(wanted, window.innerWidth - width - EDGE));
      box.style.top = `${top}px`;
      box.style.left = `${left}px`;
      box.dataset.placement = up ? 'top' : 'bottom';
    };
    place();
    // Capturing: a scroll of any box the anchor is in moves the anchor too.
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [open, anchor, popup, align, matchWidth]);
}

/** Calls `onOutside` when a mouse button goes down outside all of `inside` while `open`. */
export function useOutsidePress(
  open: boolean,
  inside: RefObject<HTMLElement | null>[],
  onOutside: () => void,
): void {
  // The latest of both, without listening anew on every render.
  const latest = useRef({ inside, onOutside });
  useLayoutEffect(() => {
    latest.current = { inside, onOutside };
  });
  useEffect(() => {
    if (!open) return;
    const press = (event: MouseEvent) => {
      const target = event.target;
      if (!(target instanceof Node)) return;
      if (latest.current.inside.some((ref) => ref.current?.contains(target))) return;
      latest.current.onOutside();
    };
    document.addEventListener('mousedown', press);
    return () => document.removeEventListener('mousedown', press);
  }, [open]);
}

/** Scrolls a list just enough to show one of its rows (the list is the row's offset parent). */
export function scrollIntoList(list: HTMLElement | null, row: HTMLElement | null): void {
  if (!list || !row) return;
  if (row.offsetTop < list.scrollTop) list.scrollTop = row.offsetTop;
  else if (row.offsetTop + row.offsetHeight > list.scrollTop + list.clientHeight)
    list.scrollTop = row.offsetTop + row.offsetHeight - list.clientHeight;
}

/** How long typed characters add up to one search (type-ahead), as in the browser's own lists. */
const TYPING_MS = 500;

/**
 * Type-ahead: the characters typed in quick succession, and which row they lead to. The same
 * character again and again goes through the rows that start with it; a word finds the first row
 * from the current one that starts with it. Rows that cannot be chosen are passed over.
 */
export function useTypeahead(): {
  /** The row the typed character leads to from `current`, if any. */
  find: (
    char: string,
    texts: readonly string[],
    current: number,
    skip?: (index: number) => boolean,
  ) => number | undefined;
  /** Whether a search is being typed (a space then is part of it, not a choice). */
  typing: () => boolean;
} {
  const typed = useRef({ text: '', at: 0 });
  return {
    typing: () => typed.current.text !== '' && Date.now() - typed.current.at < TYPING_MS,
    find: (char, texts, current, skip) => {
      const now = Date.now();
      const text =
        (now - typed.current.at < TYPING_MS ? typed.current.text : '') + char.toLowerCase();
      typed.current = { text, at: now };
      const repeated = [...text].every((c) => c === text[0]);
      const search = repeated ? text[0]! : text;
      // A repeated character moves on from the current row; a word may stay on it.
      const from = repeated ? current + 1 : Math.max(0, current);
      for (let step = 0; step < texts.length; step++) {
        const index = (from + step) % texts.length;
        if (!skip?.(index) && texts[index]!.toLowerCase().startsWith(search)) return index;
      }
      return undefined;
    },
  };
}
