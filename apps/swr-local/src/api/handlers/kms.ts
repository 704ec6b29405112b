import { KmsErrorCode } from '@swr-console/swr-api';
import { createKey, findKey, KeyProblem, keysOf, toKmsKey } from '../../enterprise/keys.js';
import type { Principal } from '../auth.js';
import { SwrError } from '../../domain/errors.js';
import type { Handlers } from '../handler.js';

const MAX_KEYS_PAGE = 1000;

function owner(principal: Principal, projectId: string, region: string) {
  if (projectId !== principal.projectId)
    throw new SwrError(403, KmsErrorCode.forbidden, 'The project is not the caller’s project.');
  return { domainId: principal.user.domainId, region };
}

/** The key service stand-in: signing keys per account and region, public halves only. */
export const kmsHandlers: Pick<Handlers, 'CreateKey' | 'ListKeys' | 'ShowPublicKey'> = {
  CreateKey({ principal, params, region, body, services, now }) {
    const keyOwner = owner(principal, params.project_id, region);
    if (!principal.user.isAdmin)
      throw new SwrError(403, KmsErrorCode.forbidden, 'Only administrators can create keys.');
    try {
      const key = createKey(
        services.db,
        keyOwner,
        {
          alias: body.key_alias,
          spec: body.key_spec,
          description: body.key_description ?? '',
        },
        now,
      );
      return { body: { key_info: { key_id: key.id, domain_id: key.domain_id } } };
    } catch (error) {
      if (error instanceof KeyProblem)
        throw new SwrError(error.status, KmsErrorCode.invalidParameter, error.message);
      throw error;
    }
  },

  ListKeys({ principal, params, region, body, services }) {
    const keyOwner = owner(principal, params.project_id, region);
    // Every key of the stand-in is enabled (state "2"); asking for another state finds none.
    const all =
      body.key_state === undefined || body.key_state === '2'
        ? keysOf(services.db, keyOwner.domainId, keyOwner.region).filter(
            (key) => body.key_spec === undefined || key.spec === body.key_spec,
          )
        : [];
    const start = Number(body.marker || 0);
    const limit = Math.min(Number(body.limit ?? MAX_KEYS_PAGE) || MAX_KEYS_PAGE, MAX_KEYS_PAGE);
    const keys = all.slice(start, start + limit);
    const truncated = start + limit < all.length;
    return {
      body: {
        keys: keys.map((key) => key.id),
        key_details: keys.map(toKmsKey),
        next_marker: truncated ? String(start + limit) : '',
        truncated: truncated ? 'true' : 'false',
        total: all.length,
      },
    };
  },

  ShowPublicKey({ principal, params, region, body, services }) {
    const key = findKey(services.db, owner(principal, params.project_id, region), body.key_id);
    if (!key)
      throw new SwrError(404, KmsErrorCode.keyNotFound, `The key "${body.key_id}" does not exist.`);
    return { body: { key_id: key.id, public_key: key.public_key } };
  },
};
