import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

describe('the logger', () => {
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
