import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  endpoints,
  normalizeError,
  operations,
  SwrErrorCode,
  type OperationId,
} from '@swr-console/swr-api';
import { format } from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOf, type Target } from '../testing/access-calls.js';
import { ACCESS, CALLERS, matrixTable, outcome, type Caller } from '../testing/access-matrix.js';
import { signingFetch, startSandbox, type Sandbox, type SandboxUser } from '../testing/sandbox.js';
import { snapshot } from '../testing/snapshot.js';

const docs = fileURLToPath(new URL('../../../../docs/swr-local.md', import.meta.url));
const START = '<!-- access matrix: rendered from apps/swr-local/src/testing/access-matrix.ts -->';
const END = '<!-- end of access matrix -->';

let sandbox: Sandbox;
let admin: SandboxUser;
const targets = {} as Record<Caller, Target & { user: SandboxUser | undefined }>;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo' });
  admin = sandbox.user();
  const reader = sandbox.user('dev-reader');
  const partner = sandbox.user(undefined, 1);
  const project = admin.projects['cn-north-4']!;
  const client = sandbox.client(admin);
  const instance = (await client.request('ListInstance', { path: { project_id: project } })).data
    .instances[0]!.id;
  const keyId = (await client.request('ListKeys', { path: { project_id: project }, body: {} })).data
    .key_details[0]!.key_id;
  const base = { project, instance, keyId, userId: reader.id };
  const frontend = { namespace: 'team-web', repository: 'frontend', tag: 'latest' };
  targets['other-account'] = { ...base, ...frontend, user: partner };
  targets['other-public'] = {
    ...base,
    namespace: 'library',
    repository: 'alpine-lite',
    tag: '3.20',
    user: partner,
  };
  targets['share-grantee'] = {
    ...base,
    namespace: 'team-web',
    repository: 'api$gateway',
    tag: '2.0.1',
    user: partner,
  };
  targets.reader = { ...base, ...frontend, user: reader };
  targets['reader-public'] = {
    ...base,
    namespace: 'library',
    repository: 'alpine-lite',
    tag: '3.20',
    user: reader,
  };
  targets.anonymous = { ...base, ...frontend, user: undefined };
}, 60_000);
afterAll(() => sandbox?.stop());

async function send(caller: Caller, id: OperationId) {
  const target = targets[caller];
  const call = callOf(id, target);
  const url = `${sandbox.api()}${call.path}`;
  const init = {
    method: call.method,
    headers: { 'content-type': 'application/json' },
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
  };
  const response = target.user
    ? await signingFetch(target.user, 'cn-north-4')(url, init)
    : await fetch(url, init);
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, code: normalizeError(body).code, text };
}

/** A refusal by authentication or authorization, as opposed to any other answer. */
function refusal(answer: { status: number; code: string | undefined }): boolean {
  return (
    answer.status === 401 ||
    answer.status === 403 ||
    (answer.status === 404 && answer.code === SwrErrorCode.namespaceNotFound)
  );
}

describe('who may call each operation', () => {
  it('when the contract has an operation, then the matrix has a row for it', () => {
    expect(Object.keys(ACCESS).sort()).toEqual(Object.keys(operations).sort());
  });

  it.each(CALLERS)(
    'when %s calls every operation, then each answer is the matrix’s, and what is refused changes nothing',
    async (caller) => {
      const wrong: string[] = [];
      const tested: OperationId[] = [];
      for (const id of Object.keys(ACCESS) as OperationId[]) {
        const expected = outcome(ACCESS[id], caller);
        if (expected.kind === 'own') continue;
        tested.push(id);
        const before = snapshot(sandbox);
        const answer = await send(caller, id);
        const got = `${answer.status} ${answer.code ?? ''}`;
        if (expected.kind === 'allowed' && refusal(answer))
          wrong.push(
            `${id}: allowed by the matrix, refused with ${got}: ${answer.text.slice(0, 160)}`,
          );
        if (
          expected.kind === 'refused' &&
          (answer.status !== expected.status || answer.code !== expected.code)
        )
          wrong.push(`${id}: expected ${expected.status} ${expected.code}, got ${got}`);
        if (JSON.stringify(snapshot(sandbox)) !== JSON.stringify(before))
          wrong.push(`${id}: changed the store`);
      }
      expect(wrong).toEqual([]);
      // Every operation that is not about the caller's own account was tried.
      expect(tested.length).toBeGreaterThan(caller === 'anonymous' ? 80 : 60);
    },
    120_000,
  );

  it('when docs/swr-local.md shows the matrix, then it is the one enforced here', async () => {
    const table = await format(
      matrixTable((id) => endpoints[id]),
      { parser: 'markdown', proseWrap: 'preserve' },
    );
    const text = readFileSync(docs, 'utf8');
    const from = text.indexOf(START);
    const to = text.indexOf(END);
    expect(from, `docs/swr-local.md has no "${START}" marker`).toBeGreaterThan(0);
    const shown = text.slice(from + START.length, to).trim();
    if (process.env.UPDATE_DOCS === '1' && shown !== table.trim())
      writeFileSync(
        docs,
        `${text.slice(0, from + START.length)}\n\n${table.trim()}\n\n${text.slice(to)}`,
      );
    else
      expect(shown, 'the table is out of date: run this test with UPDATE_DOCS=1').toBe(
        table.trim(),
      );
  });
});
