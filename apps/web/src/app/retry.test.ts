import { ApiError } from '@swr-console/swr-api';
import { describe, expect, it } from 'vitest';
import { retryDelay, shouldRetry } from './App';

describe('retry policy', () => {
  it.each([400, 401, 403, 404, 409, 429])(
    'when SWR answers %i, then it is never retried',
    (status) => {
      expect(shouldRetry(0, new ApiError({ status, message: 'no' }))).toBe(false);
    },
  );

  it.each([0, 500, 502, 504])(
    'when the answer is %i, then it is retried at most twice',
    (status) => {
      const error = new ApiError({ status, message: 'later' });
      expect([0, 1, 2].map((failures) => shouldRetry(failures, error))).toEqual([
        true,
        true,
        false,
      ]);
    },
  );

  it.each([429, 503])(
    'when the console server answers %i with Retry-After, then the read waits that long and tries up to three times',
    (status) => {
      const error = new ApiError({ status, message: 'busy', retryAfterSeconds: 2 });
      expect([0, 1, 2, 3].map((failures) => shouldRetry(failures, error))).toEqual([
        true,
        true,
        true,
        false,
      ]);
      expect(retryDelay(0, error)).toBeGreaterThanOrEqual(2000);
      expect(retryDelay(0, error)).toBeLessThan(2500);
    },
  );

  it('when the server asks for a long wait, then the console waits at most ten seconds', () => {
    const error = new ApiError({ status: 503, message: 'busy', retryAfterSeconds: 3600 });
    expect(retryDelay(0, error)).toBe(10_000);
  });
});
