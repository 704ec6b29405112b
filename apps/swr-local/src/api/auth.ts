import { verifyRequest, type VerifyFailure } from '@swr-console/apig-signer';
import type { Identity, User } from '../identity/identity.js';
import { GatewayError, unauthenticated } from './errors.js';

export interface Principal {
  user: User;
  projectId: string;
}

export interface IncomingCall {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

const reasons: Record<VerifyFailure, string> = {
  'missing-authorization':
    'Incorrect IAM authentication information: Authorization header not found',
  'malformed-authorization':
    'Incorrect IAM authentication information: the Authorization header is malformed',
  'unknown-access-key': 'Incorrect IAM authentication information: the access key does not exist',
  'missing-date': 'Incorrect IAM authentication information: X-Sdk-Date not found',
  'date-out-of-range':
    'Incorrect IAM authentication information: X-Sdk-Date is more than 15 minutes away from the server time',
  'unsigned-required-header':
    'Incorrect IAM authentication information: a required header is not signed',
  'signature-mismatch': 'Incorrect IAM authentication information: verify aksk signature fail',
};

/**
 * Authenticates a call as the gateway in front of SWR does: an IAM token scoped to this region's
 * project, or an SDK-HMAC-SHA256 signature (with `X-Project-Id`, when sent, of this region).
 */
export async function authenticate(
  call: IncomingCall,
  identity: Identity,
  region: string,
  now: Date,
): Promise<Principal> {
  const token = call.headers['x-auth-token'];
  if (token !== undefined) {
    const info = identity.tokenInfo(token);
    if (!info)
      throw unauthenticated('Incorrect IAM authentication information: the token is invalid');
    if (info.expiresAt <= now) throw new GatewayError(401, 'APIGW.0307', 'The token has expired');
    const project = info.projectId && identity.projectById(info.projectId);
    if (!project || project.region !== region) {
      throw unauthenticated(
        `Incorrect IAM authentication information: the token is not scoped to a project of ${region}`,
      );
    }
    return { user: info.user, projectId: project.id };
  }

  const result = await verifyRequest(
    { method: call.method, url: call.url, headers: call.headers, body: call.body },
    (accessKey) => identity.secretKeyOf(accessKey)?.secretKey,
    now,
  );
  if (!result.ok) {
    throw unauthenticated(
      result.reason === 'missing-authorization'
        ? 'Incorrect IAM authentication information: neither X-Auth-Token nor an AK/SK signature was sent'
        : reasons[result.reason],
    );
  }
  const user = identity.secretKeyOf(result.accessKey)!.user;
  const projectId = identity.projectOf(user.domainId, region);
  if (!projectId) throw unauthenticated(`The account has no project in ${region}`);
  const claimed = call.headers['x-project-id'];
  if (claimed !== undefined && claimed !== projectId) {
    throw unauthenticated(
      `Incorrect IAM authentication information: project ${claimed} is not the account's project in ${region}`,
    );
  }
  return { user, projectId };
}
