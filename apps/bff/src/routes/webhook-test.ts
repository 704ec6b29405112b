import { randomUUID } from 'node:crypto';
import { WEBHOOK_TESTS_PER_MINUTE } from '@swr-console/contracts/bff';
import { bffOperations } from '@swr-console/contracts/bff/schemas';
import express, { Router, type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Logger } from 'pino';
import { HttpProblem, sendProblem, titleOf } from '../problem.js';
import { requestState } from '../request-state.js';
import { csrfProtection, requireSignIn, signedIn } from '../security.js';
import { testAddressProblem } from '../webhooks/addresses.js';
import { answerSecrets } from '../webhooks/secrets.js';
import { sendTestEvent, type TestOutcome } from '../webhooks/send.js';
import { sampleEvent, testHeaders } from '../webhooks/test-event.js';
import { checked, reply, serve } from './contract.js';

export interface WebhookTestOptions {
  /** Loopback targets are called only against the local sandbox (its receivers run there). */
  allowLoopback: boolean;
  log: Logger;
  /** Per session, a minute. */
  perMinute?: number;
  /** Tests in flight at once across all sessions; more get 503. */
  concurrent?: number;
  timeoutMs?: number;
}

/** What the audit record names: the receiver's origin (a path may carry a token). */
function originOf(address: string): string {
  try {
    return new URL(address).origin;
  } catch {
    return 'invalid address';
  }
}

const adminOnly: RequestHandler = (_req, res, next) => {
  if (!signedIn(res).identity.admin)
    throw new HttpProblem(
      403,
      titleOf(403),
      'Only the account or its administrators set up webhooks, and so send their test events.',
      { code: 'ADMIN_ONLY' },
    );
  next();
};

/**
 * `POST /api/webhook-test`: a sample PUSH_ARTIFACT event, POSTed by the BFF to the target given
 * (SWR has no test operation), and how the receiver answered. The auth header's values are used
 * for the request only: never logged, audited or answered.
 */
export function webhookTestRoutes({
  allowLoopback,
  log,
  perMinute = WEBHOOK_TESTS_PER_MINUTE,
  concurrent = 32,
  timeoutMs,
}: WebhookTestOptions): Router {
  const router = Router();
  let inFlight = 0;
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Per session (after requireSignIn there is one); not per address, so no proxy setting matters.
    keyGenerator: (_req, res) => signedIn(res).session.id,
    validate: { ip: false, trustProxy: false, xForwardedForHeader: false },
    handler: (_req, res) => {
      res.setHeader('retry-after', '60');
      sendProblem(res, {
        status: 429,
        title: titleOf(429),
        detail: `At most ${perMinute} test events a minute; wait a moment and send again.`,
        code: 'RATE_LIMITED',
      });
    },
  });

  serve(
    router,
    'SendWebhookTest',
    requireSignIn(),
    csrfProtection(),
    adminOnly,
    limiter,
    express.json({ limit: '16kb' }),
    async (req, res) => {
      const { identity } = signedIn(res);
      const { target, namespace } = checked(bffOperations.SendWebhookTest.body, req.body);
      requestState(res).audit = { action: 'WebhookTest', target: originOf(target.address) };
      const refusal = testAddressProblem(target.address, target.address_type, allowLoopback);
      if (refusal)
        throw new HttpProblem(400, titleOf(400), 'Some fields need attention.', {
          code: 'INVALID_INPUT',
          errors: [{ field: 'target.address', message: refusal }],
        });
      if (inFlight >= concurrent)
        throw new HttpProblem(
          503,
          titleOf(503),
          'Too many test events are being sent; try again shortly.',
          { code: 'BUSY' },
          { 'retry-after': '5' },
        );

      const now = new Date();
      const deliveryId = randomUUID();
      const body = JSON.stringify(sampleEvent({ namespace, operator: identity.userName, now }));
      const headers = testHeaders(target.auth_header, body, { deliveryId, now });
      // The body's schema already refused a header that does not parse.
      if (!headers) throw new Error('auth_header passed the schema but was refused');
      // The browser gone, the test is dropped: nobody is left to read how it went.
      const gone = new AbortController();
      res.on('close', () => gone.abort());
      // A browser that left while the request was being checked closed the response already.
      if (res.socket === null || res.socket.destroyed) gone.abort();
      inFlight += 1;
      let outcome: TestOutcome;
      try {
        outcome = await sendTestEvent(target, body, headers, {
          allowLoopback,
          signal: gone.signal,
          secrets: answerSecrets(target.auth_header),
          ...(timeoutMs !== undefined && { timeoutMs }),
        });
      } catch (error) {
        // sendTestEvent never rejects; should it, the target (and its headers) stays out of the log.
        log.error({ err: error instanceof Error ? error.name : 'unknown' }, 'webhook test failed');
        outcome = { ok: false, responseExcerpt: '', error: 'not sent', durationMs: 0 };
      } finally {
        inFlight -= 1;
      }
      reply(res, 'SendWebhookTest', {
        ok: outcome.ok,
        ...(outcome.statusCode !== undefined && { status_code: outcome.statusCode }),
        response_excerpt: outcome.responseExcerpt,
        ...(outcome.error !== undefined && { error: outcome.error }),
        duration_ms: outcome.durationMs,
        delivery_id: deliveryId,
      });
    },
  );
  return router;
}
