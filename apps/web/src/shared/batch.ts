/** What became of one item of a batch. */
export type BatchOutcome<T, R> =
  | { item: T; status: 'done'; value: R }
  | { item: T; status: 'failed'; error: unknown }
  // Never started: the batch was stopped first.
  | { item: T; status: 'skipped' };

export interface BatchOptions<T, R> {
  /** Items in flight at once; 1 (the default) runs them one after another. */
  concurrency?: number;
  /** Once aborted, no further item starts: those in flight finish, the rest are skipped. */
  signal?: AbortSignal;
  /** Stop as on `signal` after the first failure, for batches where the rest would not help. */
  stopOnError?: boolean;
  /** Each time an item's outcome is known: the outcomes known so far, in the order they came. */
  onProgress?: (known: BatchOutcome<T, R>[]) => void;
}

/**
 * Runs `action` for each item, SWR having no batch calls for what the console does to many
 * things at once, and says what became of each. It never throws: an item's error is its outcome.
 * The outcomes come back in the order of the items.
 */
export async function runBatch<T, R>(
  items: readonly T[],
  action: (item: T) => Promise<R>,
  { concurrency = 1, signal, stopOnError = false, onProgress }: BatchOptions<T, R> = {},
): Promise<BatchOutcome<T, R>[]> {
  const outcomes: BatchOutcome<T, R>[] = new Array(items.length);
  const known: BatchOutcome<T, R>[] = [];
  let failed = false;
  let next = 0;
  const report = (index: number, outcome: BatchOutcome<T, R>) => {
    outcomes[index] = outcome;
    known.push(outcome);
    onProgress?.([...known]);
  };
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      const item = items[index]!;
      if (signal?.aborted || (stopOnError && failed)) {
        report(index, { item, status: 'skipped' });
        continue;
      }
      let outcome: BatchOutcome<T, R>;
      try {
        outcome = { item, status: 'done', value: await action(item) };
      } catch (error) {
        failed = true;
        outcome = { item, status: 'failed', error };
      }
      report(index, outcome);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(Math.max(1, concurrency), items.length) }, worker),
  );
  return outcomes;
}
