import { buildPath } from '@swr-console/swr-api';
import { iamEndpoints, type IamEndpointId } from './endpoints.js';
import { iamOperations, type IamAnswer, type IamInput } from './schemas.js';

/** One request to IAM, ready to be authenticated and sent. */
export interface IamRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * Sends a request and reads its answer: the caller decides how (signed with a key or carrying a
 * token, within a time limit, reading at most so many bytes). `body` is the parsed JSON, or
 * undefined when there was none or it was not JSON.
 */
export type IamTransport = (
  request: IamRequest,
) => Promise<{ status: number; headers: Headers; body: unknown }>;

/** IAM answered success with something that is not what the contract says. */
export class IamUnreadable extends Error {
  constructor(
    readonly operation: IamEndpointId,
    readonly url: string,
  ) {
    super(`${new URL(url).host} answered ${operation} with something unreadable`);
    this.name = 'IamUnreadable';
  }
}

export type IamResult<Id extends IamEndpointId> =
  | { ok: true; url: string; status: number; headers: Headers; body: IamAnswer<Id> }
  | { ok: false; url: string; status: number; headers: Headers };

export interface IamClient {
  call<Id extends IamEndpointId>(id: Id, input: IamInput<Id>): Promise<IamResult<Id>>;
}

/**
 * The typed IAM client: URLs from the endpoint table, request bodies as the contract types them,
 * success answers checked against their schemas. A refusal is a result (`ok: false`), for the
 * caller to tell "no" from "broken"; an unreadable success throws IamUnreadable.
 */
export function createIamClient(baseUrl: string, transport: IamTransport): IamClient {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    async call(id, input) {
      const endpoint = iamEndpoints[id];
      const { params, query, body } = input as {
        params?: Record<string, string>;
        query?: Record<string, string | undefined>;
        body?: unknown;
      };
      const search = new URLSearchParams(
        Object.entries(query ?? {}).filter(
          (entry): entry is [string, string] => entry[1] !== undefined,
        ),
      ).toString();
      const url = `${base}${buildPath(endpoint.path, params ?? {})}${search ? `?${search}` : ''}`;
      const answer = await transport({
        method: endpoint.method,
        url,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (answer.status < 200 || answer.status > 299)
        return { ok: false, url, status: answer.status, headers: answer.headers };
      const parsed = iamOperations[id].response.safeParse(answer.body);
      if (!parsed.success) throw new IamUnreadable(id, url);
      return {
        ok: true,
        url,
        status: answer.status,
        headers: answer.headers,
        body: parsed.data as IamAnswer<typeof id>,
      };
    },
  };
}
