import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  callsAsCurl,
  callsAsJson,
  callsAsKooCli,
  callsAsSdk,
  shellQuote,
  type CallTarget,
} from './request-text.js';
import { swrCall } from '../wire/call.js';

const target: CallTarget = {
  region: 'cn-north-4',
  api: 'https://swr-api.cn-north-4.myhuaweicloud.com',
  kms: 'https://kms.cn-north-4.myhuaweicloud.com',
  projectId: '0a1b2c',
};

const createRepo = swrCall('CreateRepo', {
  path: { namespace: 'team' },
  body: { repository: 'web/app', is_public: false, category: 'linux', description: "it's new" },
});

/** What bash makes of a text: the words it splits it into, one per line. */
function words(text: string): string[] {
  const out = execFileSync('bash', ['-c', `printf '%s\\n' ${text}`], { encoding: 'utf8' });
  return out.split('\n').slice(0, -1);
}

describe('the text of a request', () => {
  it('when any text is quoted for the shell, then bash reads it back as one word, unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 4 }),
        (texts) => {
          const clean = texts.map((text) => text.replace(/[\0\n]/g, ''));
          expect(words(clean.map(shellQuote).join(' '))).toEqual(clean);
        },
      ),
      { numRuns: 40 },
    );
  }, 30_000); // forty bash processes: seconds on a busy machine

  it('when a call is shown as JSON, then it has the method, the encoded path and the body, and no credential', () => {
    const text = callsAsJson([
      swrCall('DeleteRepoTag', {
        path: { namespace: 'team', repository: 'web/app', tag: 'v1+build' },
      }),
    ]);
    expect(JSON.parse(text)).toEqual({
      operation: 'DeleteRepoTag',
      method: 'DELETE',
      path: '/v2/manage/namespaces/team/repos/web$app/tags/v1%2Bbuild',
    });
    expect(JSON.parse(callsAsJson([createRepo]))).toMatchObject({ body: createRepo.input.body });
  });

  it('when a call is shown as curl, then the shell hands curl the URL and the body byte for byte', () => {
    const text = callsAsCurl([createRepo], target);
    const command = text
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .join('\n');
    const argv = words(
      command
        .replace(/^curl /, '')
        .replaceAll('$X_SDK_DATE', 'D')
        .replaceAll('$SDK_AUTHORIZATION', 'A'),
    );
    expect(argv).toEqual([
      '-X',
      'POST',
      'https://swr-api.cn-north-4.myhuaweicloud.com/v2/manage/namespaces/team/repos',
      '-H',
      'Content-Type: application/json',
      '-H',
      'X-Project-Id: 0a1b2c',
      '-H',
      'X-Sdk-Date: D',
      '-H',
      'Authorization: A',
      '--data-raw',
      JSON.stringify(createRepo.input.body),
    ]);
  });

  it('when several calls are shown as curl, then each reads its own signature', () => {
    const text = callsAsCurl([createRepo, createRepo], target);
    expect(text).toContain('"Authorization: $SDK_AUTHORIZATION_1"');
    expect(text).toContain('"X-Sdk-Date: $X_SDK_DATE_2"');
    expect(text).not.toContain('$SDK_AUTHORIZATION"');
  });

  it('when a call is shown for KooCLI, then path and body are flags, nested with dots and counted from 1', () => {
    const retention = swrCall('CreateRetention', {
      path: { namespace: 'team', repository: 'web/app' },
      body: {
        algorithm: 'or',
        rules: [{ template: 'tag_rule', params: { num: '5' }, tag_selectors: [] }],
      },
    });
    // What bash hands `hcloud`, line continuations and quotes resolved.
    const script = `hcloud() { printf '%s\\n' "$@"; echo; }\n${callsAsKooCli([createRepo, retention], target)}`;
    const out = execFileSync('bash', ['-c', script], { encoding: 'utf8' });
    expect(
      out
        .trim()
        .split('\n\n')
        .map((command) => command.split('\n')),
    ).toEqual([
      [
        'SWR',
        'CreateRepo',
        '--cli-region=cn-north-4',
        '--cli-project-id=0a1b2c',
        '--namespace=team',
        '--repository=web/app',
        '--is_public=false',
        '--category=linux',
        "--description=it's new",
      ],
      [
        'SWR',
        'CreateRetention',
        '--cli-region=cn-north-4',
        '--cli-project-id=0a1b2c',
        '--namespace=team',
        '--repository=web$app',
        '--algorithm=or',
        '--rules.1.template=tag_rule',
        '--rules.1.params.num=5',
        '--rules.1.tag_selectors=[]',
      ],
    ]);
  });

  it("when the endpoint is not Huawei Cloud's, then KooCLI is pointed at it", () => {
    const local = { ...target, api: 'http://127.0.0.1:9300' };
    expect(callsAsKooCli([createRepo], local)).toContain("--cli-endpoint='http://127.0.0.1:9300'");
  });

  it('when a body is an array, then KooCLI reads the call from a JSON file', () => {
    const text = callsAsKooCli(
      [
        swrCall('CreateUserRepositoryAuth', {
          path: { namespace: 'team', repository: 'app' },
          body: [{ user_id: 'u1', user_name: 'dev', auth: 1 }],
        }),
      ],
      target,
    );
    const [, json] = /<<'JSON'\n([\s\S]*)\nJSON\n/.exec(text)!;
    expect(JSON.parse(json!)).toEqual({
      path: { namespace: 'team', repository: 'app' },
      body: [{ user_id: 'u1', user_name: 'dev', auth: 1 }],
    });
    expect(text).toMatch(/--cli-jsonInput=SWR_CreateUserRepositoryAuth\.json$/);
  });

  it('when a call is shown for the SDK, then each field is set through its model', () => {
    const result = callsAsSdk([createRepo], target);
    expect(result).toHaveProperty('snippet');
    const { snippet } = result as { snippet: string };
    expect(snippet).toContain(
      "import { CreateRepoRequest, CreateRepoRequestBody, SwrClient } from '@huaweicloud/huaweicloud-sdk-swr';",
    );
    expect(snippet).toContain('.withIsPublic(false)');
    expect(snippet).toContain('.withProjectId("0a1b2c")');
    expect(snippet).not.toMatch(/withAk\("/);
  });

  it('when the SDK has no such operation or field, then the snippet says which instead of guessing', () => {
    const enterprise = swrCall('DeleteInstanceNamespace', {
      path: { project_id: 'p', instance_id: 'i', namespace_name: 'n' },
    });
    expect(callsAsSdk([enterprise], target)).toEqual({
      missing: 'operation',
      name: 'DeleteInstanceNamespace',
    });
    const odd = {
      ...createRepo,
      input: { ...createRepo.input, body: { repository: 'a', color: 'red' } },
    };
    expect(callsAsSdk([odd], target)).toEqual({ missing: 'field', name: 'color' });
  });
});
