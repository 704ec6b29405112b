import { verifyRequest } from '@swr-console/apig-signer';
import {
  iamEndpoints,
  iamOperations,
  type IamEndpointId,
  type IamErrorBody,
  type IamReply,
} from '@swr-console/contracts/iam';
import { parseJson } from '@swr-console/swr-api';
import express, { type Express, type Request, type Response } from 'express';
import type { Services } from '../services.js';
import type { User } from './identity.js';

/** IAM tokens live 24 hours, as Huawei Cloud's do. */
const TOKEN_LIFETIME_MS = 24 * 3600 * 1000;

class IamError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function toUserBody(user: User): IamReply<'ShowUser'>['user'] {
  return {
    id: user.id,
    name: user.name,
    domain_id: user.domainId,
    enabled: true,
    pwd_status: true,
  };
}

/**
 * An error that is not IAM's own: the body reader's refusals (too large, unreadable) are the
 * request's fault and answered as such; anything else is IAM's.
 */
function requestError(error: unknown): IamError {
  const status: unknown = typeof error === 'object' && error ? Reflect.get(error, 'status') : 0;
  if (status === 413) return new IamError(413, 'IAM.0002', 'The request body is too large');
  if (typeof status === 'number' && status >= 400 && status < 500)
    return new IamError(status, 'IAM.0002', 'The request could not be read');
  return new IamError(500, 'IAM.0000', 'Internal error');
}

/**
 * The part of IAM a console needs: password sign-in for a project-scoped token, who am I, the users
 * and projects of the account, and which user an access key belongs to. Reads accept an IAM token
 * or an AK/SK signature, as IAM does.
 */
