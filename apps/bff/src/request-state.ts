import type { Response } from 'express';
import type { LoadedSession } from './session/record.js';

/** What the BFF keeps about a request while serving it (Express's `res.locals`). */
export interface RequestState {
  /** Set first of all, for the X-Request-Id header, logs and problem details. */
  requestId?: string;
  /** The session the cookie names, when it is alive (`Sessions.load`). */
  session?: LoadedSession | undefined;
  /** What the audit record says the request did, when more than its method and path. */
  audit?: { action: string; target: string };
  /** The SWR operation a proxied call is. */
  operation?: string;
}

/** The one typed view of `res.locals`; everything the BFF keeps there is declared above. */
export function requestState(res: Response): RequestState {
  return res.locals;
}
