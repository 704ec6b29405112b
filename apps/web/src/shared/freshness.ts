import { useSyncExternalStore } from 'react';

/**
 * How lists follow changes made outside this page (a push with docker, a sync landing, a
 * retention run of SWR's): they poll gently while the tab is visible, fast right after something
 * changed or after an action that makes pushes likely, slower the longer nothing changes, and not
 * at all after a long quiet spell (a focus of the window or the refresh button read again).
 */

/** The fastest a watched list polls. */
export const FAST_MS = 3_000;
/** The slowest it polls before it stops. */
export const SLOW_MS = 60_000;
/** Nothing changed for this long (and nothing is watched): stop polling. */
export const QUIET_MS = 10 * 60_000;
/** How long an action that makes pushes likely (a login command, a sync) keeps lists fast. */
export const WATCH_MS = 5 * 60_000;

let watchingUntil = 0;
const listeners = new Set<() => void>();

/**
 * Something was done that makes changes likely soon: a login command was issued (a push is
 * coming), a sync was started, a retention rule was run. Lists poll fast for the next minutes.
 */
export function expectChanges(now = Date.now()): void {
  watchingUntil = now + WATCH_MS;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** When the current watch ends (0: none yet); a component reading it re-renders when it starts. */
export function useWatchingUntil(): number {
  return useSyncExternalStore(
    subscribe,
    () => watchingUntil,
    () => 0,
  );
}

/** What polling reads of a query (any query's data type fits). */
interface Polled {
  state: { data: unknown; dataUpdatedAt: number; status: string };
}

/** When each polled query's data last changed (structural sharing keeps equal data the same). */
const changes = new WeakMap<object, { data: unknown; at: number }>();

function lastChange(query: Polled): number {
  const { data, dataUpdatedAt } = query.state;
  const known = changes.get(query);
  if (!known || known.data !== data) {
    changes.set(query, { data, at: dataUpdatedAt || Date.now() });
    return dataUpdatedAt || Date.now();
  }
  return known.at;
}

/**
 * The pause before the next read: fast while watched or just after a change, a fifth of the
 * quiet time so far otherwise (between FAST_MS and SLOW_MS), and none after QUIET_MS of quiet.
 */
export function pollDelay(sinceChange: number, watched: boolean): number | false {
  if (watched) return FAST_MS;
  if (sinceChange >= QUIET_MS) return false;
  return Math.min(SLOW_MS, Math.max(FAST_MS, Math.round(sinceChange / 5)));
}

/**
 * A `refetchInterval` for a list that should follow outside changes. Pass `useWatchingUntil()`
 * so a new watch re-evaluates it.
 */
export function changePolling(watchUntil: number) {
  return (query: Polled): number | false => {
    if (query.state.status === 'error') return false;
    const now = Date.now();
    return pollDelay(now - lastChange(query), now < watchUntil);
  };
}
