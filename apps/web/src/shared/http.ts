import { ApiError, normalizeError, retryAfterOf } from '@swr-console/swr-api';

/** The CSRF token of the current session; every change the console sends carries it. */
let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/**
 * A call to the BFF's own endpoints (session, config, login commands, audit). Errors arrive as
 * problem details and become the same ApiError the SWR client throws.
 */
export async function bff<T>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method === 'GET' ? {} : csrfHeaders()),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'NETWORK', message: (error as Error).message });
  }
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const problem = normalizeError(body);
    throw new ApiError({
      status: response.status,
      code: problem.code,
      message: problem.message ?? `${method} ${path} failed with ${response.status}`,
      requestId: problem.requestId ?? response.headers.get('x-request-id') ?? undefined,
      fieldErrors: problem.fieldErrors,
      retryAfterSeconds: retryAfterOf(response.headers),
    });
  }
  return body as T;
}
