import { describe, expect, it } from 'vitest';
import { runBatch, type BatchOutcome } from './batch';

/** An action whose calls end only when the test says so, recording what is in flight. */
function controlled<T>() {
  const started: T[] = [];
  const pending = new Map<T, { resolve: () => void; reject: (error: unknown) => void }>();
  let inFlight = 0;
  let most = 0;
  const action = (item: T) =>
    new Promise<T>((resolve, reject) => {
      started.push(item);
      most = Math.max(most, ++inFlight);
      pending.set(item, {
        resolve: () => {
          inFlight--;
          resolve(item);
        },
        reject: (error) => {
          inFlight--;
          reject(error);
        },
      });
    });
  const settle = async (item: T, error?: unknown) => {
    await until(() => pending.has(item));
    if (error === undefined) pending.get(item)!.resolve();
    else pending.get(item)!.reject(error);
  };
  return { action, started, settle, most: () => most };
}

async function until(ready: () => boolean) {
  for (let i = 0; i < 100 && !ready(); i++) await Promise.resolve();
  expect(ready()).toBe(true);
}

const statuses = (outcomes: BatchOutcome<string, unknown>[]) =>
  outcomes.map((outcome) => `${outcome.item}:${outcome.status}`);

describe('runBatch', () => {
  it('when run, then items go one after another, each reported as it ends, answered in order', async () => {
    const { action, started, settle, most } = controlled<string>();
    const progress: string[][] = [];
    const run = runBatch(['a', 'b', 'c'], action, {
      onProgress: (known) => progress.push(statuses(known)),
    });
    await settle('a');
    await until(() => started.length === 2);
    expect(started).toEqual(['a', 'b']);
    await settle('b');
    await settle('c');
    const outcomes = await run;
    expect(outcomes).toEqual([
      { item: 'a', status: 'done', value: 'a' },
      { item: 'b', status: 'done', value: 'b' },
      { item: 'c', status: 'done', value: 'c' },
    ]);
    expect(progress).toEqual([['a:done'], ['a:done', 'b:done'], ['a:done', 'b:done', 'c:done']]);
    expect(most()).toBe(1);
  });

  it('when an item fails, then its error is its outcome and the others still run', async () => {
    const refused = new Error('refused');
    const outcomes = await runBatch(['a', 'b', 'c'], async (item) => {
      if (item === 'b') throw refused;
      return item.toUpperCase();
    });
    expect(outcomes).toEqual([
      { item: 'a', status: 'done', value: 'A' },
      { item: 'b', status: 'failed', error: refused },
      { item: 'c', status: 'done', value: 'C' },
    ]);
  });

  it('when stopped midway, then the item in flight finishes and the rest are never started', async () => {
    const { action, started, settle } = controlled<string>();
    const stop = new AbortController();
    const progress: string[][] = [];
    const run = runBatch(['a', 'b', 'c', 'd'], action, {
      signal: stop.signal,
      onProgress: (known) => progress.push(statuses(known)),
    });
    await settle('a');
    await until(() => started.includes('b'));
    stop.abort();
    await settle('b');
    expect(statuses(await run)).toEqual(['a:done', 'b:done', 'c:skipped', 'd:skipped']);
    expect(started).toEqual(['a', 'b']);
    expect(progress.at(-1)).toEqual(['a:done', 'b:done', 'c:skipped', 'd:skipped']);
  });

  it('when asked to stop on error, then the items after a failure are skipped', async () => {
    const started: string[] = [];
    const outcomes = await runBatch(
      ['a', 'b', 'c'],
      async (item) => {
        started.push(item);
        if (item === 'a') throw new Error('down');
      },
      { stopOnError: true },
    );
    expect(statuses(outcomes)).toEqual(['a:failed', 'b:skipped', 'c:skipped']);
    expect(started).toEqual(['a']);
  });

  it('when run two at a time, then no more than two are in flight and outcomes keep the items’ order', async () => {
    const { action, started, settle, most } = controlled<string>();
    const progress: string[][] = [];
    const run = runBatch(['a', 'b', 'c', 'd'], action, {
      concurrency: 2,
      onProgress: (known) => progress.push(statuses(known)),
    });
    await until(() => started.length === 2);
    await settle('b');
    await until(() => started.length === 3);
    await settle('c');
    await settle('a', new Error('slow and wrong'));
    await settle('d');
    expect(statuses(await run)).toEqual(['a:failed', 'b:done', 'c:done', 'd:done']);
    expect(progress.map((known) => known.at(-1))).toEqual([
      'b:done',
      'c:done',
      'a:failed',
      'd:done',
    ]);
    expect(most()).toBe(2);
  });

  it('when there is nothing to do, then it answers at once', async () => {
    expect(await runBatch([], async () => 1, { concurrency: 4 })).toEqual([]);
  });
});
