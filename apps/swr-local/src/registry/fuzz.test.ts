import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frontCalls, frontToken, send } from '../testing/fuzz.js';
import { signingFetch, startSandbox, type Sandbox } from '../testing/sandbox.js';

let sandbox: Sandbox;
let token: string;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo' });
  token = await frontToken(sandbox, sandbox.user());
}, 60_000);
afterAll(() => sandbox?.stop());

describe('fuzzing the registry front', () => {
  it('when clients send odd targets, references, tokens and bodies, then none gets a 5xx and no answer names a path on disk', async () => {
    const wrong: string[] = [];
    const base = `http://${sandbox.registry()}`;
    await fc.assert(
      fc.asyncProperty(frontCalls(token), async (call) => {
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

  it('when many pulls and API reads arrive at once, then every one is answered, none with a 5xx', async () => {
    const base = `http://${sandbox.registry()}`;
    const admin = sandbox.user();
    const pulls = Array.from({ length: 150 }, () =>
      send(base, {
        method: 'GET',
        path: '/v2/team-web/frontend/manifests/latest',
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/vnd.oci.image.manifest.v1+json',
        },
        body: Buffer.alloc(0),
      }),
    );
    const reads = Array.from({ length: 150 }, () =>
      signingFetch(admin, 'cn-north-4')(
        `${sandbox.api()}/v2/manage/namespaces/team-web/repos/frontend/tags`,
        { headers: { 'content-type': 'application/json' } },
      ).then((response) => ({ status: response.status })),
    );
    const statuses = [...(await Promise.all(pulls)), ...(await Promise.all(reads))].map(
      (answer) => answer.status,
    );
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
  });
});
