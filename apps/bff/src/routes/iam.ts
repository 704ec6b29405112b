import { Router } from 'express';
import { z } from 'zod';
import { callUpstream, readJson, UpstreamUnavailable } from '../auth/upstream.js';
import { HttpProblem, titleOf } from '../problem.js';
import type { Topology } from '../regions.js';
import { requireSignIn } from '../security.js';
import type { LoadedSession, Sessions } from '../session/sessions.js';

const usersAnswer = z.object({ users: z.array(z.object({ id: z.string(), name: z.string() })) });

/**
 * `GET /api/iam/users`: the account's IAM users (id and name only), to pick whom to grant
 * permissions. IAM answers this for administrators; others get its 403 and type the user in.
 */
export function iamRoutes(topology: Topology, sessions: Sessions, timeoutMs: number): Router {
  const router = Router();
  router.get('/api/iam/users', requireSignIn(), async (_req, res) => {
    const session = res.locals.session as LoadedSession;
    const credentials = sessions.credentials(session);
    if (!credentials)
      throw new HttpProblem(401, titleOf(401), 'The session could not be read; sign in again.', {
        code: 'SESSION_INVALID',
      });
    let response: Response;
    try {
      response = await callUpstream(credentials, { url: `${topology.iam}/v3/users`, timeoutMs });
    } catch (error) {
      if (error instanceof UpstreamUnavailable)
        throw new HttpProblem(502, titleOf(502), 'IAM could not be reached.', {
          code: 'UPSTREAM_UNREACHABLE',
        });
      throw error;
    }
    if (response.status === 403) {
      throw new HttpProblem(
        403,
        titleOf(403),
        'Only administrators can list the account’s users.',
        { code: 'IAM_FORBIDDEN' },
      );
    }
    if (!response.ok)
      throw new HttpProblem(502, titleOf(502), `IAM answered ${response.status}.`, {
        code: 'IAM_FAILED',
      });
    const answer = usersAnswer.safeParse(await readJson(response));
    if (!answer.success)
      throw new HttpProblem(502, titleOf(502), 'IAM answered something the console cannot read.', {
        code: 'IAM_FAILED',
      });
    res.setHeader('cache-control', 'no-store');
    res.json({ users: answer.data.users.map(({ id, name }) => ({ id, name })) });
  });
  return router;
}
