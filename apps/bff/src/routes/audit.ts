import { Router } from 'express';
import { z } from 'zod';
import { HttpProblem, titleOf } from '../problem.js';
import { requireSignIn } from '../security.js';
import type { LoadedSession } from '../session/sessions.js';
import type { SessionStore } from '../session/store.js';

const query = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** `GET /api/audit`: administrators read their account's record, everyone else their own. */
export function auditRoutes(store: SessionStore): Router {
  const router = Router();
  router.get('/api/audit', requireSignIn(), async (req, res) => {
    const parsed = query.safeParse(req.query);
    if (!parsed.success) {
      throw new HttpProblem(400, titleOf(400), 'limit is 1–200 and offset at least 0.', {
        code: 'INVALID_INPUT',
        errors: parsed.error.issues.map((i) => ({
          field: `query.${i.path.join('.')}`,
          message: i.message,
        })),
      });
    }
    const identity = (res.locals.session as LoadedSession).record.identity!;
    const page = await store.auditPage(
      identity.accountId,
      identity.admin ? undefined : identity.userId,
      parsed.data.limit,
      parsed.data.offset,
    );
    res.setHeader('Content-Range', `${parsed.data.offset}-${page.entries.length}/${page.total}`);
    res.setHeader('cache-control', 'no-store');
    res.json(page);
  });
  return router;
}
