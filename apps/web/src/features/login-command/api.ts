import type { BffAnswer, BffInput } from '@swr-console/contracts/bff';
import { bff } from '../../shared/http';

export type LoginCommandRequest = BffInput<'CreateLoginCommand'>['body'];
export type LoginKind = LoginCommandRequest['kind'];
export type LoginCommand = BffAnswer<'CreateLoginCommand'>;

/** Issues a login; the BFF answers `no-store`, and the console keeps it only while it is shown. */
export function requestLoginCommand(request: LoginCommandRequest): Promise<LoginCommand> {
  return bff.call('CreateLoginCommand', { body: request });
}