export function createIam(services: Services): Express {
  const { identity, clock } = services;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(express.raw({ type: () => true, limit: 64 * 1024 }));

  async function caller(req: Request): Promise<User> {
    const token = req.header('x-auth-token');
    if (token) {
      const info = identity.tokenInfo(token);
      if (!info || info.expiresAt <= clock())
        throw new IamError(401, 'IAM.0001', 'The token is invalid or has expired');
      return info.user;
    }
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
    );
    const result = await verifyRequest(
      { method: req.method, url: req.originalUrl, headers, body },
      (ak) => identity.secretKeyOf(ak)?.secretKey,
      clock(),
    );
    if (!result.ok) throw new IamError(401, 'IAM.0001', `Authentication failed (${result.reason})`);
    return identity.secretKeyOf(result.accessKey)!.user;
  }

  /** Users of the same account; someone else's details only for administrators. */
  function visibleUser(user: User, target: User | undefined): User {
    if (!target || target.domainId !== user.domainId)
      throw new IamError(404, 'IAM.0004', 'The user does not exist');
    if (target.id !== user.id && !user.isAdmin)
      throw new IamError(403, 'IAM.0003', 'You do not have permission to view other users');
    return target;
  }

  async function listProjects(req: Request): Promise<IamReply<'ListProjects'>> {
    const user = await caller(req);
    const name = typeof req.query.name === 'string' ? req.query.name : undefined;
    return {
      projects: identity
        .projectsOf(user.domainId)
        .filter((p) => name === undefined || p.region === name)
        .map((p) => ({
          id: p.id,
          name: p.region,
          domain_id: user.domainId,
          enabled: true,
          is_domain: false,
          parent_id: user.domainId,
        })),
    };
  }

  /** One handler per operation of the IAM contract; the compiler checks none is missing. */
  const handlers: {
    [Id in IamEndpointId]: (req: Request, res: Response) => IamReply<Id> | Promise<IamReply<Id>>;
  } = {
    CreateToken(req, res) {
      const parsed = iamOperations.CreateToken.body.safeParse(
        parseJson(Buffer.isBuffer(req.body) ? req.body.toString() : ''),
      );
      if (!parsed.success)
        throw new IamError(
          400,
          'IAM.0002',
          'The request body is not a valid password authentication request',
        );
      const { user: given } = parsed.data.auth.identity.password;
      const user = identity.authenticate(given.domain.name, given.name, given.password);
      if (!user) throw new IamError(401, 'IAM.0004', 'The username or password is wrong.');
      const scope = parsed.data.auth.scope;
      let project: { id: string; region: string } | undefined;
      if (scope && 'project' in scope) {
        const wanted = scope.project;
        project = identity
          .projectsOf(user.domainId)
          .find((p) => ('id' in wanted ? p.id === wanted.id : p.region === wanted.name));
        if (!project)
          throw new IamError(400, 'IAM.0005', 'The project does not exist in this account');
      }
      const issued = clock();
      const expires = new Date(issued.getTime() + TOKEN_LIFETIME_MS);
      const token = identity.issueToken(user.id, project?.id, expires);
      res.setHeader('X-Subject-Token', token);
      const domain = { id: user.domainId, name: user.domainName };
      return {
        token: {
          methods: ['password'],
          issued_at: issued.toISOString(),
          expires_at: expires.toISOString(),
          user: { id: user.id, name: user.name, domain, password_expires_at: '' },
          ...(project ? { project: { id: project.id, name: project.region, domain } } : { domain }),
          roles: user.isAdmin ? [{ id: 'te_admin', name: 'te_admin' }] : [],
          catalog: [],
        },
      };
    },

    async ShowToken(req, res) {
      await caller(req);
      const info = identity.tokenInfo(req.header('x-subject-token') ?? '');
      if (!info || info.expiresAt <= clock())
        throw new IamError(404, 'IAM.0006', 'The token does not exist or has expired');
      const project = info.projectId ? identity.projectById(info.projectId) : undefined;
      res.setHeader('X-Subject-Token', req.header('x-subject-token') ?? '');
      const domain = { id: info.user.domainId, name: info.user.domainName };
      return {
        token: {
          methods: ['password'],
          expires_at: info.expiresAt.toISOString(),
          user: { id: info.user.id, name: info.user.name, domain },
          ...(project ? { project: { id: project.id, name: project.region, domain } } : {}),
          roles: info.user.isAdmin ? [{ id: 'te_admin', name: 'te_admin' }] : [],
        },
      };
    },

    async ListAuthDomains(req) {
      const user = await caller(req);
      return { domains: [{ id: user.domainId, name: user.domainName, enabled: true }] };
    },

    ListProjects: listProjects,
    ListAuthProjects: listProjects,

    async ListUsers(req) {
      const user = await caller(req);
      if (!user.isAdmin)
        throw new IamError(
          403,
          'IAM.0003',
          'Only administrators can list the users of the account',
        );
      return { users: identity.usersOf(user.domainId).map(toUserBody) };
    },

    async ShowUser(req) {
      const user = await caller(req);
      return {
        user: toUserBody(visibleUser(user, identity.userById(String(req.params.user_id)))),
      };
    },

    async ListUserGroups(req) {
      const user = await caller(req);
      const target = visibleUser(user, identity.userById(String(req.params.user_id)));
      return {
        groups: target.isAdmin
          ? [
              {
                id: 'admin',
                name: 'admin',
                description: 'SWR Admin and Tenant Administrator',
                domain_id: target.domainId,
              },
            ]
          : [],
      };
    },

    async ShowCredential(req) {
      const user = await caller(req);
      const accessKey = String(req.params.access_key);
      const target = visibleUser(user, identity.secretKeyOf(accessKey)?.user);
      const key = identity.accessKeysOf(target.id).find((k) => k.access_key === accessKey)!;
      return {
        credential: {
          access: key.access_key,
          user_id: target.id,
          status: 'active',
          create_time: key.created_at,
          description: '',
        },
      };
    },
  };

  for (const id of Object.keys(iamEndpoints) as IamEndpointId[]) {
    const { method, path, status } = iamEndpoints[id];
    const route = path.replace(/\{([a-z_]+)\}/g, ':$1');
    app[method === 'GET' ? 'get' : 'post'](route, async (req: Request, res: Response) => {
      const body = await handlers[id](req, res);
      res.status(status).json(body);
    });
  }

  app.use((_req, _res) => {
    throw new IamError(404, 'IAM.0007', 'The API does not exist');
  });
  app.use((error: unknown, _req: Request, res: Response, _next: express.NextFunction) => {
    const known = error instanceof IamError ? error : requestError(error);
    if (known.status >= 500) services.log.error({ err: error }, 'IAM failed');
    const body: IamErrorBody = {
      error: {
        code: known.status,
        title: res.statusMessage || 'Error',
        message: known.message,
        error_code: known.code,
        error_msg: known.message,
      },
    };
    res.status(known.status).json(body);
  });
  return app;
}
