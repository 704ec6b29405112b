import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

function sink(lines: string[]) {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
}

describe('the logger', () => {
  it('when it writes for a person, then a request is one short line and secrets are still redacted', async () => {
    const lines: string[] = [];
    const log = createLogger('info', sink(lines), 'pretty');
    log.info(
      {
        requestId: 'r-1',
        method: 'GET',
        path: '/api/swr/cn-north-4/v2/manage/namespaces',
        status: 502,
        ms: 7,
      },
      'request',
    );
    log.info({ credentials: { secretKey: 'SK-secret' } }, 'signed in');
    await new Promise((resolve) => setImmediate(resolve));
    const text = lines.join('');
    const [request, signIn] = text.trim().split('\n');
    expect(request).toMatch(
      /INFO.*GET \/api\/swr\/cn-north-4\/v2\/manage\/namespaces → 502 in 7 ms/,
    );
    expect(request).not.toContain('{');
    expect(signIn).toContain('signed in');
    expect(text).not.toContain('SK-secret');
  });

  it('when something logs headers, credentials or tokens by mistake, then they are redacted', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = createLogger('info', sink);
    log.info({
      req: {
        headers: {
          authorization: 'SDK-HMAC-SHA256 Access=AK, Signature=abc',
          cookie: '__Host-swr-console=sid',
          'x-auth-token': 'MIIs-token',
        },
      },
      res: {
        headers: {
          'set-cookie': '__Host-swr-console=sid',
          'x-swr-dockerlogin': 'docker login -p secret',
        },
      },
      credentials: { secretKey: 'SK-secret', password: 'pw', token: 'tok', loginKey: 'lk' },
    });
    const line = lines.join('');
    for (const secret of [
      'Signature=abc',
      'sid',
      'MIIs-token',
      'SK-secret',
      '"pw"',
      'tok"',
      'lk"',
      'docker login',
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(line.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(9);
  });
});
