import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pino } from 'pino';
import { startRegistry, type RegistryProcess } from '../registry/process.js';

const run = promisify(execFile);

/** How a front asks for credentials: Bearer tokens from its own `/token`, or Basic. */
export interface FrontAuth {
  scheme: 'bearer' | 'basic';
  username: string;
  password: string;
}

export interface NotifiedEvent {
  action: string;
  repository: string;
  tag?: string;
  useragent?: string;
}

/**
 * A real Distribution registry behind a small front on loopback, as a registry is met in the
 * field: the front asks for credentials (if told to), pages tag lists (Distribution 2.8 ignores
 * `n`, as registries that page do not), records what it is asked and what the registry notifies.
 */
export interface TestRegistry {
  /** The front's origin, which the registry also names in its upload locations. */
  url: string;
  /** `127.0.0.1:port` of the front, for skopeo's `docker://` references. */
  host: string;
  /** The registry process itself, on another port, without the front. */
  direct: string;
  process: RegistryProcess;
  /** `METHOD /path?query` of each request the front took, in order. */
  requests: string[];
  /** The query of each token request. */
  tokenRequests: URLSearchParams[];
  /** What the registry notified, with the agent of the request that caused it. */
  events: NotifiedEvent[];
  /** While it returns true for a request, the front holds it unanswered (a stalled registry). */
  hold?: (request: IncomingMessage) => boolean;
  stop(): Promise<void>;
}

export interface TestRegistryOptions {
  auth?: FrontAuth;
  tls?: { key: string; cert: string };
  /** Seconds a token lasts. */
  tokenSeconds?: number;
}

const IMAGE_PATH = /^\/v2\/(.+?)\/(?:manifests|blobs|tags)\//;

export async function startTestRegistry(options: TestRegistryOptions = {}): Promise<TestRegistry> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'replication-'));
  const tokens = new Map<string, { scopes: Set<string>; expiresAt: number }>();
  let tokensIssued = 0;
  const held = new Set<IncomingMessage>();
  let upstream = '';
  const registry: Omit<TestRegistry, 'process' | 'stop'> & { process?: RegistryProcess } = {
    url: '',
    host: '',
    direct: '',
    requests: [],
    tokenRequests: [],
    events: [],
  };

  const granted = (request: IncomingMessage, url: URL): boolean => {
    const auth = options.auth;
    if (!auth) return true;
    const header = request.headers.authorization ?? '';
    if (auth.scheme === 'basic') return header === basicOf(auth.username, auth.password);
    const token = tokens.get(header.replace(/^Bearer /, ''));
    if (!token || token.expiresAt <= Date.now()) return false;
    return neededScopes(request.method ?? 'GET', url).every((scope) => token.scopes.has(scope));
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', registry.url);
    if (url.pathname === '/token') return token(request, response, url);
    registry.requests.push(`${request.method} ${url.pathname}${url.search}`);
    if (!granted(request, url)) return challenge(response, url);
    if (registry.hold?.(request)) {
      held.add(request);
      request.once('close', () => held.delete(request));
      return;
    }
    const pageSize = Number(url.searchParams.get('n'));
    if (url.pathname.endsWith('/tags/list') && pageSize > 0)
      return pagedTags(response, url, pageSize);
    forward(request, response, `${upstream}${url.pathname}${url.search}`);
  };

  const token = (request: IncomingMessage, response: ServerResponse, url: URL) => {
    registry.tokenRequests.push(url.searchParams);
    const auth = options.auth!;
    if (request.headers.authorization !== basicOf(auth.username, auth.password)) {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED' }] }));
      return;
    }
    const value = randomUUID();
    const lifetime = options.tokenSeconds ?? 300;
    tokens.set(value, {
      scopes: new Set(url.searchParams.getAll('scope').flatMap(scopesOf)),
      expiresAt: Date.now() + lifetime * 1000,
    });
    // Token services answer with either field; both are read.
    const field = tokensIssued++ % 2 === 0 ? 'token' : 'access_token';
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ [field]: value, expires_in: lifetime }));
  };

  const challenge = (response: ServerResponse, url: URL) => {
    const auth = options.auth!;
    const name = IMAGE_PATH.exec(url.pathname)?.[1];
    response.writeHead(401, {
      'content-type': 'application/json',
      'docker-distribution-api-version': 'registry/2.0',
      'www-authenticate':
        auth.scheme === 'basic'
          ? 'Basic realm="test registry"'
          : `Bearer realm="${registry.url}/token",service="test-registry"${name ? `,scope="repository:${name}:pull"` : ''}`,
    });
    response.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'log in' }] }));
  };

  const pagedTags = async (response: ServerResponse, url: URL, pageSize: number) => {
    const all = await fetch(`${upstream}${url.pathname}`).then(
      (answer) => answer.json() as Promise<{ tags: string[] | null }>,
    );
    const last = url.searchParams.get('last');
    const rest = [...(all.tags ?? [])].sort().filter((tag) => !last || tag > last);
    const page = rest.slice(0, pageSize);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (rest.length > pageSize)
      headers.link = `<${url.pathname}?n=${pageSize}&last=${page.at(-1)}>; rel="next"`;
    response.writeHead(200, headers);
    response.end(JSON.stringify({ name: IMAGE_PATH.exec(url.pathname)?.[1], tags: page }));
  };

  const server: Server = options.tls
    ? https.createServer(options.tls, (q, s) => void handle(q, s).catch(() => s.destroy()))
    : http.createServer((q, s) => void handle(q, s).catch(() => s.destroy()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  registry.url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  registry.host = `127.0.0.1:${port}`;
  const registryProcess = await startRegistry({
    region: 'replication-test',
    dataDir,
    publicUrl: registry.url,
    // Apart from the front, so that a front over https needs no certificate trust in the registry.
    notificationUrl: `http://127.0.0.1:${await eventSink(registry.events, server)}/events`,
    notificationToken: 'test',
    log: pino({ level: 'silent' }),
  });
  upstream = registryProcess.url;
  registry.direct = registryProcess.url;
  return Object.assign(registry, {
    process: registryProcess,
    stop: async () => {
      for (const request of held) request.destroy();
      await registryProcess.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  }) as TestRegistry;
}

/** A plain-http listener for the registry's notifications, closed with the front. */
async function eventSink(events: NotifiedEvent[], front: Server): Promise<number> {
  const sink = http.createServer((request, response) => notified(request, response, events));
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  front.once('close', () => {
    sink.closeAllConnections();
    sink.close();
  });
  return (sink.address() as { port: number }).port;
}

function notified(request: IncomingMessage, response: ServerResponse, events: NotifiedEvent[]) {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const envelope = JSON.parse(Buffer.concat(chunks).toString() || '{}') as {
      events?: {
        action: string;
        target?: { repository?: string; tag?: string };
        request?: { useragent?: string };
      }[];
    };
    for (const event of envelope.events ?? [])
      events.push({
        action: event.action,
        repository: event.target?.repository ?? '',
        tag: event.target?.tag,
        useragent: event.request?.useragent,
      });
    response.end();
  });
}

