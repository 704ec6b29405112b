import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expectAccessible } from './a11y.js';
import { expect, test as base } from './fixtures.js';
import { WebhooksTab } from './pages/webhooks.js';
import { pushImage, sandboxUser } from './sandbox.js';

const test = base.extend<{ webhooks: WebhooksTab }>({
  webhooks: async ({ page, t }, use) => use(new WebhooksTab(page, t)),
});

const unique = () => Date.now().toString(36);

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver in the test process, on loopback: it keeps what it is sent. */
async function receiver(): Promise<{ server: Server; address: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString() });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('got it <b>e2e</b>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, address: `http://127.0.0.1:${port}/hook`, received };
}

/** Whether a delivery carries the signature SWR documents, keyed by the target's header text. */
function signedWith(one: Received, authHeader: string): boolean {
  const timestamp = String(one.headers['x-swr-timestamp']);
  const mac = createHmac('sha256', authHeader).update(`${timestamp}.${one.body}`).digest('hex');
  return one.headers['x-swr-signature-256'] === `sha256=${mac}`;
}

const tagOf = (one: Received) =>
  (JSON.parse(one.body) as { event_data: { resources: { tag: string }[] } }).event_data.resources[0]
    ?.tag;

test('when a webhook is created in the console, then its test event and a real push both reach the receiver, signed, and the push shows in the history as delivered', async ({
  page,
  t,
  signIn,
  enterprise,
  webhooks,
}) => {
  test.setTimeout(180_000);
  const hook = await receiver();
  try {
    await signIn.withAccessKey(sandboxUser('swr-demo'));
    await enterprise.open();
    const login = await enterprise.temporaryLogin();
    const namespace = `hooks-${unique()}`;
    await enterprise.createNamespace(namespace);
    await page.getByRole('link', { name: namespace, exact: true }).click();
    await webhooks.open(namespace);
    await expect(webhooks.list(namespace)).toContainText(t('wh.list.empty'));

    const dialog = await webhooks.create();
    await dialog.getByRole('textbox', { name: t('wh.name'), exact: true }).fill('ci-hook');
    const address = webhooks.targetField(dialog, 1, t('wh.target.address'));
    // A public address typed internal is refused at the field, with the contract's words.
    await address.fill('http://8.8.8.8/hook');
    await address.blur();
    await expect(address).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog).toContainText('An internal address must be a private-network IP address');
    await address.fill(hook.address);
    await expect(address).toHaveAttribute('aria-invalid', 'false');
    const authHeader = 'Authorization:Bearer e2e-secret;X-Team:platform';
    await webhooks.targetField(dialog, 1, t('wh.target.header')).fill(authHeader);
    await expectAccessible(page, 'the webhook dialog');

    // The test event: sent by the console, it reaches the receiver and its answer is shown.
    await expect(dialog).toContainText(t('wh.test.bySender'));
    await dialog.getByRole('button', { name: new RegExp(`^${t('wh.test.send')}`) }).click();
    const result = webhooks.testResult(dialog, 1);
    await expect(result).toContainText('HTTP 200');
    await expect(result).toContainText('got it <b>e2e</b>');
    await expect(result).toContainText(t('wh.test.ok'));
    expect(hook.received).toHaveLength(1);
    const tested = hook.received[0]!;
    expect(tested.headers['x-swr-event']).toBe('PUSH_ARTIFACT');
    expect(tested.headers.authorization).toBe('Bearer e2e-secret');
    expect(signedWith(tested, authHeader)).toBe(true);
    expect(tagOf(tested)).toBe('console-test');

    await dialog.getByRole('button', { name: t('common.save') }).click();
    await expect(dialog).toBeHidden();
    const row = webhooks.row(namespace, 'ci-hook');
    await expect(row).toContainText(hook.address);
    await expect(row).toContainText(t('wh.last.none'));
    await expect(
      row.getByRole('switch', { name: t('wh.enabledOf', { name: 'ci-hook' }) }),
    ).toBeChecked();

    // A real push: SWR delivers a PUSH_ARTIFACT event for that tag, signed the same way.
    await pushImage(login, `${namespace}/app:v1`, `e2e webhook ${namespace}`);
    await expect.poll(() => hook.received.map(tagOf), { timeout: 30_000 }).toContain('v1');
    const pushed = hook.received.find((one) => tagOf(one) === 'v1')!;
    expect(pushed.headers['x-swr-event']).toBe('PUSH_ARTIFACT');
    expect(signedWith(pushed, authHeader)).toBe(true);
    expect(pushed.headers['x-swr-delivery']).not.toBe(tested.headers['x-swr-delivery']);

    // The history: the push delivered, with the receiver's answer; the test event is not in it.
    const history = await webhooks.deliveries(namespace, 'ci-hook');
    const delivered = history.getByRole('row').filter({ hasText: t('wh.status.Succeed') });
    await expect(delivered).toHaveCount(1, { timeout: 30_000 });
    await expect(delivered).toContainText('HTTP 200');
    await expect(delivered).toContainText('got it <b>e2e</b>');
    await expect(history.getByRole('row')).toHaveCount(2);
    await expect(row).toContainText(t('wh.status.Succeed'));
    expect(page.url()).toMatch(/[?&]webhook=\d+/);
    await expectAccessible(page, 'the webhooks tab with a delivery history');

    // Editing: the saved address is fixed, the header values masked; a test says what it leaves out.
    const edit = await webhooks.edit(namespace, 'ci-hook');
    await expect(webhooks.targetField(edit, 1, t('wh.target.address'))).toHaveAttribute(
      'readonly',
      '',
    );
    await expect(edit).toContainText(t('wh.target.addressFixed'));
    await expect(webhooks.targetField(edit, 1, t('wh.target.header'))).toHaveValue(
      'Authorization:*****;X-Team:*****',
    );
    await expect(
      edit.getByRole('button', {
        name: new RegExp(`^${t('wh.test.sendWithout', { names: 'Authorization, X-Team' })}`),
      }),
    ).toBeVisible();
    await edit.getByRole('button', { name: t('common.cancel') }).click();
    await expect(edit).toBeHidden();
  } finally {
    hook.server.closeAllConnections();
    hook.server.close();
  }
});

test.describe('in Chinese, in the dark theme', () => {
  test.use({ language: 'zh-CN', colorScheme: 'dark' });

  test('when the webhooks tab and its dialog are opened, then they speak Chinese and are accessible', async ({
    page,
    t,
    signIn,
    enterprise,
    webhooks,
  }) => {
    test.setTimeout(120_000);
    await signIn.withAccessKey(sandboxUser('swr-demo'));
    await enterprise.open();
    const namespace = `hooks-zh-${unique()}`;
    await enterprise.createNamespace(namespace);
    await page.getByRole('link', { name: namespace, exact: true }).click();
    await webhooks.open(namespace);
    await expect(page.getByText(t('wh.list.empty'))).toBeVisible();
    await expectAccessible(page, 'the webhooks tab, in Chinese and dark');

    const dialog = await webhooks.create();
    const address = webhooks.targetField(dialog, 1, t('wh.target.address'));
    await address.fill('http://8.8.8.8/hook');
    await address.blur();
    await expect(dialog).toContainText('内网地址必须是私有网络 IP 地址');
    await expectAccessible(page, 'the webhook dialog, in Chinese and dark');
  });
});
