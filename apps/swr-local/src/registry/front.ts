import { createHash } from 'node:crypto';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { Services } from '../services.js';
import type { User } from '../identity/identity.js';
import { parseScopes, type Access, type Action, type Subject, type TokenSigner } from './access.js';
import { manifestProblem } from '../domain/manifests.js';
import { imagePathOf, invalidReference, originForm, readBody } from './requests.js';
import type { ImageName, PushedManifest } from './events.js';

const TOKEN_LIFETIME_SECONDS = 300;
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const API_VERSION = { 'Docker-Distribution-API-Version': 'registry/2.0' };

/**
 * Whose registry a front guards: a region's Basic-edition registry or an Enterprise instance's.
 * It decides logins and permissions and records what was pushed, pulled and deleted.
 */
export interface RegistryBackend {
  /** `namespace/repository…` by this registry's name rules, or undefined. */
  splitName(name: string): ImageName | undefined;
  login(username: string, password: string, now: Date): User | undefined;
  allowed(subject: Subject, repository: string, now: Date): Action[];
  /** Before a push: make the repository exist; false when the user may not create it. */
  ensureRepository(image: ImageName, userId: string): boolean;
  /**
   * Before a manifest is written or deleted: why the registry's rules refuse it (an immutable
   * tag), or undefined to let it through.
   */
  refusal?(image: ImageName, change: ManifestChange): Refusal | undefined;
  /**
   * Runs a manifest write or deletion of one repository (its check, the registry's answer and the
   * record) in turn with the other changes of that repository, so that none interleaves with it.
   */
  exclusive?<T>(image: ImageName, task: () => Promise<T>): Promise<T>;
  manifestPushed(image: ImageName, pushed: PushedManifest): Promise<void>;
  manifestDeleted(image: ImageName, digest: string, userId: string): void;
  pulled(image: ImageName, reference: string, userId: string): void;
  /** The registry's own notification envelope. */
  notified(envelope: unknown): Promise<void>;
}

/** A manifest about to be written (at a tag or a digest), deleted (by digest) or read. */
export type ManifestChange =
  | { kind: 'push'; reference: string; digest: string }
  | { kind: 'delete'; digest: string }
  | { kind: 'pull'; reference: string };

/** A change the registry's rules refuse, in Distribution's error words. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
}

export interface FrontOptions {
  services: Services;
  tokens: TokenSigner;
  backend: RegistryBackend;
  /** The secret the registry presents when it reports events. */
  eventToken: string;
}

/**
 * What a docker or skopeo client talks to, like SWR's registry: token authentication with SWR's
 * login forms, SWR's permission checks, organizations and repositories created by a first push,
 * and every manifest written or deleted recorded for the SWR API.
 */
export class RegistryFront {
  private server: Server | undefined;
  private publicUrl = '';
  /** The region's Distribution registry, known once it runs (it needs the front's URL first). */
  upstream = '';

  constructor(private readonly options: FrontOptions) {}

