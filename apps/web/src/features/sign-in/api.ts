import { bff, setCsrfToken } from '../../shared/http';
import type { Session } from '../../shared/session';

export type SignInRequest =
  | { method: 'aksk'; accessKey: string; secretKey: string; projectId?: string }
  | { method: 'password'; accountName: string; userName: string; password: string }
  | { method: 'sandbox'; account: string; userName: string };

/** Signs in: a CSRF token for the form first, then the credentials; the session's token after. */
export async function signIn(request: SignInRequest): Promise<Session> {
  const { csrfToken } = await bff.call('GetCsrfToken');
  setCsrfToken(csrfToken);
  const session = await bff.call('SignIn', { body: request });
  setCsrfToken(session.csrfToken);
  return session;
}
