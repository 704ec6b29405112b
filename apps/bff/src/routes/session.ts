import type { BffAnswer } from '@swr-console/contracts/bff';
import { bffOperations } from '@swr-console/contracts/bff/schemas';
import express, { Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Logger } from 'pino';
import { InvalidCredentials, verifySignIn } from '../auth/sign-in.js';
import { UpstreamUnavailable } from '../auth/upstream.js';
import { HttpProblem, sendProblem, titleOf } from '../problem.js';
import { isSandbox, type Topology } from '../regions.js';
import { csrfProtection, requireSignIn, signedIn } from '../security.js';
import type { LoadedSession } from '../session/record.js';
import type { Sessions } from '../session/sessions.js';
import { checked, reply, serve } from './contract.js';
import { requestState } from '../request-state.js';

export interface SessionRouteOptions {
  topology: Topology;
  sessions: Sessions;
  timeoutMs: number;
  attempts: number;
  log: Logger;
}

/** What the console may know about who is signed in: never a key, a token or a password. */
function describeSession(topology: Topology, session: LoadedSession): BffAnswer<'ShowSession'> {
  const identity = session.record.identity!;
  return {
    signedIn: true,
    method: identity.method,
    account: { name: identity.accountName, id: identity.accountId },
    user: { name: identity.userName, id: identity.userId, admin: identity.admin },
    regions: topology.regions
      .filter((region) => identity.projects[region.id] !== undefined)
      .map((region) => ({
        id: region.id,
        projectId: identity.projects[region.id]!,
        registry: region.registry,
        api: region.api,
        kms: region.kms,
      })),
    csrfToken: session.record.csrf,
  };
}

/** Whose sign-in attempts a request counts against, read from the raw body before any check. */
function accountKey(body: unknown): string {
  const field = (name: string): string => {
    const value: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, name) : '';
    return typeof value === 'string' ? value : '';
  };
  if (field('method') === 'aksk') return `ak:${field('accessKey')}`;
  if (field('method') === 'password') return `account:${field('accountName')}`;
  if (field('method') === 'sandbox') return `account:${field('account')}`;
  return 'unknown';
}

/**
 * `/api/csrf` (a token for the sign-in form) and `/api/session`: sign in, who am I, sign out.
 * Sign-in attempts are limited per account and address; only failures count.
 */
export function sessionRoutes({
  topology,
  sessions,
  timeoutMs,
  attempts,
  log,
}: SessionRouteOptions): Router {
  const router = Router();
  const limiter = rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: attempts,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: true,
    // IPv6 addresses count per /56 network, so one host cannot rotate through its addresses.
    keyGenerator: (req) => `${accountKey(req.body)}|${ipKeyGenerator(req.ip ?? '')}`,
    handler: (_req, res) =>
      sendProblem(res, {
        status: 429,
        title: titleOf(429),
        detail: 'Too many sign-in attempts; wait a few minutes and try again.',
        code: 'RATE_LIMITED',
      }),
  });

  // What the sign-in page needs to know: the profile, the regions, and (local profile only) the
  // sandbox's users for one-click sign-in, by name; their keys never leave the BFF.
  serve(router, 'GetConfig', (_req, res) => {
    reply(res, 'GetConfig', {
      profile: isSandbox(topology) ? 'local' : 'huaweicloud',
      regions: topology.regions.map((region) => ({ id: region.id, registry: region.registry })),
      sandboxUsers: (topology.sandboxUsers ?? []).map(({ account, name, admin }) => ({
        account,
        name,
        admin,
      })),
    });
  });

  serve(router, 'GetCsrfToken', async (_req, res) => {
    const session = await sessions.anonymous(res);
    reply(res, 'GetCsrfToken', { csrfToken: session.record.csrf });
  });

  serve(
    router,
    'SignIn',
    express.json({ limit: '16kb' }),
    limiter,
    csrfProtection(),
    async (req, res) => {
      const body = checked(bffOperations.SignIn.body, req.body);
      try {
        const { identity, credentials } = await verifySignIn(topology, body, timeoutMs);
        const session = await sessions.signIn(res, identity, credentials);
        log.info(
          { account: identity.accountName, user: identity.userName, method: identity.method },
          'signed in',
        );
        requestState(res).audit = { action: 'SignIn', target: identity.userName };
        reply(res, 'SignIn', describeSession(topology, session));
      } catch (error) {
        if (error instanceof InvalidCredentials) {
          throw new HttpProblem(
            401,
            titleOf(401),
            'The credentials were not accepted. Check them and try again.',
            { code: 'SIGN_IN_FAILED' },
          );
        }
        if (error instanceof UpstreamUnavailable) {
          throw new HttpProblem(
            502,
            titleOf(502),
            'Identity service could not be reached; try again shortly.',
            { code: 'UPSTREAM_UNREACHABLE' },
          );
        }
        throw error;
      }
    },
  );

  serve(router, 'ShowSession', requireSignIn(), (_req, res) => {
    reply(res, 'ShowSession', describeSession(topology, signedIn(res).session));
  });

  serve(router, 'SignOut', requireSignIn(), csrfProtection(), async (_req, res) => {
    requestState(res).audit = { action: 'SignOut', target: signedIn(res).identity.userName };
    await sessions.signOut(res);
    reply(res, 'SignOut');
  });

  return router;
}