  async listen(port = 0): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        // A client that went away mid-request is not a failure of the front. (Not `req.destroyed`:
        // a request read to its end is destroyed too, with its client still waiting.)
        if (req.socket.destroyed || res.destroyed) return void res.destroy();
        if (error instanceof RegistryDown) {
          if (res.headersSent) return void res.destroy();
          res.setHeader('Retry-After', '2');
          return send(res, 503, {
            errors: [
              {
                code: 'UNAVAILABLE',
                message: 'the registry is being restarted; try again in a few seconds',
              },
            ],
          });
        }
        this.options.services.log.error({ err: error, url: req.url }, 'registry front failed');
        if (!res.headersSent)
          send(res, 500, { errors: [{ code: 'UNKNOWN', message: 'internal error' }] });
        else res.destroy();
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => {
        this.server!.off('error', reject);
        resolve();
      });
    });
    const address = this.server.address() as { port: number };
    this.publicUrl = `http://127.0.0.1:${address.port}`;
    return this.publicUrl;
  }

  get host(): string {
    return this.publicUrl.replace('http://', '');
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = originForm(req.url, this.publicUrl);
    if (!url)
      return send(res, 400, {
        errors: [{ code: 'UNSUPPORTED', message: 'the request target is not a path' }],
      });
    if (url.pathname === '/service/token') return this.token(req, res, url);
    if (url.pathname === '/internal/events' && req.method === 'POST') return this.events(req, res);
    if (url.pathname === '/v2/' || url.pathname === '/v2') {
      if (!this.claims(req)) return this.challenge(res);
      return send(res, 200, {});
    }
    const target = imagePathOf(url.pathname);
    if (!target) return send(res, 404, { errors: [{ code: 'UNSUPPORTED', message: 'not found' }] });
    const { name, kind, rest } = target;
    const action: Action =
      req.method === 'GET' || req.method === 'HEAD'
        ? 'pull'
        : req.method === 'DELETE'
          ? 'delete'
          : 'push';

    const claims = this.claims(req);
    if (!claims)
      return this.challenge(res, `repository:${name}:${action === 'pull' ? 'pull' : 'pull,push'}`);
    // A token may name the same repository in several scopes; their actions add up.
    const granted = claims.access.filter((a) => a.name === name).flatMap((a) => a.actions);
    if (!granted.includes(action)) return denied(res);

    const image = this.options.backend.splitName(name);
    if (!image) return denied(res);
    const invalid = invalidReference(kind, rest);
    if (invalid) return send(res, 400, { errors: [invalid] });
    if (action === 'push') {
      const ready = this.options.backend.ensureRepository(image, claims.sub);
      if (!ready) return denied(res);
    }
    if (kind === 'manifests' && req.method === 'PUT')
      return this.putManifest(req, res, url, image, rest.slice(1), claims.sub);
    if (kind === 'manifests' && req.method === 'DELETE')
      return this.exclusive(image, () =>
        this.deleteManifest(req, res, url, image, rest.slice(1), claims.sub),
      );
    if (kind === 'manifests' && req.method === 'GET') {
      const refusal = this.options.backend.refusal?.(image, {
        kind: 'pull',
        reference: rest.slice(1),
      });
      if (refusal) return refuse(res, refusal);
    }
    await this.proxy(req, res, url, async (status) => {
      if (kind === 'manifests' && status === 200 && req.method === 'GET') {
        this.options.backend.pulled(image, rest.slice(1), claims.sub);
      }
    });
  }

  /** A change of a repository's manifests, in turn with its other changes (see `exclusive`). */
  private exclusive(image: ImageName, task: () => Promise<void>): Promise<void> {
    const { backend } = this.options;
    return backend.exclusive ? backend.exclusive(image, task) : task();
  }

  private async deleteManifest(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    image: ImageName,
    digest: string,
    userId: string,
  ): Promise<void> {
    const refusal = this.options.backend.refusal?.(image, { kind: 'delete', digest });
    if (refusal) return refuse(res, refusal);
    await this.proxy(req, res, url, async (status) => {
      if (status === 202) this.options.backend.manifestDeleted(image, digest, userId);
    });
  }

  private claims(req: IncomingMessage) {
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('Bearer ')) return undefined;
    return this.options.tokens.verify(header.slice(7), this.options.services.clock(), this.host);
  }

  private challenge(res: ServerResponse, scope?: string): void {
    const realm = `${this.publicUrl}/service/token`;
    res.setHeader(
      'WWW-Authenticate',
      `Bearer realm="${realm}",service="swr-local"${scope ? `,scope="${scope}"` : ''}`,
    );
    send(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] });
  }

  private token(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const { services, tokens, backend } = this.options;
    const now = services.clock();
    let subject: Subject = { user: undefined };
    const header = req.headers.authorization ?? '';
    if (header.startsWith('Basic ')) {
      const decoded = Buffer.from(header.slice(6), 'base64').toString();
      const at = decoded.indexOf(':');
      const user = backend.login(decoded.slice(0, at), decoded.slice(at + 1), now);
      if (!user) {
        res.setHeader('WWW-Authenticate', `Basic realm="swr-local"`);
        return send(res, 401, {
          errors: [
            {
              code: 'UNAUTHORIZED',
              message: 'authentication required: wrong user name or password',
            },
          ],
        });
      }
      subject = { user };
    }
    const access: Access[] = parseScopes(url.searchParams.getAll('scope')).map((wanted) => {
      const allowed = backend.allowed(subject, wanted.name, now);
      return { ...wanted, actions: wanted.actions.filter((a) => allowed.includes(a)) };
    });
    const token = tokens.issue(
      subject.user?.id ?? 'anonymous',
      access,
      now,
      TOKEN_LIFETIME_SECONDS,
      this.host,
    );
    send(res, 200, {
      token,
      access_token: token,
      expires_in: TOKEN_LIFETIME_SECONDS,
      issued_at: now.toISOString(),
    });
  }

  private async events(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.authorization !== `Bearer ${this.options.eventToken}`)
      return send(res, 401, {});
    const body = await readBody(req, MAX_MANIFEST_BYTES);
    if (body === undefined) return send(res, 413, {});
    try {
      await this.options.backend.notified(JSON.parse(body.toString()) as unknown);
    } catch (error) {
      this.options.services.log.warn({ err: error }, 'registry event not understood');
    }
    send(res, 200, {});
  }

  private async putManifest(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    image: ImageName,
    reference: string,
    pusher: string,
  ): Promise<void> {
    const body = await readBody(req, MAX_MANIFEST_BYTES);
    if (body === undefined) {
      return send(res, 413, { errors: [{ code: 'SIZE_INVALID', message: 'manifest too large' }] });
    }
    const problem = manifestProblem(body.toString('utf8'));
    if (problem)
      return send(res, 400, { errors: [{ code: 'MANIFEST_INVALID', message: problem }] });
    // The body is read first, so a slow client does not hold the repository's turn.
    return this.exclusive(image, async () => {
      const refusal = this.options.backend.refusal?.(image, {
        kind: 'push',
        reference,
        digest: `sha256:${createHash('sha256').update(body).digest('hex')}`,
      });
      if (refusal) return refuse(res, refusal);
      await this.proxy(
        req,
        res,
        url,
        async (status, headers) => {
          if (status !== 201) return;
          const digest = String(headers['docker-content-digest'] ?? '');
          await this.options.backend.manifestPushed(image, {
            reference,
            digest,
            body: body.toString('utf8'),
            contentType: req.headers['content-type'],
            pusher,
          });
        },
        body,
      );
    });
  }

  /**
   * Forwards a request to the registry and its answer back. `after` runs once the registry has
   * answered and before the client sees the answer, so a client that saw success can rely on the
   * SWR API knowing it.
   */
  private proxy(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    after: (status: number, headers: IncomingMessage['headers']) => Promise<void>,
    body?: Buffer,
  ): Promise<void> {
    const headers = { ...req.headers };
    delete headers.authorization;
    delete headers.host;
    delete headers.connection;
    if (body) headers['content-length'] = String(body.length);
    return new Promise((resolve, reject) => {
      const upstream = httpRequest(
        `${this.upstream}${url.pathname}${url.search}`,
        { method: req.method, headers },
        (answer) => {
          const status = answer.statusCode ?? 502;
          if (status >= 500) {
            // The registry's own failure names paths inside swr-local's data folder: not for clients.
            answer.resume();
            this.options.services.log.warn({ status, url: url.pathname }, 'the registry failed');
            send(res, 500, {
              errors: [{ code: 'UNKNOWN', message: 'the registry could not complete the request' }],
            });
            return resolve();
          }
          after(status, answer.headers)
            .then(() => {
              res.writeHead(status, answer.headers);
              answer.pipe(res);
              answer.on('end', resolve);
              answer.on('error', reject);
            })
            .catch(reject);
        },
      );
      upstream.on('error', (error) => reject(new RegistryDown(error)));
      if (body) upstream.end(body);
      else req.pipe(upstream);
    });
  }
}

/** The registry behind the front could not be reached (it is being restarted). */
class RegistryDown extends Error {
  constructor(cause: unknown) {
    super('the registry could not be reached', { cause });
    this.name = 'RegistryDown';
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...API_VERSION,
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function refuse(res: ServerResponse, refusal: Refusal): void {
  send(res, refusal.status, { errors: [{ code: refusal.code, message: refusal.message }] });
}

/** SWR's own words for a refused pull or push, as docker prints them. */
function denied(res: ServerResponse): void {
  send(res, 403, { errors: [{ code: 'DENIED', message: 'you do not have the permission' }] });
}
