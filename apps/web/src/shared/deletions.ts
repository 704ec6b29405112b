import type { Deletion } from '@swr-console/contracts/bff';
import type { OperationId, SwrCall } from '@swr-console/swr-api';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { bff } from './http';
import { send } from './swr';

export type { Deletion };

/** Held, or being sent: what a list marks and the bar counts down. */
export const WAITING: ReadonlySet<Deletion['state']> = new Set(['pending', 'running']);

/**
 * Deletions go through the BFF with `Prefer: undo`: it holds each for the undo window (10 s by
 * default) and answers 202 with the held deletion, which reaches SWR only when the window is over.
 * The console lists what is held, shows it where the thing is, and offers Undo until then.
 */
export const deletionsQuery = queryOptions({
  queryKey: ['deletions'],
  queryFn: async ({ signal }) =>
    (await bff.call('ListDeletions', { query: {} }, { signal })).deletions,
  // While anything is held or being sent, its countdown and outcome are followed closely.
  refetchInterval: (query) => (query.state.data?.some((d) => WAITING.has(d.state)) ? 1000 : false),
});

/** Deletions held by this tab, newest last: the Undo notice lists them. */
let mine: readonly string[] = [];
const listeners = new Set<() => void>();

function setMine(next: readonly string[]) {
  mine = next;
  for (const listener of listeners) listener();
}

export function useMyDeletions(): readonly string[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => mine,
    () => mine,
  );
}

export function forgetMine(id: string): void {
  setMine(mine.filter((known) => known !== id));
}

let client: QueryClient | undefined;

/** The query client held deletions are recorded in (the shell sets it). */
export function trackDeletionsIn(queryClient: QueryClient): void {
  client = queryClient;
}

function noteHeld(deletion: Deletion): void {
  if (!mine.includes(deletion.id)) setMine([...mine, deletion.id]);
  client?.setQueryData(deletionsQuery.queryKey, (known: Deletion[] = []) => [
    ...known.filter((d) => d.id !== deletion.id),
    deletion,
  ]);
}

/** The held deletion in the BFF's 202 answer, when it is one (a type guard, not a cast). */
function heldIn(answer: unknown): Deletion | undefined {
  if (typeof answer !== 'object' || answer === null || !('deletion' in answer)) return undefined;
  const deletion: unknown = answer.deletion;
  return typeof deletion === 'object' &&
    deletion !== null &&
    'id' in deletion &&
    typeof deletion.id === 'string' &&
    'executeAt' in deletion &&
    typeof deletion.executeAt === 'string' &&
    'params' in deletion &&
    typeof deletion.params === 'object'
    ? (deletion as Deletion)
    : undefined;
}

/**
 * Sends a deletion for the BFF to hold. Answers the held deletion, or undefined when the BFF sent
 * it at once (no undo window configured): then it is done already.
 */
export async function sendDeletion(region: string, call: SwrCall): Promise<Deletion | undefined> {
  const answer = await send(region, call, { headers: { prefer: 'undo' } });
  const held = answer.status === 202 ? heldIn(answer.data) : undefined;
  if (held) noteHeld(held);
  return held;
}

/** Takes a held deletion back; the list says so at once. */
export async function undoDeletion(id: string): Promise<Deletion> {
  const { deletion } = await bff.call('UndoDeletion', { params: { id } });
  client?.setQueryData(deletionsQuery.queryKey, (known: Deletion[] = []) =>
    known.map((d) => (d.id === id ? deletion : d)),
  );
  return deletion;
}

/**
 * The held deletion of one thing, while it is held or being sent: `params` are the operation's
 * path parameters as the console names them (a repository with its `/`).
 */
export function usePendingDeletion(
  region: string,
  operation: OperationId,
  params: Record<string, string | number>,
): Deletion | undefined {
  const { data } = useQuery(deletionsQuery);
  return data?.find(
    (d) =>
      WAITING.has(d.state) &&
      d.region === region &&
      d.operation === operation &&
      Object.entries(params).every(([name, value]) => d.params[name] === String(value)),
  );
}

/** The held deletions of one operation in a region, by the parameter that tells them apart. */
export function useHeldBy(
  region: string,
  operation: OperationId,
  key: string,
  scope: Record<string, string>,
): Map<string, Deletion> {
  const { data } = useQuery(deletionsQuery);
  const held = new Map<string, Deletion>();
  for (const d of data ?? [])
    if (
      WAITING.has(d.state) &&
      d.region === region &&
      d.operation === operation &&
      d.params[key] !== undefined &&
      Object.entries(scope).every(([name, value]) => d.params[name] === value)
    )
      held.set(d.params[key], d);
  return held;
}

/** Seconds left until a held deletion is sent (0 once it is due). */
export function secondsLeft(deletion: Deletion, now = Date.now()): number {
  return Math.max(0, Math.ceil((Date.parse(deletion.executeAt) - now) / 1000));
}
