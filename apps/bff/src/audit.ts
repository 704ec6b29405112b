import type { Logger } from 'pino';
import type { RequestHandler } from 'express';
import { SAFE_METHODS } from './security.js';
import type { Identity } from './session/record.js';
import type { SessionStore } from './session/store.js';
import { requestState } from './request-state.js';

/**
 * One audit record per state-changing request of a signed-in user (and per sign-in): who, what,
 * on which target, with which result, when. Written once the answer is sent.
 */
export function auditTrail(store: SessionStore, log: Logger): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) && !req.path.startsWith('/api/login-command')) return next();
    const before = requestState(res).session?.record.identity;
    // The proxy rewrites req.url on its way upstream; the original path is what the user asked for.
    const [requested = ''] = req.originalUrl.split('?');
    res.on('finish', () => {
      const identity: Identity | undefined = requestState(res).session?.record.identity ?? before;
      if (!identity) return;
      const audit = requestState(res).audit;
      const operation = requestState(res).operation;
      store
        .audit({
          at: new Date().toISOString(),
          accountId: identity.accountId,
          userId: identity.userId,
          userName: identity.userName,
          method: req.method,
          action: audit?.action ?? operation ?? `${req.method} ${requested}`,
          target: audit?.target ?? requested.replace(/^\/api\/swr\//, ''),
          status: res.statusCode,
          requestId: requestState(res).requestId ?? '',
          ip: req.ip ?? '',
        })
        .catch((error: unknown) => log.error({ err: error }, 'audit record lost'));
    });
    next();
  };
}
