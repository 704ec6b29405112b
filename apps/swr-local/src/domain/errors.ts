import { EnterpriseErrorCode, makeSwrError, SwrErrorCode } from '@swr-console/swr-api';

/** An error SWR itself answers, in its combined error body. */
export class SwrError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SwrError';
  }

  toBody() {
    return makeSwrError(this.code, this.message);
  }
}

export const invalidParameter = (message: string) =>
  new SwrError(400, SwrErrorCode.invalidParameter, message);
export const forbidden = (message = 'Insufficient permissions') =>
  new SwrError(403, SwrErrorCode.insufficientPermissions, message);
export const namespaceNotFound = (name: string) =>
  new SwrError(404, SwrErrorCode.namespaceNotFound, `Organization "${name}" does not exist`);
export const repositoryNotFound = (name: string) =>
  new SwrError(404, SwrErrorCode.repositoryNotFound, `Repository "${name}" does not exist`);
export const tagNotFound = (name: string) =>
  new SwrError(404, SwrErrorCode.tagNotFound, `Tag "${name}" does not exist`);

/** Enterprise errors carry their own codes and the plain body (see api/app.ts). */
export const entError = {
  invalid: (message: string) => new SwrError(400, EnterpriseErrorCode.invalidParameter, message),
  limit: (message: string) => new SwrError(400, EnterpriseErrorCode.limitExceeded, message),
  forbidden: (message: string) => new SwrError(403, EnterpriseErrorCode.forbidden, message),
  notFound: (message: string) => new SwrError(404, EnterpriseErrorCode.notFound, message),
  exists: (message: string) => new SwrError(409, EnterpriseErrorCode.exists, message),
  busy: (message: string) => new SwrError(409, EnterpriseErrorCode.busy, message),
  immutable: (message: string) => new SwrError(412, EnterpriseErrorCode.immutable, message),
  unavailable: (message: string) => new SwrError(503, EnterpriseErrorCode.unavailable, message),
};
