import { formatContentRange } from '@swr-console/swr-api';

/** SWR sends Content-Range only when the request gave both offset and limit. */
export function pageHeaders(
  query: { limit?: number | undefined; offset?: number | undefined },
  count: number,
  total: number,
): Record<string, string> {
  if (query.limit === undefined || query.offset === undefined) return {};
  return { 'Content-Range': formatContentRange({ offset: query.offset, count, total }) };
}
