/**
 * How much the BFF lets through to SWR at once, by default. Measured with bench/bff-load.ts
 * (docs/bff.md): 32 sockets per region serve 200 busy sessions as well as more would.
 */
export const DEFAULT_LIMITS = {
  /** Keep-alive sockets per upstream origin (UPSTREAM_SOCKETS). */
  socketsPerOrigin: 32,
  /** Calls one session may have in flight or waiting (SESSION_CONCURRENCY). */
  perSession: 32,
  /** Calls waiting for a socket across the process (UPSTREAM_QUEUE). */
  queueLimit: 1024,
} as const;
