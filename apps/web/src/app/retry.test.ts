import { ApiError } from '@swr-console/swr-api';
import { describe, expect, it } from 'vitest';
import { shouldRetry } from './App';

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
});
