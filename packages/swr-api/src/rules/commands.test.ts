import { describe, expect, it } from 'vitest';
import { imageAddress, loginCommands, pullCommands } from './commands.js';

const login = {
  registry: 'swr.cn-north-4.myhuaweicloud.com',
  username: 'cn-north-4@AKEXAMPLE',
  password: 'ab'.repeat(32),
};

describe('client commands', () => {
  it('when a login is shown, then docker, nerdctl and ctr each get the registry and the credentials', () => {
    expect(loginCommands(login)).toEqual({
      docker: `docker login -u cn-north-4@AKEXAMPLE -p ${'ab'.repeat(32)} swr.cn-north-4.myhuaweicloud.com`,
      nerdctl: `nerdctl login -u cn-north-4@AKEXAMPLE -p ${'ab'.repeat(32)} swr.cn-north-4.myhuaweicloud.com`,
      ctr: `ctr images pull --user cn-north-4@AKEXAMPLE:${'ab'.repeat(32)} swr.cn-north-4.myhuaweicloud.com/<organization>/<repository>:<tag>`,
    });
  });

  it('when the registry is plain HTTP, then nerdctl and ctr are told so', () => {
    const commands = loginCommands({ ...login, registry: '127.0.0.1:5000', insecure: true });
    expect(commands.nerdctl).toContain('--insecure-registry');
    expect(commands.ctr).toContain('--plain-http');
  });

  it('when a value needs quoting for the shell, then it is single-quoted safely', () => {
    expect(loginCommands({ ...login, password: "it's $HOME" }).docker).toContain(
      `-p 'it'\\''s $HOME'`,
    );
  });

  it('when an image is pulled by tag or by digest, then the address uses : or @', () => {
    const image = { registry: 'r', namespace: 'org', repository: 'team/app' };
    expect(imageAddress({ ...image, reference: 'v1.0' })).toBe('r/org/team/app:v1.0');
    expect(imageAddress({ ...image, reference: `sha256:${'a'.repeat(64)}` })).toBe(
      `r/org/team/app@sha256:${'a'.repeat(64)}`,
    );
    expect(pullCommands({ ...image, reference: 'v1' }).ctr).toBe(
      'ctr images pull r/org/team/app:v1',
    );
  });
});
