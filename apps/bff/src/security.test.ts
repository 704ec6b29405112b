import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, PUBLIC_ROUTES } from './app.js';
import { createLogger } from './logger.js';
import { SqliteSessionStore } from './session/store.js';
import { Vault } from './session/vault.js';
import { Browser, sandbox, sandboxUser, startBff, type RunningBff } from './testing/harness.js';

/** Every route the app declares, read from its router (nested routers included). */
function declaredRoutes(app: Express): { method: string; path: string }[] {
  const found: { method: string; path: string }[] = [];
  const walk = (stack: unknown[]) => {
    for (const layer of stack as {
      route?: { path: string; methods: Record<string, boolean> };
      handle?: { stack?: unknown[] };
    }[]) {
      if (layer.route) {
        const methods = Object.keys(layer.route.methods);
        // app.all: the methods a browser can send.
        const wanted = methods.length > 5 ? ['get', 'post', 'patch', 'put', 'delete'] : methods;
        for (const method of wanted)
          found.push({ method: method.toUpperCase(), path: layer.route.path });
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: unknown[] } }).router.stack);
  return found;
}

const concrete = (route: string) =>
  route
    .replace(':region', 'cn-north-4')
    .replace('{*rest}', 'v2/manage/namespaces')
    .replace('/{*path}', '/anything');

let bff: RunningBff;
let routes: { method: string; path: string }[];
let webDir: string;

beforeAll(async () => {
  webDir = mkdtempSync(path.join(tmpdir(), 'web-'));
  mkdirSync(path.join(webDir, 'assets'));
  writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>SWR Console</title>');
  writeFileSync(path.join(webDir, 'assets', 'index-abc123.js'), 'console.log(1)');
  bff = await startBff({ webDir });
  const endpoints = sandbox();
  const app = createApp({
    topology: endpoints,
    store: new SqliteSessionStore(path.join(mkdtempSync(path.join(tmpdir(), 'walk-')), 's.db')),
    vault: new Vault(randomBytes(32)),
    log: createLogger('silent'),
    webDir,
    idleSeconds: 60,
    maxSeconds: 3600,
    upstreamTimeoutMs: 1000,
    maxBodyBytes: 1024,
    signInAttempts: 5,
    trustProxy: false,
    insecureRegistries: true,
  });
  routes = declaredRoutes(app);
});
afterAll(() => bff?.stop());

describe('authentication by default', () => {
  it('when the router is walked, then it declares the routes this review knows of', () => {
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
      [
        ...PUBLIC_ROUTES,
        'GET /api/session',
        'DELETE /api/session',
        'POST /api/login-command',
        'GET /api/signatures/:region',
        'GET /api/regions-compare/:region',
        'GET /api/images/:region',
        'GET /api/retention-plans/:region',
        'GET /api/storage/:region',
        'GET /api/storage/:region/freed',
        'GET /api/audit',
        'GET /api/deletions',
        'POST /api/deletions/:id/undo',
        'POST /api/webhook-test',
        'GET /api/iam/users',
        'GET /{*path}',
        ...['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].map((m) => `${m} /api/swr/:region/{*rest}`),
      ].sort(),
    );
  });

  it('when any route outside the reviewed list is called without a session, then 401', async () => {
    const guarded = routes.filter(
      (r) =>
        !(PUBLIC_ROUTES as readonly string[]).includes(`${r.method} ${r.path}`) &&
        r.path !== '/{*path}',
    );
    expect(guarded.length).toBeGreaterThan(5);
    for (const route of guarded) {
      const answer = await new Browser(bff.url).request(route.method, concrete(route.path), {
        body: route.method === 'GET' ? undefined : {},
      });
      expect(answer.status, `${route.method} ${route.path}`).toBe(401);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('when an unknown API path is called without a session, then 401 too, not a hint of what exists', async () => {
    expect((await new Browser(bff.url).request('GET', '/api/nothing/here')).status).toBe(401);
  });
});

describe('CSRF', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = new Browser(bff.url);
    await browser.signInWithKey(sandboxUser());
  });

  it('when any state-changing route is called without the token, then 403 and nothing happens', async () => {
    const changing = routes.filter((r) => !['GET', 'HEAD'].includes(r.method));
    for (const route of changing) {
      const answer = await browser.request(route.method, concrete(route.path), {
        body: { namespace: 'csrf-victim' },
        csrf: false,
      });
      expect(answer.status, `${route.method} ${route.path}`).toBe(403);
      expect(answer.json()).toMatchObject({ code: 'CSRF' });
    }
    const orgs = (await browser.request('GET', '/api/swr/cn-north-4/v2/manage/namespaces')).json<{
      namespaces: { name: string }[];
    }>();
    expect(orgs.namespaces.map((n) => n.name)).not.toContain('csrf-victim');
  });

  it('when the token is right but the request comes from another site, then 403', async () => {
    const answer = await browser.request('POST', '/api/swr/cn-north-4/v2/manage/namespaces', {
      body: { namespace: 'x' },
      origin: 'https://evil.example',
    });
    expect(answer.status).toBe(403);
  });

  it('when there is no Origin, then Sec-Fetch-Site must say same-origin', async () => {
    const refused = await browser.request('DELETE', '/api/session', {
      origin: null,
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(refused.status).toBe(403);
    const bare = await browser.request('DELETE', '/api/session', { origin: null });
    expect(bare.status).toBe(403);
  });

  it('when signing in without the form’s token, then 403 (no login CSRF)', async () => {
    const answer = await new Browser(bff.url).request('POST', '/api/session', {
      body: { method: 'aksk', accessKey: 'a', secretKey: 'b' },
    });
    expect(answer.status).toBe(403);
  });
});

describe('security headers', () => {
  it.each([
    ['the HTML shell', '/'],
    ['a JavaScript asset', '/assets/index-abc123.js'],
    ['an API answer', '/api/csrf'],
    ['an API error', '/api/session'],
    ['a missing asset', '/assets/missing.js'],
  ])('when %s is served, then CSP, HSTS, nosniff and no-referrer are on it', async (_, target) => {
    const answer = await new Browser(bff.url).request('GET', target);
    const csp = answer.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(answer.headers.get('strict-transport-security')).toContain('max-age=31536000');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    expect(answer.headers.get('x-powered-by')).toBeNull();
  });

  it('when an error happens, then no stack trace leaves', async () => {
    const answer = await new Browser(bff.url).request('GET', '/api/audit?limit=0');
    expect(answer.text).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});
