import type { Request, RequestHandler, Response } from 'express';
import { HttpProblem, titleOf } from '../problem.js';
import { signedIn } from '../security.js';

export interface AdmissionLimits {
  /** Sockets kept open to one upstream origin; calls beyond wait in the queue. */
  socketsPerOrigin: number;
  /** Calls one session may have in flight or waiting at once; more get 429. */
  perSession: number;
  /** Calls the whole process lets wait for a socket; more get 503. */
  queueLimit: number;
  /** The longest a call waits for a socket before it gets 503. */
  maxWaitMs: number;
}

interface Waiter {
  grant: (release: () => void) => void;
  refuse: (error: unknown) => void;
}

/** The calls of one origin: how many hold a socket, and who waits, per session in arrival order. */
interface OriginQueue {
  active: number;
  waiting: Map<string, Waiter[]>;
}

function busy(status: 429 | 503, detail: string, retryAfter: number, code: string): HttpProblem {
  return new HttpProblem(
    status,
    titleOf(status),
    detail,
    { code },
    { 'Retry-After': `${retryAfter}` },
  );
}

/**
 * Shapes the load the BFF puts on SWR. Each session may hold a fixed share of calls; the sockets to
 * an origin are handed out in turn to the sessions waiting for them (round robin), so one session
 * that floods waits behind its own calls while everyone else's still go through.
 */
export class Admission {
  private readonly sessions = new Map<string, number>();
  private readonly origins = new Map<string, OriginQueue>();
  private waitingTotal = 0;

  constructor(readonly limits: AdmissionLimits) {}

  /**
   * Counts a call against its session's share until `release` is called (once the answer is
   * sent); beyond the share the call is refused with 429 and nothing is sent upstream.
   */
  enter(session: string): () => void {
    const held = this.sessions.get(session) ?? 0;
    if (held >= this.limits.perSession)
      throw busy(
        429,
        `At most ${this.limits.perSession} calls of one session run at once; wait for some to finish.`,
        1,
        'TOO_MANY_CALLS',
      );
    this.sessions.set(session, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.sessions.get(session) ?? 1) - 1;
      if (left > 0) this.sessions.set(session, left);
      else this.sessions.delete(session);
    };
  }

  /**
   * Waits for a socket of `origin`. Resolves with its release; rejects with 503 when the queue is
   * full or the wait too long, or with the signal's reason when the caller goes away meanwhile.
   */
  slot(origin: string, session: string, signal: AbortSignal): Promise<() => void> {
    if (signal.aborted) return Promise.reject(signal.reason);
    const queue = this.queueOf(origin);
    if (queue.active < this.limits.socketsPerOrigin && queue.waiting.size === 0)
      return Promise.resolve(this.hold(origin, queue));
    if (this.waitingTotal >= this.limits.queueLimit)
      return Promise.reject(
        busy(503, 'The console is busy with other calls to SWR; try again shortly.', 2, 'BUSY'),
      );
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: (release) => {
          settle();
          resolve(release);
        },
        refuse: (error) => {
          settle();
          this.dequeue(queue, session, waiter);
          reject(error);
        },
      };
      const timer = setTimeout(
        () =>
          waiter.refuse(
            busy(503, 'SWR calls are queued longer than usual; try again shortly.', 5, 'BUSY'),
          ),
        this.limits.maxWaitMs,
      );
      const onAbort = () => waiter.refuse(signal.reason);
      const settle = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const mine = queue.waiting.get(session);
      if (mine) mine.push(waiter);
      else queue.waiting.set(session, [waiter]);
      this.waitingTotal += 1;
    });
  }

  /** What is held and waiting now, for health checks and tests. */
  stats(): { sessions: number; active: number; waiting: number } {
    let active = 0;
    for (const queue of this.origins.values()) active += queue.active;
    return { sessions: this.sessions.size, active, waiting: this.waitingTotal };
  }

  private queueOf(origin: string): OriginQueue {
    let queue = this.origins.get(origin);
    if (!queue) {
      queue = { active: 0, waiting: new Map() };
      this.origins.set(origin, queue);
    }
    return queue;
  }

  private hold(origin: string, queue: OriginQueue): () => void {
    queue.active += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      queue.active -= 1;
      this.next(origin, queue);
    };
  }

  /** Hands a freed socket to the session that waited longest for its turn. */
  private next(origin: string, queue: OriginQueue): void {
    while (queue.active < this.limits.socketsPerOrigin) {
      const first = queue.waiting.entries().next();
      if (first.done) break;
      const [session, waiters] = first.value;
      const waiter = waiters.shift()!;
      this.waitingTotal -= 1;
      // The session goes to the back of the line: the others' first calls come before its next.
      queue.waiting.delete(session);
      if (waiters.length > 0) queue.waiting.set(session, waiters);
      waiter.grant(this.hold(origin, queue));
    }
    if (queue.active === 0 && queue.waiting.size === 0) this.origins.delete(origin);
  }

  private dequeue(queue: OriginQueue, session: string, waiter: Waiter): void {
    const mine = queue.waiting.get(session);
    const index = mine?.indexOf(waiter) ?? -1;
    if (!mine || index < 0) return;
    mine.splice(index, 1);
    this.waitingTotal -= 1;
    if (mine.length === 0) queue.waiting.delete(session);
  }
}

/**
 * Runs `then` once the response is over: answered, or its browser gone. A browser can leave while
 * a request awaits (the session store, say), before anyone listens for 'close', which does not
 * come again.
 */
export function whenOver(req: Request, res: Response, then: () => void): void {
  if (res.destroyed || res.writableFinished || req.socket.destroyed) then();
  else res.once('close', then);
}

/** Counts every call of a signed-in session against its share until its answer is over. */
export function sessionShare(admission: Admission): RequestHandler {
  return (req, res, next) => {
    // Nobody is left to answer: the call is neither counted nor run.
    if (res.destroyed || req.socket.destroyed) return;
    const leave = admission.enter(signedIn(res).session.id);
    whenOver(req, res, leave);
    next();
  };
}
