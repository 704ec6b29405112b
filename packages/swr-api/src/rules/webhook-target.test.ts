import { describe, expect, it } from 'vitest';
import { parseAuthHeader, webhookAddressProblem } from './webhook-target.js';

describe('a webhook target’s auth header', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['Authorization:Bearer abc', [['Authorization', 'Bearer abc']]],
    [
      ' X-Token : t1 ; X-Team:web ;',
      [
        ['X-Token', 't1'],
        ['X-Team', 'web'],
      ],
    ],
    ['X-Url:http://receiver:8080/a', [['X-Url', 'http://receiver:8080/a']]],
    ['X-Empty:', [['X-Empty', '']]],
  ])('when it is %j, then the headers are %j', (value, headers) =>
    expect(parseAuthHeader(value)).toEqual({ headers }),
  );

  it.each([
    ['X-A:1\r\nX-Injected:1', /line breaks or NUL/],
    ['X-A:1\nHost:evil', /line breaks or NUL/],
    ['X-A:1\0', /line breaks or NUL/],
    ['X-A', /Write “X-A” as name:value/],
    [':value', /Give the header with value “value” a name/],
    ['X A:1', /“X A” is not a header name/],
    ['X-Ü:1', /“X-Ü” is not a header name/],
    ['Host:evil.example', /The Host header is set by the webhook itself/],
    ['content-length:0', /The content-length header is set by the webhook itself/],
    ['X-A:1;Content-Type:text/plain', /The Content-Type header is set/],
    ['Transfer-Encoding:chunked', /Transfer-Encoding header/],
    ['Connection:close', /Connection header/],
    ['X-Swr-Signature-256:sha256=00', /X-Swr-Signature-256 header/],
    ['x-swr-event:DELETE_ARTIFACT', /x-swr-event header/],
    ['X-Swr-Anything:1', /X-Swr-Anything header/],
    ['X-A:1;x-a:2', /The x-a header is given twice/],
    ['X-A:caf\u{1F600}', /The value of X-A has characters a header cannot carry/],
  ])('when it is %j, then it is refused with a message saying so', (value, message) => {
    const parsed = parseAuthHeader(value);
    expect(parsed).toEqual({ problem: expect.stringMatching(message) });
  });

  it('when it names 10 headers, then they are sent, and an 11th is refused', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `X-H${i}:${i}`).join(';');
    expect(parseAuthHeader(ten)).toMatchObject({ headers: expect.any(Array) });
    expect(parseAuthHeader(`${ten};X-H10:10`)).toEqual({ problem: 'Use at most 10 headers.' });
  });

  it('when it is 4096 characters long, then it is read, and at 4097 it is refused', () => {
    const value = `X-Long:${'v'.repeat(4096 - 7)}`;
    expect(parseAuthHeader(value)).toEqual({ headers: [['X-Long', 'v'.repeat(4089)]] });
    expect(parseAuthHeader(`${value}v`)).toEqual({
      problem: 'Use at most 4096 characters of headers.',
    });
  });
});

describe('a webhook target’s address', () => {
  it.each([
    ['http://10.0.0.8/hook', 'internal'],
    ['https://172.16.0.1:8443/hook', 'internal'],
    ['http://172.31.255.255/', 'internal'],
    ['http://192.168.1.20/hook?token=1', 'internal'],
    ['http://127.0.0.1:9000/hook', 'internal'],
    ['http://[::1]:9000/hook', 'internal'],
    ['http://[fd12:3456::1]/hook', 'internal'],
    ['http://[::ffff:10.1.2.3]/hook', 'internal'],
    ['https://hooks.example.com/swr', 'internet'],
    ['http://8.8.8.8/hook', 'internet'],
    ['https://[2001:db8::1]/hook', 'internet'],
    ['HTTPS://Hooks.Example.com/swr', 'internet'],
  ] as const)('when %s is %s, then it is accepted', (address, type) =>
    expect(webhookAddressProblem(address, type)).toBeUndefined(),
  );

  it.each([
    ['', 'internet', 'Enter an address.'],
    ['hooks.example.com/swr', 'internet', 'Use an http:// or https:// address.'],
    ['ftp://hooks.example.com/', 'internet', 'Use an http:// or https:// address.'],
    ['file:///etc/passwd', 'internal', 'Use an http:// or https:// address.'],
    ['javascript:alert(1)', 'internet', 'Use an http:// or https:// address.'],
    [
      'http://exa mple.com/',
      'internet',
      'An address may not contain spaces or control characters.',
    ],
    [
      'http://example.com/\r\nX: 1',
      'internet',
      'An address may not contain spaces or control characters.',
    ],
    [
      ' http://example.com/',
      'internet',
      'An address may not contain spaces or control characters.',
    ],
    ['http://[::1/', 'internal', 'This is not a valid address.'],
    [
      'http://user:pass@example.com/',
      'internet',
      'Leave user name and password out of the address; send them as headers.',
    ],
    [
      'http://token@10.0.0.1/',
      'internal',
      'Leave user name and password out of the address; send them as headers.',
    ],
    ['http://example.com:0/', 'internet', 'Use a port between 1 and 65535.'],
    [
      `https://example.com/${'a'.repeat(493)}`,
      'internet',
      'Use an address of at most 512 characters.',
    ],
  ] as const)('when %j is %s, then the problem is %j', (address, type, problem) =>
    expect(webhookAddressProblem(address, type)).toBe(problem),
  );

  it.each([
    'http://8.8.8.8/hook',
    'https://hooks.example.com/',
    'http://172.32.0.1/',
    'http://169.254.169.254/latest/meta-data',
    'http://[2001:db8::1]/',
  ])('when the internal address %s is not a private IP, then it is refused', (address) =>
    expect(webhookAddressProblem(address, 'internal')).toMatch(
      /^An internal address must be a private-network IP address/,
    ),
  );

  it.each([
    'http://127.0.0.1:9000/hook',
    'http://127.1/hook',
    'http://2130706433/hook',
    'http://0x7f.0.0.1/hook',
    'http://localhost:9000/',
    'http://api.localhost./',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://10.0.0.8/',
    'http://192.168.0.1/',
    'http://[fc00::1]/',
  ])('when the internet address %s is private or loopback, then it is refused', (address) =>
    expect(webhookAddressProblem(address, 'internet')).toBe(
      'A private-network or loopback address must have the address type internal.',
    ),
  );

  it.each([
    'http://0.0.0.0/',
    'http://169.254.169.254/latest/meta-data',
    'http://100.64.0.1/',
    'http://224.0.0.1/',
    'http://255.255.255.255/',
    'http://[::]/',
    'http://[fe80::1]/',
    'http://[ff02::1]/',
  ])('when the internet address %s is reserved, then it is refused', (address) =>
    expect(webhookAddressProblem(address, 'internet')).toBe(
      'This IP address is reserved and cannot receive webhooks.',
    ),
  );
});
