import './linear-regexps.js';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PUBLIC_BFF_ROUTES } from '@swr-console/contracts/bff';
import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { auditTrail } from './audit.js';
import { Deletions } from './deletions/deletions.js';
import { requestLog } from './logger.js';
import { HttpProblem, problemHandler, titleOf } from './problem.js';
import { Admission, sessionShare, type AdmissionLimits } from './proxy/admission.js';
import { DEFAULT_LIMITS } from './proxy/limits.js';
import { swrProxy } from './proxy/swr-proxy.js';
import { isSandbox, type Topology } from './regions.js';
import { auditRoutes } from './routes/audit.js';
import { deletionRoutes } from './routes/deletions.js';
import { iamRoutes } from './routes/iam.js';
import { loginCommandRoutes } from './routes/login-command.js';
import { sessionRoutes } from './routes/session.js';
import { signatureRoutes } from './routes/signatures.js';
import { regionsCompareRoutes } from './routes/regions-compare.js';
import { imageRoutes } from './routes/images.js';
import { retentionPlanRoutes } from './routes/retention-plans.js';
import { storageRoutes } from './routes/storage.js';
import { webhookTestRoutes } from './routes/webhook-test.js';
import { csrfProtection, requireSignIn, securityHeaders } from './security.js';
import { Sessions } from './session/sessions.js';
import { within, type SessionStore } from './session/store.js';
import type { Vault } from './session/vault.js';
import { requestState } from './request-state.js';

export interface AppDeps {
  topology: Topology;
  store: SessionStore;
  vault: Vault;
  log: Logger;
  /** The built SPA (apps/web/dist). */
  webDir: string;
  idleSeconds: number;
  maxSeconds: number;
  upstreamTimeoutMs: number;
  maxBodyBytes: number;
  signInAttempts: number;
  trustProxy: boolean;
  /** The regions' registries speak plain HTTP (the local sandbox). */
  insecureRegistries: boolean;
  /** Sockets per region, each session's share and the queue (defaults: see DEFAULT_LIMITS). */
  limits?: Partial<AdmissionLimits>;
  /** True once the process is shutting down: answers close their connections, readyz says 503. */
  draining?: () => boolean;
  /** How long a deletion the console sends is held for undo (0: sent at once). Default 10 s. */
  undoWindowMs?: number;
}

/**
 * Routes that answer without a signed-in session, reviewed one by one: health for the load
 * balancer, the CSRF token and the sign-in itself, and the static console (no data in it).
 */
export const PUBLIC_ROUTES = ['GET /healthz', 'GET /readyz', ...PUBLIC_BFF_ROUTES];

