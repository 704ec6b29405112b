import { createIamClient, type IamClient } from '@swr-console/contracts/iam';
import { ApiError, createSwrClient, instance, type SwrClient } from '@swr-console/swr-api';
import { z } from 'zod';
import type { Response as ExpressResponse } from 'express';
import { HttpProblem, titleOf } from '../problem.js';
import { findRegion, type Region, type Topology } from '../regions.js';
import type { Identity } from '../session/record.js';
import type { Sessions } from '../session/sessions.js';
import type { Credentials } from '../session/vault.js';
import {
  ANSWER_LIMIT,
  callUpstream,
  ERROR_LIMIT,
  readAtMost,
  readJson,
  UpstreamUnavailable,
} from './upstream.js';
import { signedIn } from '../security.js';

/** Statuses whose answers have no body, which a Response may not be given. */
const EMPTY = new Set([204, 205, 304]);

/** Where the BFF's own calls go, and as whom: one region of the session. */
export interface RegionUpstream {
  identity: Identity;
  credentials: Credentials;
  region: Region;
  projectId: string;
  timeoutMs: number;
}

export interface UpstreamDeps {
  topology: Topology;
  sessions: Sessions;
  timeoutMs: number;
}

/** The session's credentials, opened; a session whose vault no longer opens is signed out. */
export async function sessionCredentials(res: ExpressResponse, sessions: Sessions) {
  const { session } = signedIn(res);
  const credentials = sessions.credentials(session);
  if (!credentials) {
    await sessions.signOut(res);
    throw new HttpProblem(401, titleOf(401), 'The session could not be read; sign in again.', {
      code: 'SESSION_INVALID',
    });
  }
  return credentials;
}

/**
 * The one preamble of every call the BFF makes to a region for the signed-in user (the proxy's
 * and its own): the region is configured, the credentials open, the account has a project there.
 */
export async function regionUpstream(
  res: ExpressResponse,
  deps: UpstreamDeps,
  regionId: string,
): Promise<RegionUpstream> {
  const region = findRegion(deps.topology, regionId);
  if (!region)
    throw new HttpProblem(400, titleOf(400), `Region "${regionId}" is not configured.`, {
      code: 'UNKNOWN_REGION',
    });
  const credentials = await sessionCredentials(res, deps.sessions);
  const { identity } = signedIn(res);
  const projectId = identity.projects[regionId];
  if (!projectId)
    throw new HttpProblem(403, titleOf(403), `Your account has no project in ${regionId}.`, {
      code: 'NO_PROJECT',
    });
  return { identity, credentials, region, projectId, timeoutMs: deps.timeoutMs };
}

/**
 * A fetch for the typed clients: it authenticates each call as the session's user, gives up after
 * the time limit, and reads at most so much of an answer (an error answer far less).
 */
function authenticatedFetch(
  credentials: Credentials | undefined,
  scope: { projectId?: string; region?: string; timeoutMs: number },
): typeof fetch {
  return async (input, init = {}) => {
    const url = String(input);
    const response = await callUpstream(credentials, {
      method: init.method ?? 'GET',
      url,
      body: typeof init.body === 'string' ? init.body : undefined,
      ...scope,
    });
    if (response.status < 200 || response.status > 599) {
      await response.body?.cancel().catch(() => undefined);
      throw new UpstreamUnavailable(url, new Error(`answered status ${response.status}`));
    }
    let data: Buffer | undefined;
    try {
      data = await readAtMost(response, response.ok ? ANSWER_LIMIT : ERROR_LIMIT);
    } catch (error) {
      // The time ran out or the connection broke while the answer was read.
      throw new UpstreamUnavailable(url, error);
    }
    // An error answer keeps its status even when its body is too long to read.
    if (!data && response.ok)
      throw new UpstreamUnavailable(url, new Error('answered more than the BFF reads'));
    return new Response(EMPTY.has(response.status) || !data ? null : data, {
      status: response.status,
      headers: response.headers,
    });
  };
}

