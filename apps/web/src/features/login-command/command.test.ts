import { loginCommands } from '@swr-console/swr-api';
import { describe, expect, it } from 'vitest';
import { canUseLongTerm, expiryDate, MASK, maskPassword, toRequest } from './command';

const LOGIN = {
  registry: 'swr.cn-north-4.myhuaweicloud.com',
  username: 'cn-north-4@ABCDEFGHIJ',
  password: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
};

describe('maskPassword', () => {
  it('when the commands are shown, then the password is hidden in each of them and nothing else changes', () => {
    const commands = loginCommands(LOGIN);
    expect(maskPassword(commands.docker, LOGIN.password)).toBe(
      `docker login -u cn-north-4@ABCDEFGHIJ -p ${MASK} swr.cn-north-4.myhuaweicloud.com`,
    );
    expect(maskPassword(commands.nerdctl, LOGIN.password)).toBe(
      `nerdctl login -u cn-north-4@ABCDEFGHIJ -p ${MASK} swr.cn-north-4.myhuaweicloud.com`,
    );
    expect(maskPassword(commands.ctr, LOGIN.password)).toContain(
      `--user cn-north-4@ABCDEFGHIJ:${MASK} `,
    );
    for (const command of Object.values(commands))
      expect(maskPassword(command, LOGIN.password)).not.toContain(LOGIN.password);
  });

  it('when the password needs shell quoting, then its quoted form is hidden too', () => {
    const password = "it's$secret";
    const commands = loginCommands({ ...LOGIN, password, insecure: true });
    expect(maskPassword(commands.docker, password)).toBe(
      `docker login -u cn-north-4@ABCDEFGHIJ -p '${MASK}' swr.cn-north-4.myhuaweicloud.com`,
    );
    expect(maskPassword(commands.ctr, password)).not.toContain('secret');
  });

  it('when there is no password, then the command stays as it is', () => {
    expect(maskPassword('docker login', '')).toBe('docker login');
  });
});

describe('toRequest', () => {
  it('when temporary, then the duration goes along', () => {
    expect(
      toRequest({ region: 'r1', kind: 'temporary', durationSeconds: 3600 }, 'password'),
    ).toEqual({
      region: 'r1',
      kind: 'temporary',
      durationSeconds: 3600,
    });
  });

  it('when long-term with an access key, then no duration goes along', () => {
    expect(toRequest({ region: 'r1', kind: 'long-term', durationSeconds: 3600 }, 'aksk')).toEqual({
      region: 'r1',
      kind: 'long-term',
    });
  });

  it('when long-term is asked for in a password session, then a temporary login is asked for instead', () => {
    expect(canUseLongTerm('password')).toBe(false);
    expect(
      toRequest({ region: 'r1', kind: 'long-term', durationSeconds: 900 }, 'password').kind,
    ).toBe('temporary');
  });
});

describe('expiryDate', () => {
  it('when SWR sends an ISO time or epoch seconds or milliseconds, then each becomes the same date', () => {
    const iso = '2030-01-02T03:04:05.000Z';
    expect(expiryDate(iso)?.toISOString()).toBe(iso);
    expect(expiryDate('1893553445')?.toISOString()).toBe(iso);
    expect(expiryDate('1893553445000')?.toISOString()).toBe(iso);
  });

  it('when it is missing or unreadable, then there is no date', () => {
    expect(expiryDate(undefined)).toBeUndefined();
    expect(expiryDate('soon')).toBeUndefined();
  });
});
