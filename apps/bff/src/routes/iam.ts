import { IamUnreadable } from '@swr-console/contracts/iam';
import { Router } from 'express';
import { iamClientOf, sessionCredentials } from '../auth/clients.js';
import { UpstreamUnavailable } from '../auth/upstream.js';
import { HttpProblem, titleOf } from '../problem.js';
import type { Topology } from '../regions.js';
import { requireSignIn } from '../security.js';
import type { Sessions } from '../session/sessions.js';
import { reply, serve } from './contract.js';

/**
 * `GET /api/iam/users`: the account's IAM users (id and name only), to pick whom to grant
 * permissions. IAM answers this for administrators; others get its 403 and type the user in.
 */
export function iamRoutes(topology: Topology, sessions: Sessions, timeoutMs: number): Router {
  const router = Router();
  serve(router, 'ListIamUsers', requireSignIn(), async (_req, res) => {
    const credentials = await sessionCredentials(res, sessions);
    let result;
    try {
      result = await iamClientOf(topology, credentials, timeoutMs).call('ListUsers', {});
    } catch (error) {
      if (error instanceof UpstreamUnavailable)
        throw new HttpProblem(502, titleOf(502), 'IAM could not be reached.', {
          code: 'UPSTREAM_UNREACHABLE',
        });
      if (error instanceof IamUnreadable)
        throw new HttpProblem(
          502,
          titleOf(502),
          'IAM answered something the console cannot read.',
          { code: 'IAM_FAILED' },
        );
      throw error;
    }
    if (result.status === 403) {
      throw new HttpProblem(
        403,
        titleOf(403),
        'Only administrators can list the account’s users.',
        { code: 'IAM_FORBIDDEN' },
      );
    }
    if (!result.ok)
      throw new HttpProblem(502, titleOf(502), `IAM answered ${result.status}.`, {
        code: 'IAM_FAILED',
      });
    reply(res, 'ListIamUsers', { users: result.body.users.map(({ id, name }) => ({ id, name })) });
  });
  return router;
}
