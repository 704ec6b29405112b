import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frontCalls, send } from '../testing/fuzz.js';
import { loginKey, startSandbox, type Sandbox } from '../testing/sandbox.js';

let sandbox: Sandbox;
let token: string;
const repositories = ['team-web/frontend', 'library/alpine-lite', 'team-web/api/gateway'];

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo' });
  const admin = sandbox.user();
  const basic = Buffer.from(`cn-north-4@${admin.access_key}:${loginKey(admin)}`).toString('base64');
  const scopes = repositories.map((r) => `scope=repository:${r}:pull,push,delete`).join('&');
  const answer = await fetch(
    `http://${sandbox.registry()}/service/token?service=swr-local&${scopes}`,
    {
      headers: { authorization: `Basic ${basic}` },
    },
  );
  token = ((await answer.json()) as { token: string }).token;
}, 60_000);
afterAll(() => sandbox?.stop());

describe('fuzzing the registry front', () => {
  it('when clients send odd targets, references, tokens and bodies, then none gets a 5xx and no answer names a path on disk', async () => {
    const wrong: string[] = [];
    const base = `http://${sandbox.registry()}`;
    await fc.assert(
      fc.asyncProperty(frontCalls(token, repositories), async (call) => {
        const answer = await send(base, call);
        if (
          answer.status === undefined ||
          answer.status >= 500 ||
          answer.body.includes(sandbox.dataDir)
        )
          wrong.push(
            `${call.method} ${call.path.slice(0, 160)} → ${answer.status} ${answer.body.slice(0, 200)}`,
          );
      }),
      { seed: Number(process.env.FUZZ_SEED ?? 17), numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
    expect(wrong).toEqual([]);
  }, 120_000);

  it.each(['//[', '//a:b@c:99999/v2/', 'http://[/v2/', '*'])(
    'when the request target is %s, then 400 in Distribution’s error body',
    async (target) => {
      const answer = await send(`http://${sandbox.registry()}`, {
        method: 'GET',
        path: target,
        headers: {},
        body: Buffer.alloc(0),
      });
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ errors: [{ code: 'UNSUPPORTED' }] });
    },
  );

  it.each([
    ['GET', 'sha256:zz', 'DIGEST_INVALID'],
    ['HEAD', '%', 'TAG_INVALID'],
  ])(
    'when %s asks for manifest %s, then 400 %s, and a HEAD answer has no body',
    async (method, reference, code) => {
      const answer = await send(`http://${sandbox.registry()}`, {
        method,
        path: `/v2/team-web/frontend/manifests/${reference}`,
        headers: { authorization: `Bearer ${token}` },
        body: Buffer.alloc(0),
      });
      expect(answer.status).toBe(400);
      if (method === 'HEAD') expect(answer.body).toBe('');
      else expect(JSON.parse(answer.body)).toMatchObject({ errors: [{ code }] });
    },
  );
});
