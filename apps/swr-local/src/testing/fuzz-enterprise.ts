import fc from 'fast-check';

/**
 * Bodies for the Enterprise operations of replication, retention, webhooks and long-term
 * credentials. Most are one body valid for all of them at once (their schemas take unknown keys),
 * with one field made hostile, so that the calls get past validation and reach the handlers, or
 * fail at exactly one field. Addresses are on loopback where nothing answers: the fuzzer calls no
 * machine but this one.
 */

const text = fc.string({ unit: 'binary', maxLength: 80 });

const selector = (decoration: string) => ({ kind: 'doublestar', decoration, pattern: '**' });

/** A body that every create, update and execute of these operations takes. */
function validForAll(name: string, id: number, dryRun: boolean) {
  return {
    name,
    namespace_name: name,
    metadata: { public: 'false' },
    type: 'swr-pro',
    url: 'http://127.0.0.1:9',
    credential: { type: 'basic', access_key: 'robot', access_secret: '*****' },
    insecure: false,
    dest_registry: { id },
    filters: [{ type: 'name', value: 'nothing/**' }],
    repo_scope_mode: 'regular',
    trigger: { type: 'manual' },
    override: false,
    enabled: true,
    enable: true,
    policy_id: id,
    dry_run: dryRun,
    algorithm: 'or',
    rules: [
      {
        action: 'retain',
        template: 'latestPushedK',
        params: { latestPushedK: 3 },
        tag_selectors: [selector('matches')],
        scope_selectors: { repository: [selector('repoMatches')] },
        repo_scope_mode: 'regular',
      },
    ],
    event_types: ['PUSH_ARTIFACT'],
    targets: [
      {
        type: 'http',
        address: 'http://127.0.0.1:9/hook',
        address_type: 'internal',
        auth_header: 'Authorization:*****',
      },
    ],
    scope_rules: [
      {
        repo_scope_mode: 'regular',
        scope_selectors: { repository: [selector('repoMatches')] },
        tag_selectors: [selector('matches')],
      },
    ],
  };
}

type Body = ReturnType<typeof validForAll>;

const hostile = fc.oneof(
  text,
  fc.constantFrom(
    null,
    -1,
    0,
    2 ** 53,
    1.5,
    '',
    '*****',
    'a'.repeat(5000),
    [],
    {},
    true,
    'http://127.0.0.1:9',
    'ftp://127.0.0.1',
    'http://user:pw@127.0.0.1:9',
    'http://169.254.169.254/latest',
    [{ type: 'name', value: '{' }],
    [
      { type: 'tag', value: 'v*' },
      { type: 'tag', value: 'w*' },
    ],
    { type: 'scheduled', trigger_settings: { cron: '* * * * * *' } },
    { type: 'scheduled', trigger_settings: { cron: '0 0 0 31 2 *' } },
    { type: 'event_based' },
    { id: 1 },
    { type: 'basic', access_key: 'x'.repeat(300), access_secret: '' },
    [{ type: 'http', address: 'http://127.0.0.1:9/a', address_type: 'internet' }],
    [
      {
        type: 'http',
        address: 'http://10.0.0.1/',
        address_type: 'internal',
        auth_header: 'Host:x',
      },
    ],
    [
      {
        type: 'http',
        address: 'http://10.0.0.1/',
        address_type: 'internal',
        auth_header: 'A:*****',
      },
    ],
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

const keys = Object.keys(validForAll('', 0, false)) as (keyof Body)[];

export function enterpriseBodies(): fc.Arbitrary<Buffer> {
  return fc
    .record({
      name: fc.oneof(
        fc.constantFrom('fz-a', 'fz-b', 'fz-c'),
        fc.nat(50).map((n) => `fz-${n}`),
      ),
      id: fc.integer({ min: 1, max: 3 }),
      dryRun: fc.boolean(),
      // Mostly valid as it is, else one field hostile or missing.
      change: fc.option(
        fc.record({ key: fc.constantFrom(...keys), value: fc.option(hostile, { freq: 5 }) }),
        { freq: 2 },
      ),
    })
    .map(({ name, id, dryRun, change }) => {
      const body: Record<string, unknown> = validForAll(name, id, dryRun);
      // A field left out is sent as undefined, which JSON drops.
      if (change) body[change.key] = change.value ?? undefined;
      return Buffer.from(JSON.stringify(body));
    });
}