/** Builds the BFF; `server.ts` alone listens. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', deps.trustProxy);
  const sessions = new Sessions({
    store: deps.store,
    vault: deps.vault,
    idleSeconds: deps.idleSeconds,
    maxSeconds: deps.maxSeconds,
  });

  const admission = new Admission({
    ...DEFAULT_LIMITS,
    maxWaitMs: deps.upstreamTimeoutMs,
    ...deps.limits,
  });
  const draining = deps.draining ?? (() => false);
  // Every replica sends what is due; `app.locals.deletions.stop()` ends that at shutdown.
  const deletions = new Deletions({
    store: deps.store,
    vault: deps.vault,
    topology: deps.topology,
    windowMs: deps.undoWindowMs ?? 10_000,
    timeoutMs: deps.upstreamTimeoutMs,
    log: deps.log,
  });
  deletions.start();
  app.locals.deletions = deletions;

  app.use((req, res, next) => {
    if (draining()) res.setHeader('connection', 'close');
    const requestId = randomUUID();
    requestState(res).requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    next();
  });
  app.use(securityHeaders());
  // The console's hashed files first: a page loads dozens of them, and none needs the session,
  // the audit trail or a line in the log.
  serveAssets(app, deps.webDir);
  app.use(requestLog(deps.log));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (draining()) {
      res.status(503).json({ status: 'shutting down' });
      return;
    }
    const checks = await Promise.allSettled([
      within(deps.store.ping()),
      Promise.any(
        deps.topology.regions.map((region) =>
          fetch(`${region.api}/`, { signal: AbortSignal.timeout(2000) }).then((answer) =>
            answer.body?.cancel(),
          ),
        ),
      ),
    ]);
    const [store, regions] = checks.map((check) => check.status === 'fulfilled');
    res
      .status(store && regions ? 200 : 503)
      .json({ sessionStore: store ? 'ok' : 'down', regions: regions ? 'ok' : 'unreachable' });
  });

  app.use(sessions.load());
  app.use(auditTrail(deps.store, deps.log));
  app.use(
    sessionRoutes({
      topology: deps.topology,
      sessions,
      timeoutMs: deps.upstreamTimeoutMs,
      attempts: deps.signInAttempts,
      log: deps.log,
    }),
  );

  // Everything else under /api needs a session (and, to change anything, the CSRF token).
  app.use('/api', requireSignIn(), csrfProtection(), sessionShare(admission));
  app.all(
    '/api/swr/:region/{*rest}',
    swrProxy({
      topology: deps.topology,
      sessions,
      admission,
      maxBodyBytes: deps.maxBodyBytes,
      timeoutMs: deps.upstreamTimeoutMs,
      secure: deps.topology.regions.some((region) => region.api.startsWith('https:')),
      deletions,
    }),
  );
  app.use(deletionRoutes(deletions));
  app.use(
    loginCommandRoutes({
      topology: deps.topology,
      sessions,
      timeoutMs: deps.upstreamTimeoutMs,
      insecureRegistries: deps.insecureRegistries,
    }),
  );
  app.use(
    signatureRoutes({
      topology: deps.topology,
      sessions,
      timeoutMs: deps.upstreamTimeoutMs,
      insecureRegistries: deps.insecureRegistries,
    }),
  );
  app.use(
    regionsCompareRoutes({
      topology: deps.topology,
      sessions,
      timeoutMs: deps.upstreamTimeoutMs,
    }),
  );
  app.use(
    imageRoutes({
      topology: deps.topology,
      sessions,
      timeoutMs: deps.upstreamTimeoutMs,
      insecureRegistries: deps.insecureRegistries,
    }),
  );
  app.use(
    retentionPlanRoutes({
      topology: deps.topology,
      sessions,
      timeoutMs: deps.upstreamTimeoutMs,
      insecureRegistries: deps.insecureRegistries,
    }),
  );
  app.use(
    storageRoutes({
      topology: deps.topology,
      sessions,
      timeoutMs: deps.upstreamTimeoutMs,
      insecureRegistries: deps.insecureRegistries,
    }),
  );
  app.use(webhookTestRoutes({ allowLoopback: isSandbox(deps.topology), log: deps.log }));
  app.use(auditRoutes(deps.store));
  app.use(iamRoutes(deps.topology, sessions, deps.upstreamTimeoutMs));
  app.use('/api', () => {
    throw new HttpProblem(404, titleOf(404), 'No such API.');
  });

  serveConsole(app, deps.webDir);
  // Whatever no route took (an asterisk or absolute-form target, say) is still answered in kind.
  app.use(() => {
    throw new HttpProblem(404, titleOf(404), 'Nothing is here.');
  });
  app.use(
    problemHandler((error, requestId) =>
      deps.log.error({ err: error, requestId }, 'request failed'),
    ),
  );
  return app;
}

/** An asset file name as the build writes them: no folders, nothing to traverse. */
const ASSET_NAME = /^\/[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

/**
 * Sends the Brotli or gzip copy the build wrote next to an asset when the browser takes it,
 * with the asset's own type; anything else falls through to the plain file.
 */
function precompressed(dir: string): RequestHandler {
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !ASSET_NAME.test(req.path))
      return next();
    const file = path.join(dir, req.path);
    // Brotli when taken at all (it is smaller), whatever order the browser lists them in.
    const encoding = req.acceptsEncodings('br')
      ? 'br'
      : req.acceptsEncodings('gzip')
        ? 'gzip'
        : false;
    const suffix = encoding === 'br' ? '.br' : encoding === 'gzip' ? '.gz' : undefined;
    res.vary('Accept-Encoding');
    if (!suffix || !existsSync(file) || !existsSync(file + suffix)) return next();
    res.type(path.extname(file));
    res.setHeader('content-encoding', encoding as string);
    res.sendFile(file + suffix, { immutable: true, maxAge: '1y' }, (error) => {
      if (error) next(error);
    });
  };
}

/** The console's files are only ever read: any other method is told so, in problem details. */
const readOnly: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD') return next();
  res.setHeader('allow', 'GET, HEAD');
  throw new HttpProblem(405, titleOf(405), `${req.method} is not allowed here.`);
};

/** Hashed assets never change under the same name: cached for a year, Brotli or gzip when taken. */
function serveAssets(app: Express, webDir: string): void {
  app.use('/assets', readOnly, precompressed(path.join(webDir, 'assets')));
  app.use(
    '/assets',
    express.static(path.join(webDir, 'assets'), {
      immutable: true,
      maxAge: '1y',
      fallthrough: false,
    }),
  );
}

function serveConsole(app: Express, webDir: string): void {
  app.use(readOnly);
  // The HTML must always be fresh.
  app.use(express.static(webDir, { index: false, maxAge: '1h' }));
  const indexHtml = path.join(webDir, 'index.html');
  app.get('/{*path}', (_req, res) => {
    if (!existsSync(indexHtml)) {
      res.status(503).type('text/plain').send('The console is not built yet: run npm run build.');
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(indexHtml);
  });
}