function forward(request: IncomingMessage, response: ServerResponse, target: string): void {
  const headers = { ...request.headers };
  delete headers.authorization;
  delete headers.host;
  const upstream = http.request(target, { method: request.method, headers }, (answer) => {
    response.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(response);
  });
  upstream.on('error', () => response.destroy());
  response.on('close', () => {
    if (!response.writableFinished) upstream.destroy();
  });
  request.pipe(upstream);
}

/** `repository:a/b:pull,push` → `a/b:pull`, `a/b:push`. */
function scopesOf(scope: string): string[] {
  const [type, name, actions] = [
    scope.slice(0, scope.indexOf(':')),
    scope.slice(scope.indexOf(':') + 1, scope.lastIndexOf(':')),
    scope.slice(scope.lastIndexOf(':') + 1),
  ];
  return type === 'repository' ? actions.split(',').map((action) => `${name}:${action}`) : [];
}

function neededScopes(method: string, url: URL): string[] {
  const name = IMAGE_PATH.exec(url.pathname)?.[1];
  if (!name) return [];
  const action = method === 'GET' || method === 'HEAD' ? 'pull' : 'push';
  const from = url.searchParams.get('from');
  return [
    `${name}:${action}`,
    ...(action === 'push' ? [`${name}:pull`] : []),
    ...(from ? [`${from}:pull`] : []),
  ];
}

export function basicOf(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** skopeo with an auth file of its own (never the user's); throws with its stderr on failure. */
export async function skopeo(...args: string[]): Promise<string> {
  // A file that does not exist: skopeo reads no credentials but those it is given.
  const authFile = path.join(tmpdir(), `replication-skopeo-${randomUUID()}.json`);
  const { stdout } = await run('skopeo', args, {
    env: { ...process.env, REGISTRY_AUTH_FILE: authFile },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

/** A self-signed certificate for 127.0.0.1, made with openssl. */
export async function selfSignedCertificate(): Promise<{ key: string; cert: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tls-'));
  const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
  ]);
  const pair = { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
  rmSync(dir, { recursive: true, force: true });
  return pair;
}
