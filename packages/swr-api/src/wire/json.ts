/**
 * Reading JSON that another process wrote, without throwing and without a schema library (the
 * browser uses these too): what the text holds, then what an object's fields are.
 */

/** The value JSON text holds, or undefined when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The fields of a JSON object, or undefined when the value is not one (arrays are not). */
export function fieldsOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value))
    : undefined;
}

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
