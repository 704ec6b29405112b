import { deriveLoginKey } from '@swr-console/apig-signer';
import { bffOperations } from '@swr-console/contracts/bff/schemas';
import { loginCommands } from '@swr-console/swr-api';
import express, { Router } from 'express';
import { instanceLogin, regionUpstream } from '../auth/clients.js';
import { HttpProblem, titleOf } from '../problem.js';
import { temporaryLogin } from '../registry/login.js';
import type { Topology } from '../regions.js';
import { requestState } from '../request-state.js';
import { csrfProtection, requireSignIn } from '../security.js';
import type { Sessions } from '../session/sessions.js';
import { checked, reply, serve } from './contract.js';

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
  serve(
    router,
    'CreateLoginCommand',
    requireSignIn(),
    csrfProtection(),
    express.json({ limit: '4kb' }),
    async (req, res) => {
      const {
        region: regionId,
        kind,
        durationSeconds,
        instance,
      } = checked(bffOperations.CreateLoginCommand.body, req.body);
      const upstream = await regionUpstream(res, { topology, sessions, timeoutMs }, regionId);
      const { credentials, region } = upstream;

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
        ({ username, password, expiresAt, registry } = await instanceLogin(upstream, instance));
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
        ({ username, password, expiresAt } = await temporaryLogin(upstream, durationSeconds));
      }
      requestState(res).audit = {
        action: `LoginCommand:${kind}`,
        target: instance === undefined ? regionId : `${regionId}/${instance}`,
      };
      res.setHeader('pragma', 'no-cache');
      reply(res, 'CreateLoginCommand', {
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
