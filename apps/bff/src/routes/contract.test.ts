import { bffEndpoints, type BffEndpointId } from '@swr-console/contracts/bff';
import { bffOperations } from '@swr-console/contracts/bff/schemas';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, sandboxUser, startBff, type RunningBff } from '../testing/harness.js';

// Every operation of the BFF's contract, called at the method and path its table gives, answers
// its documented status with a body its schema accepts. The record below must name every
// operation (the compiler says which is missing), so a new route cannot skip this.
let bff: RunningBff;
let browser: Browser;
const region = 'cn-north-4';

/** A webhook receiver on loopback (the sandbox profile lets test events reach it). */
let receiver: Server;
beforeAll(async () => {
  bff = await startBff();
  browser = new Browser(bff.url);
  receiver = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  receiver?.close();
  await bff?.stop();
});

async function proxied<T>(path: string): Promise<T> {
  const answer = await browser.request('GET', `/api/swr/${region}${path}`);
  expect(answer.status, answer.text).toBe(200);
  return answer.json<T>();
}

/** The request each operation is checked with; they run in this order (sign-out last). */
const requests: Record<
  BffEndpointId,
  () => Promise<{ query?: string; body?: unknown; params?: Record<string, string> }>
> = {
  GetConfig: async () => ({}),
  GetCsrfToken: async () => ({}),
  SignIn: async () => {
    const admin = sandboxUser();
    await browser.fetchCsrf();
    return { body: { method: 'aksk', accessKey: admin.access_key, secretKey: admin.secret_key } };
  },
  ShowSession: async () => ({}),
  ListIamUsers: async () => ({}),
  CreateLoginCommand: async () => ({ body: { region, kind: 'long-term' } }),
  CheckSignatures: async () => {
    const project = sandboxUser().projects[region]!;
    const { instances } = await proxied<{ instances: { id: string }[] }>(
      `/v2/${project}/instances`,
    );
    const instance = instances[0]!.id;
    const { artifacts } = await proxied<{ artifacts: { digest: string }[] }>(
      `/v2/${project}/instances/${instance}/namespaces/platform/repositories/base-image/artifacts`,
    );
    const query = new URLSearchParams({
      instance,
      namespace: 'platform',
      repository: 'base-image',
    });
    for (const { digest } of artifacts) query.append('digest', digest);
    return { query: `?${query}` };
  },
  CompareRegions: async () => ({ query: '?against=ap-southeast-1&namespace=team-web&limit=5' }),
  InspectImage: async () => ({
    query: '?namespace=library&repository=busybox-mini&reference=latest&platform=linux/arm64',
  }),
  PlanRetentions: async () => ({
    query: '?namespace=library&template=tag_rule&count=1&exemptPattern=%5Elatest%24',
  }),
  ShowStorage: async () => ({ query: '?namespace=library' }),
  EstimateTagDeletion: async () => ({
    query: '?namespace=library&repository=alpine-lite&tag=3.19&tag=3.20',
  }),
  ListAuditEntries: async () => ({ query: '?limit=5' }),
  ListDeletions: async () => ({ query: `?region=${region}` }),
  UndoDeletion: async () => {
    const held = await browser.request(
      'DELETE',
      `/api/swr/${region}/v2/manage/namespaces/library/repos/busybox-mini`,
      { headers: { prefer: 'undo' } },
    );
    expect(held.status, held.text).toBe(202);
    return { params: { id: held.json<{ deletion: { id: string } }>().deletion.id } };
  },
  SendWebhookTest: async () => ({
    body: {
      target: {
        type: 'http',
        address: `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`,
        address_type: 'internal',
        auth_header: 'Authorization:Bearer contract',
      },
      namespace: 'platform',
    },
  }),
  SignOut: async () => ({}),
};

describe('the BFF contract', () => {
  it('when each operation is called as the table says, then it answers its status and a body the schema accepts', async () => {
    for (const [id, prepare] of Object.entries(requests)) {
      const operation = id as BffEndpointId;
      const { method, path, status } = bffEndpoints[operation];
      const { query = '', body, params = {} } = await prepare();
      const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? region);
      const answer = await browser.request(method, `${filled}${query}`, { body });
      expect(answer.status, `${id}: ${answer.text}`).toBe(status);
      if (operation === 'SignIn') browser.csrf = answer.json<{ csrfToken: string }>().csrfToken;
      const schema = bffOperations[operation];
      if ('response' in schema) {
        const parsed = schema.response.safeParse(answer.json());
        expect(parsed.success, `${id}: ${parsed.error?.message}`).toBe(true);
      } else {
        expect(answer.text, id).toBe('');
      }
    }
  });

  it('when a request breaks the contract, then 400 names each wrong field', async () => {
    const fresh = new Browser(bff.url);
    await fresh.signInWithKey(sandboxUser());
    const answer = await fresh.request('POST', '/api/login-command', {
      body: { region, kind: 'forever', durationSeconds: 60 },
    });
    expect(answer.status).toBe(400);
    const fields = answer.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    expect(fields.sort()).toEqual(['durationSeconds', 'kind']);
  });
});
