import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../problem.js';
import { Admission } from './admission.js';

const origin = 'http://swr.example';
const limits = { socketsPerOrigin: 2, perSession: 4, queueLimit: 3, maxWaitMs: 60_000 };

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe('admission', () => {
  it('when a session holds its share, then its next call is refused with 429 and Retry-After, and others are not', () => {
    const admission = new Admission(limits);
    const leaves = Array.from({ length: 4 }, () => admission.enter('flood'));
    let refused: unknown;
    try {
      admission.enter('flood');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(HttpProblem);
    expect(refused).toMatchObject({ status: 429, headers: { 'Retry-After': '1' } });
    expect(() => admission.enter('other')).not.toThrow();
    leaves[0]!();
    leaves[0]!(); // released twice counts once
    expect(() => admission.enter('flood')).not.toThrow();
    expect(() => admission.enter('flood')).toThrow(HttpProblem);
  });

  it('when one session waits with many calls, then a socket freed goes to another session first', async () => {
    const admission = new Admission({ ...limits, queueLimit: 10 });
    const never = new AbortController().signal;
    const held = [
      await admission.slot(origin, 'a', never),
      await admission.slot(origin, 'a', never),
    ];
    const order: string[] = [];
    const wait = (session: string) =>
      admission.slot(origin, session, never).then((release) => {
        order.push(session);
        return release;
      });
    const waiting = [wait('a'), wait('a'), wait('a'), wait('b')];
    expect(admission.stats()).toMatchObject({ active: 2, waiting: 4 });
    held[0]!();
    await tick();
    held[1]!();
    await tick();
    expect(order).toEqual(['a', 'b']);
    (await waiting[0]!)();
    (await waiting[3]!)();
    (await waiting[1]!)();
    (await waiting[2]!)();
    expect(order).toEqual(['a', 'b', 'a', 'a']);
    expect(admission.stats()).toMatchObject({ active: 0, waiting: 0 });
  });

  it('when the queue is full, then the next call gets 503 with Retry-After at once', async () => {
    const admission = new Admission(limits);
    const never = new AbortController().signal;
    await admission.slot(origin, 'a', never);
    await admission.slot(origin, 'a', never);
    const queued = [1, 2, 3].map(() => admission.slot(origin, 'b', never));
    await expect(admission.slot(origin, 'c', never)).rejects.toMatchObject({
      status: 503,
      headers: { 'Retry-After': '2' },
    });
    expect(admission.stats().waiting).toBe(3);
    void queued;
  });

  it('when a call waits longer than allowed, then 503, and it leaves the queue', async () => {
    const admission = new Admission({ ...limits, maxWaitMs: 20 });
    const never = new AbortController().signal;
    await admission.slot(origin, 'a', never);
    await admission.slot(origin, 'a', never);
    await expect(admission.slot(origin, 'b', never)).rejects.toMatchObject({ status: 503 });
    expect(admission.stats().waiting).toBe(0);
  });

  it('when the browser goes away while its call waits, then the call leaves the queue and never takes a socket', async () => {
    const admission = new Admission(limits);
    const never = new AbortController().signal;
    const first = await admission.slot(origin, 'a', never);
    await admission.slot(origin, 'a', never);
    const gone = new AbortController();
    const waiting = admission.slot(origin, 'b', gone.signal);
    gone.abort(new Error('browser left'));
    await expect(waiting).rejects.toThrow('browser left');
    expect(admission.stats()).toMatchObject({ active: 2, waiting: 0 });
    first();
    expect(admission.stats()).toMatchObject({ active: 1, waiting: 0 });
  });
});
