import { describe, expect, it } from 'vitest';
import { attemptsOf, deliveryDetail, EXCERPT_SHOWN, visibleText } from './webhook-jobs';

const detail = (fields: Record<string, unknown>) => JSON.stringify(fields);

describe('a delivery’s job_detail', () => {
  it('when SWR wrote it, then status, excerpt, error, attempt and duration are read', () => {
    expect(
      deliveryDetail(
        detail({
          attempt: 2,
          request_body: '{}',
          status_code: 500,
          response_excerpt: 'oops',
          error: null,
          duration_ms: 12,
        }),
      ),
    ).toEqual({
      attempt: 2,
      statusCode: 500,
      excerpt: 'oops',
      excerptTruncated: false,
      durationMs: 12,
    });
  });

  it.each([
    ['not JSON', 'not json'],
    ['an array', '[1,2]'],
    ['a string', '"text"'],
    ['null', 'null'],
    ['empty', ''],
  ])('when it is %s, then there is no detail (and nothing throws)', (_, text) => {
    expect(deliveryDetail(text)).toBeUndefined();
  });

  it('when fields have the wrong types, then they are left out rather than trusted', () => {
    expect(
      deliveryDetail(
        detail({
          attempt: '2',
          status_code: { toString: 'x' },
          response_excerpt: 42,
          error: ['x'],
          duration_ms: -5,
        }),
      ),
    ).toEqual({ excerpt: '', excerptTruncated: false });
  });

  it('when the receiver answered markup, control characters and reordering marks, then they are kept as visible text', () => {
    const hostile = '<img src=x onerror=alert(1)>\u001b[31mred\u0000 \u202egnp.exe\r\nline2\tend';
    const read = deliveryDetail(detail({ response_excerpt: hostile, error: 'bad\u0007bell' }))!;
    expect(read.excerpt).toBe(
      '<img src=x onerror=alert(1)>\\u{1b}[31mred\\u{0} \\u{202e}gnp.exe\r\nline2\tend',
    );
    expect(read.error).toBe('bad\\u{7}bell');
  });

  it('when an excerpt is longer than is shown, then it is cut and marked so', () => {
    const read = deliveryDetail(detail({ response_excerpt: '語'.repeat(EXCERPT_SHOWN + 10) }))!;
    expect([...read.excerpt]).toHaveLength(EXCERPT_SHOWN + 1);
    expect(read.excerpt.endsWith('…')).toBe(true);
    expect(read.excerptTruncated).toBe(true);
    expect(
      deliveryDetail(detail({ response_excerpt: 'a', response_excerpt_truncated: true }))!
        .excerptTruncated,
    ).toBe(true);
  });

  it('when text has emoji, then a cut never splits one', () => {
    expect(visibleText('😀😀😀', 2)).toBe('😀😀…');
  });
});

describe('attempts and the next retry', () => {
  const at = '2026-01-02T03:04:05.000Z';

  it('when a delivery waits for its next attempt, then the attempts made, the most and when are read', () => {
    expect(attemptsOf('HTTP 500; attempt 2 of 3 in 10 s', at, undefined)).toEqual({
      made: 1,
      of: 3,
      nextAt: '2026-01-02T03:04:15.000Z',
    });
    expect(attemptsOf('connection refused; attempt 3 of 3 in 60 s', at, undefined).nextAt).toBe(
      '2026-01-02T03:05:05.000Z',
    );
  });

  it('when it failed after its attempts, then their number is read', () => {
    expect(attemptsOf('HTTP 503 after 3 attempts', at, undefined)).toEqual({ made: 3 });
  });

  it('when the text says nothing of attempts, then the detail’s attempt is used, or nothing', () => {
    const read = deliveryDetail(detail({ attempt: 1, status_code: 200, response_excerpt: 'ok' }));
    expect(attemptsOf('HTTP 200', at, read)).toEqual({ made: 1 });
    expect(attemptsOf('', at, undefined)).toEqual({});
    expect(attemptsOf('attempt 2 of 3 in 10 s', 'not a date', undefined)).toEqual({
      made: 1,
      of: 3,
    });
  });
});
