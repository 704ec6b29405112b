/**
 * SWR packs list parameters into one `filter` query parameter: `key::value` pairs joined by `|`,
 * e.g. `namespace::group|limit::10|offset::0`. When `filter` is present SWR ignores the separate
 * parameters of the same request.
 */
export type FilterValues = Record<string, string | number | boolean | undefined>;

export class FilterSyntaxError extends Error {
  constructor(
    readonly filter: string,
    readonly problem: string,
  ) {
    super(`Invalid filter "${filter}": ${problem}`);
    this.name = 'FilterSyntaxError';
  }
}

export function formatFilter(values: FilterValues): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => {
      const text = String(value);
      if (text.includes('|') || text.includes('::')) {
        throw new FilterSyntaxError(text, `the value of "${key}" may not contain "|" or "::"`);
      }
      return `${key}::${text}`;
    })
    .join('|');
}

/** Parses a filter string; a key given twice, a pair without `::` or an empty key is an error. */
export function parseFilter(filter: string): Record<string, string> {
  // A Map, then fromEntries: a key such as "__proto__" stays an ordinary own property.
  const pairs = new Map<string, string>();
  if (filter === '') return {};
  for (const pair of filter.split('|')) {
    const at = pair.indexOf('::');
    if (at < 0) throw new FilterSyntaxError(filter, `"${pair}" is not of the form key::value`);
    const key = pair.slice(0, at);
    if (!/^[A-Za-z_]+$/.test(key))
      throw new FilterSyntaxError(filter, `"${key}" is not a filter key`);
    if (pairs.has(key)) throw new FilterSyntaxError(filter, `"${key}" is given twice`);
    pairs.set(key, pair.slice(at + 2));
  }
  return Object.fromEntries(pairs);
}
