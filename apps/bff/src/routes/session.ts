import express, { Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Logger } from 'pino';
import { InvalidCredentials, signInBody, verifySignIn, type SignInBody } from '../auth/sign-in.js';
import { UpstreamUnavailable } from '../auth/upstream.js';
import { HttpProblem, sendProblem, titleOf } from '../problem.js';
import type { Topology } from '../regions.js';
import { csrfProtection, requireSignIn } from '../security.js';
import type { LoadedSession, Sessions } from '../session/sessions.js';

export interface SessionRouteOptions {
  topology: Topology;
  sessions: Sessions;
  timeoutMs: number;
  attempts: number;
  log: Logger;
}

/** What the console may know about who is signed in: never a key, a token or a password. */
function describeSession(topology: Topology, session: LoadedSession) {
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
      })),
    csrfToken: session.record.csrf,
  };
}

function accountKey(body: unknown): string {
  const candidate = body as Partial<SignInBody> | undefined;
  if (candidate?.method === 'aksk') return `ak:${candidate.accessKey ?? ''}`;
  if (candidate?.method === 'password') return `account:${candidate.accountName ?? ''}`;
  if (candidate?.method === 'sandbox') return `account:${candidate.account ?? ''}`;
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
  router.get('/api/config', (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json({
      profile: topology.sandboxUsers ? 'local' : 'huaweicloud',
      regions: topology.regions.map((region) => ({ id: region.id, registry: region.registry })),
      sandboxUsers: (topology.sandboxUsers ?? []).map(({ account, name, admin }) => ({
        account,
        name,
        admin,
      })),
    });
  });

  router.get('/api/csrf', async (_req, res) => {
    const session = await sessions.anonymous(res);
    res.setHeader('cache-control', 'no-store');
    res.json({ csrfToken: session.record.csrf });
  });

  router.post(
    '/api/session',
    express.json({ limit: '16kb' }),
    limiter,
    csrfProtection(),
    async (req, res) => {
      const parsed = signInBody.safeParse(req.body);
      if (!parsed.success) {
        throw new HttpProblem(400, titleOf(400), 'Some fields need attention.', {
          code: 'INVALID_INPUT',
          errors: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
        });
      }
      try {
        const { identity, credentials } = await verifySignIn(topology, parsed.data, timeoutMs);
        const session = await sessions.signIn(res, identity, credentials);
        log.info(
          { account: identity.accountName, user: identity.userName, method: identity.method },
          'signed in',
        );
        res.locals.audit = { action: 'SignIn', target: identity.userName };
        res
          .status(201)
          .setHeader('cache-control', 'no-store')
          .json(describeSession(topology, session));
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

  router.get('/api/session', requireSignIn(), (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json(describeSession(topology, res.locals.session as LoadedSession));
  });

  router.delete('/api/session', requireSignIn(), csrfProtection(), async (_req, res) => {
    res.locals.audit = {
      action: 'SignOut',
      target: (res.locals.session as LoadedSession).record.identity!.userName,
    };
    await sessions.signOut(res);
    res.status(204).end();
  });

  return router;
}
