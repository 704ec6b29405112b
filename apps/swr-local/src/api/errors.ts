import { GatewayErrorCode } from '@swr-console/swr-api';

/** An error of the API gateway in front of SWR (authentication, unknown API), in its own body. */
export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'GatewayError';
  }

  toBody(requestId: string) {
    return { error_code: this.code, error_msg: this.message, request_id: requestId };
  }
}

export const unauthenticated = (message: string) =>
  new GatewayError(401, GatewayErrorCode.authFailed, message);
