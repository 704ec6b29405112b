import { readFileSync } from 'node:fs';

/**
 * The official SDK's models of the Enterprise operations that the installable Node SDK (3.1.128)
 * predates, transcribed into `sdk-enterprise-models.json` from the SDK sources named in its
 * `source` (the Java SDK's operation table and the Go SDK's models, whose json tags are the wire
 * names). `problemsOf` does what the SDK's deserializer needs: every field the model knows has the
 * model's type, every field the model requires is there; fields it does not know are ignored, as
 * the SDKs ignore them.
 */

interface FieldModel {
  type: string;
  required: boolean;
  enum?: string[];
  values?: string;
}

interface SdkModels {
  source: string;
  operations: Record<string, { method: string; path: string; response: string | null }>;
  models: Record<string, Record<string, FieldModel>>;
}

export const sdkEnterpriseModels = JSON.parse(
  readFileSync(new URL('./sdk-enterprise-models.json', import.meta.url), 'utf8'),
) as SdkModels;

function problemsOfValue(type: string, value: unknown, at: string, field?: FieldModel): string[] {
  if (type.endsWith('[]')) {
    if (!Array.isArray(value)) return [`${at}: expected an array`];
    return value.flatMap((item, i) => problemsOfValue(type.slice(0, -2), item, `${at}[${i}]`));
  }
  switch (type) {
    case 'string':
      if (typeof value !== 'string') return [`${at}: expected a string`];
      return field?.enum && !field.enum.includes(value)
        ? [`${at}: "${value}" is not one of ${field.enum.join(', ')}`]
        : [];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${at}: expected an integer`];
    case 'number':
      return typeof value === 'number' ? [] : [`${at}: expected a number`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: expected a boolean`];
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return [`${at}: expected an object`];
      return Object.entries(value).flatMap(([key, item]) =>
        problemsOfValue(field?.values ?? 'object', item, `${at}["${key}"]`),
      );
    }
    case 'object':
      return typeof value === 'object' && value !== null ? [] : [`${at}: expected an object`];
    default:
      return problemsOfModel(type, value, at);
  }
}

function problemsOfModel(name: string, value: unknown, at: string): string[] {
  const model = sdkEnterpriseModels.models[name];
  if (!model) return [`${at}: no model ${name}`];
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [`${at}: expected a ${name} object`];
  const fields = value as Record<string, unknown>;
  if ('$body' in model) return problemsOfValue(model.$body!.type, value, at, model.$body);
  return Object.entries(model).flatMap(([wire, field]) => {
    if (fields[wire] === undefined || fields[wire] === null)
      return field.required ? [`${at}.${wire}: required by ${name}`] : [];
    return problemsOfValue(field.type, fields[wire], `${at}.${wire}`, field);
  });
}

/** What keeps the SDK's response model of an operation from reading this answer (none: it reads). */
export function problemsOf(operation: string, body: unknown): string[] {
  const response = sdkEnterpriseModels.operations[operation]?.response;
  if (response === undefined) return [`${operation}: not in the transcribed SDK`];
  if (response === null)
    return body === undefined || body === '' ? [] : [`${operation}: expected no body`];
  return problemsOfModel(response, body, operation);
}
