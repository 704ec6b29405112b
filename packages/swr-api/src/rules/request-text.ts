import { endpoints, type EndpointId } from '../wire/endpoints.js';
import { wireRequest, type SwrCall } from '../wire/call.js';
import { repositoryInPath } from '../wire/paths.js';
import { SDK_PACKAGE, SDK_VERSION, sdkModels } from './sdk-models.js';

/** Where the calls go: the region, its SWR API and key service, the project of the account. */
export interface CallTarget {
  region: string;
  /** Base URL of the region's SWR API. */
  api: string;
  /** Base URL of the region's key service, for key operations. */
  kms: string;
  projectId: string;
}

/**
 * Path parameters as SWR's paths write them: a repository's `/` as `$` (the SDK and the CLI put
 * the value in the path as it is given).
 */
function pathParameters(call: SwrCall): Record<string, string | number> {
  const path = { ...call.input.path };
  if (typeof path.repository === 'string') path.repository = repositoryInPath(path.repository);
  return path;
}

const isKms = (operation: EndpointId) =>
  (endpoints[operation] as { edition?: string }).edition === 'kms';

function baseUrl(operation: EndpointId, target: CallTarget): string {
  return (isKms(operation) ? target.kms : target.api).replace(/\/+$/, '');
}

/** The calls as one JSON document: method, path, query and body of each, never a credential. */
export function callsAsJson(calls: SwrCall[]): string {
  const described = calls.map((call) => {
    const request = wireRequest(call);
    return {
      operation: request.operation,
      method: request.method,
      path: request.path,
      ...(request.search !== '' && { query: request.query }),
      ...(call.input.body !== undefined && { body: call.input.body }),
    };
  });
  return JSON.stringify(described.length === 1 ? described[0] : described, null, 2);
}

/** Where a long command goes on: one word per line, as shells continue lines. */
const LINE = ' \\\n  ';

/** A POSIX shell word that stays what it is: single quotes, with any quote closed and escaped. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * The environment variables a curl line reads its signature from (the console never signs them):
 * numbered from 1 when there are several calls, since each request has its own signature.
 */
export function curlSignature(index: number, count: number) {
  const suffix = count > 1 ? `_${index + 1}` : '';
  return { date: `X_SDK_DATE${suffix}`, authorization: `SDK_AUTHORIZATION${suffix}` };
}

/**
 * Each call as a curl command against the region's endpoint. The signature is SDK-HMAC-SHA256 over
 * the method, path, query, the signed headers and the body, made with the user's AK/SK: the lines
 * read it from environment variables instead of holding it. The project is named as the console's
 * own calls name it.
 */
export function callsAsCurl(calls: SwrCall[], target: CallTarget): string {
  const commands = calls.map((call, index) => {
    const request = wireRequest(call);
    const url = `${baseUrl(call.operation, target)}${request.path}${request.search}`;
    const signature = curlSignature(index, calls.length);
    const lines = [
      `curl -X ${request.method} ${shellQuote(url)}`,
      `-H 'Content-Type: application/json'`,
      `-H ${shellQuote(`X-Project-Id: ${target.projectId}`)}`,
      `-H "X-Sdk-Date: $${signature.date}"`,
      `-H "Authorization: $${signature.authorization}"`,
      ...(request.body === undefined ? [] : [`--data-raw ${shellQuote(request.body)}`]),
    ];
    return lines.join(LINE);
  });
  const first = curlSignature(0, calls.length);
  const last = curlSignature(calls.length - 1, calls.length);
  const names =
    calls.length > 1
      ? `${first.date}…${last.date.replace('X_SDK_DATE', '')} and ${first.authorization}…${last.authorization.replace('SDK_AUTHORIZATION', '')}, one pair per request`
      : `${first.date} and ${first.authorization}`;
  return [
    `# Sign each request with SDK-HMAC-SHA256 and your AK/SK (signed headers: content-type;host;x-project-id;x-sdk-date),`,
    `# then set ${names}: the date as 20261203T102030Z, the header as "SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…".`,
    ...commands,
  ].join('\n');
}

const STANDARD_ENDPOINT = /^https:\/\/[a-z]+(?:-api)?\.[a-z0-9-]+\.myhuaweicloud\.com$/;

/** KooCLI's flags for a value: nested fields joined with `.`, array items numbered from 1. */
function flagsOf(prefix: string, value: unknown): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [`--${prefix}=[]`];
    return value.flatMap((item, index) => flagsOf(`${prefix}.${index + 1}`, item));
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return [`--${prefix}={}`];
    return entries.flatMap(([name, item]) => flagsOf(`${prefix}.${name}`, item));
  }
  return [`--${prefix}=${typeof value === 'string' ? shellQuote(value) : String(value)}`];
}

/**
 * Each call as a KooCLI command (`hcloud SWR <Operation>`): path, query and body parameters as
 * flags, nested body fields with dots and array items numbered from 1. A body that is an array,
 * or whose field names clash with path or query parameters, goes in a `--cli-jsonInput` file.
 */
