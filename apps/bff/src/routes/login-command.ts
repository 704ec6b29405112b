import { deriveLoginKey } from '@swr-console/apig-signer';
import { loginCommands } from '@swr-console/swr-api';
import express, { Router } from 'express';
import { z } from 'zod';
import { callUpstream, instanceLogin, UpstreamUnavailable } from '../auth/upstream.js';
import { HttpProblem, titleOf } from '../problem.js';
import { findRegion, type Topology } from '../regions.js';
import { csrfProtection, requireSignIn } from '../security.js';
import type { LoadedSession, Sessions } from '../session/sessions.js';

const body = z.object({
  region: z.string().min(1),
  kind: z.enum(['temporary', 'long-term']),
  /** Seconds a temporary login lasts (15 minutes to 24 hours; SWR's default otherwise). */
  durationSeconds: z.number().int().min(900).max(86_400).optional(),
  /** An Enterprise instance: its own registry, with a temporary login of the instance. */
  instance: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/, 'Not an instance id.')
    .optional(),
});

export interface LoginCommandOptions {
  topology: Topology;
  sessions: Sessions;
  timeoutMs: number;
  insecureRegistries: boolean;
}

/**
 * `POST /api/login-command`: docker / nerdctl / ctr login for a region, only when asked, never
 * cached. Temporary logins come from SWR's utils/secret; long-term ones are derived from the
 * session's access key (so only access-key sessions have them).
 */
export function loginCommandRoutes({
  topology,
  sessions,
  timeoutMs,
  insecureRegistries,
}: LoginCommandOptions): Router {
  const router = Router();
  router.post(
    '/api/login-command',
    requireSignIn(),
    csrfProtection(),
    express.json({ limit: '4kb' }),
    async (req, res) => {
      const parsed = body.safeParse(req.body);
      if (!parsed.success) {
        throw new HttpProblem(400, titleOf(400), 'Some fields need attention.', {
          code: 'INVALID_INPUT',
          errors: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
        });
      }
      const { region: regionId, kind, durationSeconds, instance } = parsed.data;
      const region = findRegion(topology, regionId);
      const session = res.locals.session as LoadedSession;
      const projectId = session.record.identity!.projects[regionId];
      if (!region || !projectId)
        throw new HttpProblem(400, titleOf(400), `Region "${regionId}" is not available to you.`, {
          code: 'UNKNOWN_REGION',
        });
      const credentials = sessions.credentials(session);
      if (!credentials)
        throw new HttpProblem(401, titleOf(401), 'The session could not be read; sign in again.', {
          code: 'SESSION_INVALID',
        });

      let username: string;
      let password: string;
      let expiresAt: string | undefined;
      let registry = region.registry;
      if (instance !== undefined) {
        if (kind !== 'temporary' || durationSeconds !== undefined)
          throw new HttpProblem(
            400,
            titleOf(400),
            'An instance gives temporary logins of its own length (6 hours) only.',
            { code: 'INVALID_INPUT', errors: [{ field: 'kind', message: 'Use "temporary".' }] },
          );
        const login = await instanceLogin(credentials, {
          api: region.api,
          projectId,
          region: regionId,
          instance,
          timeoutMs,
        });
        ({ username, password, expiresAt, registry } = login);
      } else if (kind === 'long-term') {
        if (credentials.kind !== 'aksk') {
          throw new HttpProblem(
            400,
            titleOf(400),
            'A long-term login is derived from an access key; sign in with one, or use a temporary login.',
            {
              code: 'NEEDS_ACCESS_KEY',
            },
          );
        }
        username = `${regionId}@${credentials.accessKey}`;
        password = deriveLoginKey(credentials.accessKey, credentials.secretKey);
      } else {
        const query = new URLSearchParams({
          projectname: regionId,
          ...(durationSeconds ? { duration_seconds: String(durationSeconds) } : {}),
        });
        let response: Response;
        try {
          response = await callUpstream(credentials, {
            method: 'POST',
            url: `${region.api}/v2/manage/utils/secret?${query}`,
            projectId,
            region: regionId,
            timeoutMs,
          });
        } catch (error) {
          if (error instanceof UpstreamUnavailable)
            throw new HttpProblem(502, titleOf(502), 'SWR could not be reached.', {
              code: 'UPSTREAM_UNREACHABLE',
            });
          throw error;
        }
        // Only the headers carry the login; the body is not read, so it is let go at once.
        await response.body?.cancel().catch(() => undefined);
        const command = response.headers.get('x-swr-dockerlogin');
        const match = command ? / -u (\S+) -p (\S+)/.exec(command) : null;
        if (!response.ok || !match) {
          throw new HttpProblem(
            response.ok ? 502 : response.status,
            titleOf(response.ok ? 502 : response.status),
            'SWR did not issue a login.',
            { code: 'NO_LOGIN' },
          );
        }
        [, username, password] = match as unknown as [string, string, string];
        expiresAt = response.headers.get('x-swr-expireat') ?? undefined;
      }
      res.locals.audit = {
        action: `LoginCommand:${kind}`,
        target: instance === undefined ? regionId : `${regionId}/${instance}`,
      };
      res.setHeader('cache-control', 'no-store');
      res.setHeader('pragma', 'no-cache');
      res.json({
        region: regionId,
        registry,
        kind,
        username,
        password,
        ...(expiresAt ? { expiresAt } : {}),
        commands: loginCommands({
          registry,
          username,
          password,
          insecure: insecureRegistries,
        }),
      });
    },
  );
  return router;
}
