import type { ClientCommands } from '@swr-console/swr-api';
import { bff } from '../../shared/http';

export type LoginKind = 'temporary' | 'long-term';

export interface LoginCommandRequest {
  region: string;
  kind: LoginKind;
  /** Temporary logins only: 900 (15 minutes) to 86,400 (24 hours). */
  durationSeconds?: number;
}

export interface LoginCommand {
  registry: string;
  kind: LoginKind;
  username: string;
  password: string;
  /** Temporary logins only. */
  expiresAt?: string;
  commands: ClientCommands;
}

/** Issues a login; the BFF answers `no-store`, and the console keeps it only while it is shown. */
export function requestLoginCommand(request: LoginCommandRequest): Promise<LoginCommand> {
  return bff<LoginCommand>('/api/login-command', { method: 'POST', body: request });
}
