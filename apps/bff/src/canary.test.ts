import { deriveLoginKey } from '@swr-console/apig-signer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, sandboxUser, startBff, type Answer, type RunningBff } from './testing/harness.js';

// The sandbox account's keys serve as the canary: used for a whole session of work, they must not
// surface in any answer, log line or cookie. (The one exception is a login command the user asks
// for, which by design names the access key id in its user name.)
let bff: RunningBff;
const user = sandboxUser();
const canaries = {
  secretKey: user.secret_key,
  accessKey: user.access_key,
  loginKey: deriveLoginKey(user.access_key, user.secret_key),
  password: user.password,
};
const browser = () => new Browser(bff.url);
const answers: Answer[] = [];
const loginCommandAnswers: Answer[] = [];

beforeAll(async () => {
  bff = await startBff();
  const b = browser();
  await b.signIn({ method: 'aksk', accessKey: user.access_key, secretKey: `${user.secret_key}x` });
  await b.signInWithKey(user);
  await b.request('GET', '/api/session');
  await b.request('GET', '/api/swr/cn-north-4/v2/manage/namespaces');
  await b.request('GET', '/api/swr/cn-north-4/v2/manage/repos?limit=10&offset=0');
  await b.request('POST', '/api/swr/cn-north-4/v2/manage/namespaces', {
    body: { namespace: 'canary-org' },
  });
  await b.request('POST', '/api/swr/cn-north-4/v2/manage/namespaces', {
    body: { namespace: 'canary-org' },
  });
  await b.request('GET', '/api/swr/cn-north-4/v2/manage/namespaces/missing-org');
  await b.request('POST', '/api/swr/cn-north-4/v2/manage/utils/secret');
  await b.request('DELETE', '/api/swr/cn-north-4/v2/manage/namespaces/canary-org');
  await b.request('GET', '/api/audit');
  const before = b.seen.length;
  await b.request('POST', '/api/login-command', {
    body: { region: 'cn-north-4', kind: 'temporary' },
  });
  await b.request('POST', '/api/login-command', {
    body: { region: 'cn-north-4', kind: 'long-term' },
  });
  loginCommandAnswers.push(...b.seen.slice(before));
  await b.request('DELETE', '/api/session');
  const password = browser();
  await password.signIn({
    method: 'password',
    accountName: user.account,
    userName: user.name,
    password: `${user.password}x`,
  });
  await password.signIn({
    method: 'password',
    accountName: user.account,
    userName: user.name,
    password: user.password,
  });
  await password.request('GET', '/api/swr/ap-southeast-1/v2/manage/namespaces');
  answers.push(...b.seen.filter((a) => !loginCommandAnswers.includes(a)), ...password.seen);
});
afterAll(() => bff?.stop());

describe('secrets stay on the server', () => {
  it('when the session of work is done, then no answer body or header holds the secret key, access key, login key or password', () => {
    expect(answers.length).toBeGreaterThan(15);
    for (const answer of answers) {
      const everything = `${answer.text}\n${[...answer.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n')}`;
      for (const [name, value] of Object.entries(canaries))
        expect(everything, name).not.toContain(value);
    }
  });

  it('when a long-term login command was asked for, then only it carries the access key id, and never the secret key', () => {
    expect(loginCommandAnswers.map((a) => a.status)).toEqual([200, 200]);
    for (const answer of loginCommandAnswers) expect(answer.text).not.toContain(canaries.secretKey);
  });

  it('when the logs are read, then no line holds any of them, nor a session id', () => {
    expect(bff.logs.length).toBeGreaterThan(10);
    const all = bff.logs.join('\n');
    for (const [name, value] of Object.entries(canaries)) expect(all, name).not.toContain(value);
    expect(all).not.toMatch(/__Host-swr-console=[A-Za-z0-9_-]{20}/);
  });

  it('when cookies were set, then they hold only the opaque session id, or the signed-in mark', () => {
    const cookies = answers.flatMap((a) => a.headers.getSetCookie());
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies)
      expect(cookie).toMatch(
        /^(__Host-swr-console=([A-Za-z0-9_-]{43})?|__Host-swr-console-signed-in=1?);/,
      );
  });
});