export function callsAsKooCli(calls: SwrCall[], target: CallTarget): string {
  return calls
    .map((call) => {
      const service = isKms(call.operation) ? 'KMS' : 'SWR';
      const endpoint = baseUrl(call.operation, target);
      const system = [
        `--cli-region=${shellQuote(target.region)}`,
        `--cli-project-id=${shellQuote(target.projectId)}`,
        ...(STANDARD_ENDPOINT.test(endpoint) ? [] : [`--cli-endpoint=${shellQuote(endpoint)}`]),
      ];
      const parameters = { ...pathParameters(call), ...call.input.query };
      const body = call.input.body;
      const clash =
        typeof body === 'object' &&
        body !== null &&
        Object.keys(body).some((name) => name in parameters);
      if (Array.isArray(body) || clash) {
        const file = `${service}_${call.operation}.json`;
        const json = {
          ...(call.input.path && { path: pathParameters(call) }),
          ...(call.input.query && { query: call.input.query }),
          body,
        };
        return [
          `cat > ${file} <<'JSON'`,
          JSON.stringify(json, null, 2),
          'JSON',
          [`hcloud ${service} ${call.operation}`, ...system, `--cli-jsonInput=${file}`].join(LINE),
        ].join('\n');
      }
      const flags = [
        ...Object.entries(parameters)
          .filter(([, value]) => value !== undefined && value !== null)
          .flatMap(([name, value]) => flagsOf(name, value)),
        // An object's fields are flags; any other body (SWR has none) is one `--body` flag.
        ...(body === undefined
          ? []
          : typeof body === 'object' && body !== null
            ? Object.entries(body).flatMap(([name, value]) =>
                value === undefined ? [] : flagsOf(name, value),
              )
            : flagsOf('body', body)),
      ];
      return [`hcloud ${service} ${call.operation}`, ...system, ...flags].join(LINE);
    })
    .join('\n');
}

/** Why an SDK snippet cannot be written for a call, or the snippet. */
export type SdkSnippet = { snippet: string } | { missing: 'operation' | 'field'; name: string };

class Unwritable extends Error {
  constructor(
    readonly missing: 'operation' | 'field',
    readonly what: string,
  ) {
    super(`no SDK ${missing} ${what}`);
  }
}

const lowerFirst = (name: string) => `${name[0]!.toLowerCase()}${name.slice(1)}`;

/** A value as TypeScript: a model built with its `with…` setters, or a literal. */
function valueCode(
  value: unknown,
  model: string | undefined,
  indent: string,
  used: Set<string>,
): string {
  if (model === undefined) return JSON.stringify(value);
  const [name, many] = model.endsWith('[]') ? [model.slice(0, -2), true] : [model, false];
  if (many) {
    if (!Array.isArray(value)) return JSON.stringify(value);
    const inner = `${indent}  `;
    const items = value.map((item): string => `${inner}${valueCode(item, name, inner, used)},`);
    return items.length === 0 ? '[]' : `[\n${items.join('\n')}\n${indent}]`;
  }
  return modelCode(name, value as Record<string, unknown>, indent, used);
}

function modelCode(
  name: string,
  fields: Record<string, unknown>,
  indent: string,
  used: Set<string>,
): string {
  const setters = sdkModels[name];
  if (!setters) throw new Unwritable('field', name);
  used.add(name);
  const inner = `${indent}  `;
  const calls = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([wire, value]) => {
      const setter = setters[wire];
      if (!setter) throw new Unwritable('field', wire);
      const [method, model] = setter.split(':') as [string, string | undefined];
      return `\n${inner}.${method}(${valueCode(value, model, inner, used)})`;
    });
  return `new ${name}()${calls.join('')}`;
}

/**
 * The calls as a TypeScript program with the official Node SDK: credentials from the environment,
 * one request model per call built with its setters. Operations the SDK has no call for (the
 * Enterprise edition's and the key service's, in the version the console is checked against)
 * and fields its models lack are named instead.
 */
export function callsAsSdk(calls: SwrCall[], target: CallTarget): SdkSnippet {
  const used = new Set<string>();
  const statements: string[] = [];
  try {
    for (const call of calls) {
      const requestModel = `${call.operation}Request`;
      if (!sdkModels[requestModel]) throw new Unwritable('operation', call.operation);
      const fields = { ...pathParameters(call), ...call.input.query, body: call.input.body };
      const request = modelCode(requestModel, fields, '  ', used);
      statements.push(
        `console.log(await client.${lowerFirst(call.operation)}(\n  ${request},\n));`,
      );
    }
  } catch (error) {
    if (error instanceof Unwritable) return { missing: error.missing, name: error.what };
    throw error;
  }
  const models = [...used, 'SwrClient'].sort();
  const snippet = [
    `// ${SDK_PACKAGE} ${SDK_VERSION} with @huaweicloud/huaweicloud-sdk-core; the keys come from the environment.`,
    `import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core';`,
    `import { ${models.join(', ')} } from '${SDK_PACKAGE}';`,
    '',
    'const credentials = new BasicCredentials()',
    '  .withAk(process.env.HUAWEICLOUD_SDK_AK!)',
    '  .withSk(process.env.HUAWEICLOUD_SDK_SK!)',
    `  .withProjectId(${JSON.stringify(target.projectId)});`,
    'const client = SwrClient.newBuilder()',
    '  .withCredential(credentials)',
    `  .withEndpoint(${JSON.stringify(target.api.replace(/\/+$/, ''))})`,
    '  .build();',
    '',
    ...statements,
    '',
  ].join('\n');
  return { snippet };
}
