import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

describe('configuration from the environment', () => {
  it('when nothing is set, then the local profile with SQLite sessions on port 8080 follows', () => {
    expect(parseConfig({})).toMatchObject({
      PROFILE: 'local',
      PORT: 8080,
      SESSION_STORE: 'sqlite',
      SESSION_IDLE_MINUTES: 30,
      SESSION_MAX_HOURS: 12,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PROFILE: 'aws' }, 'PROFILE'],
    [{ SESSION_STORE: 'redis' }, 'REDIS_URL'],
    [{ PROFILE: 'huaweicloud' }, 'CREDENTIALS_KEY'],
    [{ CREDENTIALS_KEY: 'c2hvcnQ=' }, 'CREDENTIALS_KEY'],
    [{ HUAWEICLOUD_REGIONS: 'cn-north-4,moon' }, 'HUAWEICLOUD_REGIONS'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'],
  ])('when %j is set, then the error names %s', (env, variable) => {
    let error: unknown;
    try {
      parseConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.join('\n')).toMatch(new RegExp(`^${variable}: `, 'm'));
  });

  it('when the huaweicloud profile is chosen with its key, then its regions are the listed ones', () => {
    const config = parseConfig({
      PROFILE: 'huaweicloud',
      CREDENTIALS_KEY: Buffer.alloc(32, 7).toString('base64'),
      HUAWEICLOUD_REGIONS: 'cn-east-3, eu-west-101',
    });
    expect(config.HUAWEICLOUD_REGIONS).toEqual(['cn-east-3', 'eu-west-101']);
  });
});