/**
 * The typed SWR client of one region (or its key service) for the session's user: URLs, methods
 * and request bodies from the contract. What the BFF reads of an answer it reads with `readAs`
 * and the fields it needs of the contract's schema, so a field it does not use cannot fail it.
 */
export function swrClientOf(upstream: RegionUpstream, service: 'swr' | 'kms' = 'swr'): SwrClient {
  return createSwrClient({
    baseUrl: service === 'kms' ? upstream.region.kms : upstream.region.api,
    fetch: authenticatedFetch(upstream.credentials, {
      projectId: upstream.projectId,
      region: upstream.region.id,
      timeoutMs: upstream.timeoutMs,
    }),
  });
}

/**
 * SWR's answer, or the problem the console shows for it: unreachable is a 502, an answer outside
 * the contract a 502 naming the service, and SWR's refusal keeps SWR's status, code and message.
 */
export async function fromSwr<T>(
  call: Promise<T>,
  service: { name: string; unreadable: string } = { name: 'SWR', unreadable: 'SWR_UNREADABLE' },
): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 0)
      throw new HttpProblem(502, titleOf(502), `${service.name} could not be reached.`, {
        code: 'UPSTREAM_UNREACHABLE',
      });
    // A request the contract refuses was built from what the service itself answered before.
    if (error.code === 'RESPONSE_INVALID' || error.code === 'REQUEST_INVALID')
      throw new HttpProblem(
        502,
        titleOf(502),
        `${service.name} answered something the console cannot read.`,
        { code: service.unreadable },
      );
    throw new HttpProblem(
      error.status,
      titleOf(error.status),
      error.message || `${service.name} refused the request.`,
      { code: error.code ?? 'UPSTREAM_ERROR' },
    );
  }
}

/** The fields `schema` names of an answer, or a 502 naming the service when they are not there. */
export function readAs<S extends z.ZodType>(
  schema: S,
  answer: unknown,
  service: { name: string; unreadable: string } = { name: 'SWR', unreadable: 'SWR_UNREADABLE' },
): z.output<S> {
  const parsed = schema.safeParse(answer);
  if (parsed.success) return parsed.data;
  throw new HttpProblem(
    502,
    titleOf(502),
    `${service.name} answered something the console cannot read.`,
    { code: service.unreadable },
  );
}

const shownInstance = instance.pick({ access_address: true });
const instanceCredential = z.object({
  user_id: z.string().min(1),
  auth_token: z.string().min(1),
  expire_date: z.string().optional(),
});

/** A temporary login of an Enterprise instance, with the address of its registry. */
export async function instanceLogin(
  upstream: RegionUpstream,
  instanceId: string,
): Promise<{ username: string; password: string; expiresAt: string; registry: string }> {
  const swr = swrClientOf(upstream);
  const path = { project_id: upstream.projectId, instance_id: instanceId };
  const shown = readAs(shownInstance, (await fromSwr(swr.request('ShowInstance', { path }))).data);
  const login = readAs(
    instanceCredential,
    (await fromSwr(swr.request('CreateInstanceTempCredential', { path }))).data,
  );
  if (!shown.access_address)
    throw new HttpProblem(502, titleOf(502), 'SWR did not issue a login for the instance.', {
      code: 'NO_LOGIN',
    });
  return {
    username: login.user_id,
    password: login.auth_token,
    expiresAt: login.expire_date ?? '',
    registry: shown.access_address,
  };
}

/** The typed IAM client, as the session's user when there are credentials. */
export function iamClientOf(
  topology: Topology,
  credentials: Credentials | undefined,
  timeoutMs: number,
): IamClient {
  const send = authenticatedFetch(credentials, { timeoutMs });
  return createIamClient(topology.iam, async (request) => {
    try {
      const response = await send(request.url, request);
      return { status: response.status, headers: response.headers, body: await readJson(response) };
    } catch (error) {
      if (error instanceof UpstreamUnavailable) throw error;
      throw new UpstreamUnavailable(request.url, error);
    }
  });
}
