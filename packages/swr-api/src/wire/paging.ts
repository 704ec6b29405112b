/**
 * Paged SWR lists answer with `Content-Range: {offset}-{count}/{total}`: where the page starts,
 * how many records it holds and how many match in all. SWR sends it only when both `offset` and
 * `limit` were given.
 */
export interface ContentRange {
  offset: number;
  count: number;
  total: number;
}

const CONTENT_RANGE = /^\s*(\d+)-(\d+)\/(\d+)\s*$/;

export function parseContentRange(value: string | null | undefined): ContentRange | undefined {
  const match = value ? CONTENT_RANGE.exec(value) : null;
  if (!match) return undefined;
  return { offset: Number(match[1]), count: Number(match[2]), total: Number(match[3]) };
}

export function formatContentRange({ offset, count, total }: ContentRange): string {
  return `${offset}-${count}/${total}`;
}

/** Default and largest page size of the Basic edition's paged lists. */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;
