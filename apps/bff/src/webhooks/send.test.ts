import { createHmac } from 'node:crypto';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { closeReceivers, rawPeer, receiver } from '../testing/receivers.js';
import { AddressRefused, guardedLookup, isLoopback, testAddressProblem } from './addresses.js';
import { RESPONSE_EXCERPT_LIMIT, sendTestEvent } from './send.js';
import { sampleEvent, testHeaders } from './test-event.js';

afterEach(() => closeReceivers());

const now = new Date('2026-01-02T03:04:05Z');
const options = { deliveryId: '3f9f6a52-8f6b-4c55-9d1e-7c1f1f6f0a01', now };
const body = JSON.stringify(sampleEvent({ namespace: 'team', operator: 'ops', now }));
const send = (address: string, extra: { timeoutMs?: number } = {}) =>
  sendTestEvent(
    { address, address_type: 'internal' },
    body,
    testHeaders(undefined, body, options)!,
    {
      allowLoopback: true,
      ...extra,
    },
  );

describe('the sample event and its headers', () => {
  it('when headers are given, then they are sent with the X-Swr headers and an HMAC of timestamp.body keyed by the header text', () => {
    const headers = testHeaders('Authorization: Bearer x ;X-Team:a:b', body, options)!;
    expect(headers).toMatchObject({
      Authorization: 'Bearer x',
      'X-Team': 'a:b',
      'Content-Type': 'application/json',
      'X-Swr-Event': 'PUSH_ARTIFACT',
      'X-Swr-Delivery': options.deliveryId,
      'X-Swr-Timestamp': '1767323045',
    });
    const mac = createHmac('sha256', 'Authorization: Bearer x ;X-Team:a:b')
      .update(`1767323045.${body}`)
      .digest('hex');
    expect(headers['X-Swr-Signature-256']).toBe(`sha256=${mac}`);
  });

  it('when headers are refused by the target rule, then there are none to send', () => {
    expect(testHeaders('X-Swr-Event:forged', body, options)).toBeUndefined();
    expect(testHeaders('A:b\nC:d', body, options)).toBeUndefined();
  });

  it('when the event is built, then it has the shape of SWR’s PUSH_ARTIFACT', () => {
    expect(JSON.parse(body)).toEqual({
      type: 'PUSH_ARTIFACT',
      occur_at: 1767323045,
      operator: 'ops',
      event_data: {
        resources: [
          {
            digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) as unknown,
            tag: 'console-test',
            resource_url: 'webhook-test.invalid/team/webhook-test:console-test',
          },
        ],
        repository: {
          date_created: 1767323045,
          name: 'webhook-test',
          namespace: 'team',
          repo_full_name: 'team/webhook-test',
          repo_type: 'private',
        },
      },
    });
  });
});

describe('where a test may go', () => {
  it.each([
    ['http://127.0.0.1/', true],
    ['http://127.1.2.3:8080/', true],
    ['http://localhost/', true],
    ['http://a.localhost./', true],
    ['http://[::1]/', true],
    ['http://[::ffff:127.0.0.1]/', true],
    ['http://0x7f000001/', true],
    ['http://10.0.0.1/', false],
    ['http://example.com/', false],
  ])('when the address is %s, then loopback is %s', (address, loopback) => {
    expect(isLoopback(new URL(address))).toBe(loopback);
  });

  it('when the BFF runs against real SWR, then loopback is refused though the rule allows it as internal', () => {
    expect(testAddressProblem('http://127.0.0.1:9/', 'internal', true)).toBeUndefined();
    expect(testAddressProblem('http://127.0.0.1:9/', 'internal', false)).toMatch(/loopback/);
    expect(testAddressProblem('http://10.1.2.3/', 'internal', false)).toBeUndefined();
    expect(testAddressProblem('http://169.254.169.254/', 'internet', true)).toMatch(/reserved/);
  });

  it('when a name resolves to an address its type or the profile refuses, then the connection is refused', async () => {
    const resolve = (type: 'internal' | 'internet', allowLoopback: boolean) =>
      new Promise<unknown>((done) =>
        guardedLookup(type, allowLoopback)('localhost', { family: 4 }, (error, address) =>
          done(error ?? address),
        ),
      );
    expect(await resolve('internal', true)).toBe('127.0.0.1');
    expect(await resolve('internal', false)).toBeInstanceOf(AddressRefused);
    // A public name that resolves to loopback (as a rebinding name would) is refused too.
    expect(await resolve('internet', true)).toBeInstanceOf(AddressRefused);
  });

  it('when a name resolves to loopback outside the sandbox, then nothing is sent and the reason says why', async () => {
    const hook = await receiver();
    const outcome = await sendTestEvent(
      { address: `http://localhost:${hook.port}/hook`, address_type: 'internal' },
      body,
      testHeaders(undefined, body, options)!,
      { allowLoopback: false },
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(/localhost resolves to 127\.0\.0\.1, which is refused/);
    expect(hook.received).toHaveLength(0);
  });
});

describe('hostile receivers', () => {
  it('when the receiver answers without end, then 2 KB are kept and the send ends', async () => {
    const hook = await receiver((_, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = 'é'.repeat(32 * 1024);
      const more = () => {
        while (res.write(chunk));
        res.once('drain', more);
      };
      res.on('error', () => undefined);
      more();
    });
    const started = Date.now();
    const outcome = await send(hook.address);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(outcome.ok).toBe(true);
    expect(Buffer.byteLength(outcome.responseExcerpt)).toBeLessThanOrEqual(RESPONSE_EXCERPT_LIMIT);
    expect(outcome.responseExcerpt).toMatch(/^é+$/);
  });

  it.each([
    [
      'garbage instead of HTTP',
      (s: Socket) => s.end('NOT HTTP AT ALL\r\n\r\n'),
      /invalid HTTP response/,
    ],
    [
      'a status that is no HTTP status',
      (s: Socket) => s.end('HTTP/1.1 099 Odd\r\ncontent-length: 0\r\n\r\n'),
      /invalid HTTP response/,
    ],
    [
      'a reset after the headers',
      (s: Socket) => {
        s.write('HTTP/1.1 500 Oops\r\ncontent-length: 50\r\n\r\nhalf');
        setTimeout(() => s.resetAndDestroy(), 50);
      },
      /cut short|reset/,
    ],
    ['a close before any answer', (s: Socket) => s.destroy(), /closed|reset/],
  ])(
    'when the receiver sends %s, then the send ends with the reason',
    async (_, behave, reason) => {
      const peer = await rawPeer((socket) => socket.once('data', () => behave(socket)));
      const outcome = await send(peer.address);
      expect(outcome.ok).toBe(false);
      expect(outcome.error).toMatch(reason);
    },
  );

  it('when the receiver is silent, then the send times out at its limit', async () => {
    const peer = await rawPeer(() => undefined);
    const outcome = await send(peer.address, { timeoutMs: 200 });
    expect(outcome).toMatchObject({ ok: false, error: 'timed out after 0.2 s' });
    expect(outcome.durationMs).toBeLessThan(1_000);
  });
});
