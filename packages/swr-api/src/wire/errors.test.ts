import { describe, expect, it } from 'vitest';
import { makeSwrError, normalizeError, SwrErrorCode } from './error-bodies.js';

describe('normalizeError', () => {
  it('when SWR answers the combined object, then code and message are read', () => {
    const body = makeSwrError(SwrErrorCode.namespaceNotFound, 'Namespace not found');
    expect(normalizeError(body)).toEqual({
      code: 'SVCSTG.SWR.4040058',
      message: 'Namespace not found',
    });
  });

  it('when the combined object is emitted, then it carries both the old and the new keys', () => {
    const body = makeSwrError('SVCSTG.SWR.4030170', 'Insufficient permissions', {
      encodedAuthorizationMessage: 'opaque',
    });
    expect(body.errors?.[0]).toMatchObject({
      errorCode: 'SVCSTG.SWR.4030170',
      errorMessage: 'Insufficient permissions',
    });
    expect(body.details?.[0]).toEqual({
      error_code: 'SVCSTG.SWR.4030170',
      error_msg: 'Insufficient permissions',
    });
    expect(body.encoded_authorization_message).toBe('opaque');
  });

  it('when an older region answers the bare array, then its first item is read', () => {
    expect(
      normalizeError([
        {
          errorCode: 'SVCSTG.SWR.4001048',
          errorMessage: 'Failed to get Token from Context',
          detail: '',
        },
      ]),
    ).toEqual({ code: 'SVCSTG.SWR.4001048', message: 'Failed to get Token from Context' });
  });

  it('when a flat legacy object comes back, then it is read', () => {
    expect(normalizeError({ errorCode: 'SVCSTG.SWR.4001090', errorMessage: 'not found' })).toEqual({
      code: 'SVCSTG.SWR.4001090',
      message: 'not found',
    });
  });

  it('when the gateway refuses, then its request id is kept', () => {
    expect(
      normalizeError({
        error_code: 'APIGW.0301',
        error_msg: 'verify aksk signature fail',
        request_id: 'r-1',
      }),
    ).toEqual({ code: 'APIGW.0301', message: 'verify aksk signature fail', requestId: 'r-1' });
  });

  it('when the BFF answers problem details, then code, detail, request id and field errors are read', () => {
    expect(
      normalizeError({
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        detail: 'Namespace already exists',
        code: 'SVCSTG.SWR.4090060',
        request_id: 'req-9',
        errors: [{ field: 'body.namespace', message: 'taken' }],
      }),
    ).toEqual({
      code: 'SVCSTG.SWR.4090060',
      message: 'Namespace already exists',
      requestId: 'req-9',
      fieldErrors: [{ field: 'body.namespace', message: 'taken' }],
    });
  });

  it.each([undefined, null, 'Bad Gateway', 42, {}, [], { error: 'x' }])(
    'when the body is %j, then nothing is made up',
    (body) => expect(normalizeError(body)).toEqual({}),
  );
});
