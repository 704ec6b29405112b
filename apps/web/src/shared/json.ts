// Reading JSON the console did not write (manifests, rules SWR recorded, resource details)
// without a schema library: each helper says what the value is, or undefined when it is not.
export { fieldsOf, parseJson } from '@swr-console/swr-api';

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The items of a JSON array (none when it is not one). */
export function itemsOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
