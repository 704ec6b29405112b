import { describe, expect, it } from 'vitest';
import { changePolling, FAST_MS, pollDelay, QUIET_MS, SLOW_MS } from './freshness';

describe('pollDelay', () => {
  it('when something just changed or is watched, then it reads again soon', () => {
    expect(pollDelay(0, false)).toBe(FAST_MS);
    expect(pollDelay(QUIET_MS * 2, true)).toBe(FAST_MS);
  });

  it('when nothing changes, then it waits longer each time, up to a bound, and then stops', () => {
    const delays = [10_000, 60_000, 120_000, 300_000, 500_000].map((quiet) =>
      pollDelay(quiet, false),
    );
    expect(delays).toEqual([FAST_MS, 12_000, 24_000, SLOW_MS, SLOW_MS]);
    expect(pollDelay(QUIET_MS, false)).toBe(false);
  });
});

describe('changePolling', () => {
  const query = (data: unknown, dataUpdatedAt: number, status = 'success') => ({
    state: { data, dataUpdatedAt, status },
  });

  it('when the same data is read again, then the quiet time counts from when it last changed', () => {
    const interval = changePolling(0);
    const first = { items: ['v1'] };
    const now = Date.now();
    const q = query(first, now - 5 * 60_000);
    expect(interval(q)).toBe(SLOW_MS);
    // Read again, equal (the same object, as structural sharing keeps it): still quiet.
    q.state.dataUpdatedAt = now;
    expect(interval(q)).toBe(SLOW_MS);
    // Different data: fast again.
    q.state.data = { items: ['v1', 'v2'] };
    expect(interval(q)).toBe(FAST_MS);
  });

  it('when a watch is on, then it is fast however long it was quiet; a failing read is not repeated', () => {
    const long = Date.now() - QUIET_MS * 3;
    expect(changePolling(0)(query({}, long))).toBe(false);
    expect(changePolling(Date.now() + 60_000)(query({}, long))).toBe(FAST_MS);
    expect(changePolling(Date.now() + 60_000)(query(undefined, 0, 'error'))).toBe(false);
  });
});
