import { bffOperations } from '@swr-console/contracts/bff/schemas';
import { Router } from 'express';
import { requireSignIn, signedIn } from '../security.js';
import type { SessionStore } from '../session/store.js';
import { checked, reply, serve } from './contract.js';

/** `GET /api/audit`: administrators read their account's record, everyone else their own. */
export function auditRoutes(store: SessionStore): Router {
  const router = Router();
  serve(router, 'ListAuditEntries', requireSignIn(), async (req, res) => {
    const { limit, offset } = checked(bffOperations.ListAuditEntries.query, req.query, {
      detail: 'limit is 1–200 and offset at least 0.',
      prefix: 'query.',
    });
    const { identity } = signedIn(res);
    const page = await store.auditPage(
      identity.accountId,
      identity.admin ? undefined : identity.userId,
      limit,
      offset,
    );
    res.setHeader('Content-Range', `${offset}-${page.entries.length}/${page.total}`);
    reply(res, 'ListAuditEntries', page);
  });
  return router;
}
