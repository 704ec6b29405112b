import { swrCall } from '@swr-console/swr-api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { secondsLeft, sendDeletion } from './deletions';

const held = {
  id: 'AAAAAAAAAAAAAAAAAAAAAA',
  region: 'cn-north-4',
  operation: 'DeleteRepo',
  params: { namespace: 'team', repository: 'app' },
  userName: 'swr-demo',
  createdAt: '2026-12-03T10:00:00.000Z',
  executeAt: '2026-12-03T10:00:10.000Z',
  state: 'pending',
};

function answer(status: number, body?: unknown) {
  vi.mocked(fetch).mockResolvedValueOnce(
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    }),
  );
}

afterEach(() => vi.mocked(fetch).mockReset());

describe('sendDeletion', () => {
  it('when the BFF holds it, then the deletion is answered, and the call asked for undo', async () => {
    answer(202, { deletion: held });
    const result = await sendDeletion(
      'cn-north-4',
      swrCall('DeleteRepo', { path: { namespace: 'team', repository: 'app' } }),
    );
    expect(result).toEqual(held);
    const [url, init] = vi.mocked(fetch).mock.calls[0]!;
    expect(String(url)).toBe('/api/swr/cn-north-4/v2/manage/namespaces/team/repos/app');
    expect(init?.method).toBe('DELETE');
    expect(init?.headers).toMatchObject({ prefer: 'undo' });
  });

  it('when the BFF sends it at once (no undo window), then nothing is held', async () => {
    answer(204);
    expect(
      await sendDeletion(
        'cn-north-4',
        swrCall('DeleteRepo', { path: { namespace: 'team', repository: 'gone' } }),
      ),
    ).toBeUndefined();
  });

  it('when a 202 carries something else, then it is not taken for a held deletion', async () => {
    answer(202, { deletion: { id: 7 } });
    expect(
      await sendDeletion(
        'cn-north-4',
        swrCall('DeleteRepo', { path: { namespace: 'team', repository: 'odd' } }),
      ),
    ).toBeUndefined();
  });
});

describe('secondsLeft', () => {
  it('when counting down, then it rounds up and never goes below zero', () => {
    const due = Date.parse(held.executeAt);
    expect(secondsLeft(held as never, due - 8_200)).toBe(9);
    expect(secondsLeft(held as never, due - 1)).toBe(1);
    expect(secondsLeft(held as never, due + 5_000)).toBe(0);
  });
});
