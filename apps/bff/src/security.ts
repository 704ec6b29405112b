import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { HttpProblem } from './problem.js';
import type { Identity, LoadedSession } from './session/record.js';
import { requestState } from './request-state.js';

export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Security headers on every answer. Scripts only from the console itself; antd writes its styles
 * at run time, so inline styles are allowed (scripts are not).
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Cross-site request forgery defence on every state-changing request: the request must come from
 * this origin (Origin, or Sec-Fetch-Site when Origin is absent) and echo the session's
 * synchronizer token in X-CSRF-Token.
 */
export function csrfProtection(): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    const fromHere =
      origin !== undefined ? sameOrigin(origin, req.headers.host) : site === 'same-origin';
    if (!fromHere)
      throw new HttpProblem(
        403,
        'Forbidden',
        'The request did not come from this console (origin check failed).',
        { code: 'CSRF' },
      );
    const session = requestState(res).session;
    const token = req.headers['x-csrf-token'];
    if (!session || typeof token !== 'string' || !equal(token, session.record.csrf)) {
      throw new HttpProblem(
        403,
        'Forbidden',
        'The request lacks this session’s CSRF token; reload the page and try again.',
        { code: 'CSRF' },
      );
    }
    next();
  };
}

/** Every route behind this needs a signed-in session. */
export function requireSignIn(): RequestHandler {
  return (_req, res, next) => {
    const session = requestState(res).session;
    if (!session?.record.identity)
      throw new HttpProblem(401, 'Unauthorized', 'Sign in first.', { code: 'SIGN_IN_REQUIRED' });
    next();
  };
}

/** The signed-in session and who it is, for routes behind `requireSignIn`. */
export function signedIn(res: Response): { session: LoadedSession; identity: Identity } {
  const session = requestState(res).session;
  if (!session?.record.identity)
    throw new HttpProblem(401, 'Unauthorized', 'Sign in first.', { code: 'SIGN_IN_REQUIRED' });
  return { session, identity: session.record.identity };
}
