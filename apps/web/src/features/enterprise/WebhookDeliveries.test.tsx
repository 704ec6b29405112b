import type { WebhookPolicy } from '@swr-console/swr-api';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TestProviders } from '../../testing/render';
import { WebhookDeliveries } from './components/WebhookDeliveries';
import { WebhookTargetFields } from './components/WebhookTargetFields';
import { fromWebhook } from './webhook-body';

const ref = { region: 'cn-north-4', projectId: 'p', instance: 'i-1' };
const HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>\u202eevil';

const webhook: WebhookPolicy = {
  id: 7,
  name: 'ci',
  description: '',
  targets: [
    {
      type: 'http',
      address: 'http://10.0.0.8:8080/hook',
      auth_header: 'Authorization:*****;X-Team:*****',
      address_type: 'internal',
    },
  ],
  event_types: ['PUSH_ARTIFACT'],
  enabled: true,
  namespace_id: 3,
  namespace_name: 'team',
  creator: 'ops',
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  scope_rules: [],
};

afterEach(() => vi.mocked(fetch).mockReset());

describe('the delivery history', () => {
  it('when a receiver answered markup and reordering marks, then they are shown as text and nothing of them runs', async () => {
    const asked: string[] = [];
    vi.mocked(fetch).mockImplementation(async (input) => {
      asked.push(String(input));
      return Response.json({
        total: 1,
        jobs: [
          {
            id: 1,
            policy_id: 7,
            event_type: 'PUSH_ARTIFACT',
            notify_type: 'http',
            status: 'Failed',
            status_text: 'HTTP 500 after 3 attempts',
            job_detail: JSON.stringify({
              attempt: 3,
              status_code: 500,
              response_excerpt: HOSTILE,
              error: null,
              duration_ms: 4,
            }),
            created_at: '2026-01-02T00:00:00Z',
            updated_at: '2026-01-02T00:01:10Z',
          },
        ],
      });
    });
    render(
      <TestProviders>
        <WebhookDeliveries
          target={ref}
          namespace="team"
          webhook={webhook}
          status="Failed"
          page={2}
          pageSize={10}
          onChange={() => undefined}
        />
      </TestProviders>,
    );
    const table = await screen.findByRole('table', { name: 'Deliveries of ci' });
    const row = (await within(table).findByText('HTTP 500')).closest('tr')!;
    expect(row).toHaveTextContent('3');
    expect(row.querySelector('pre')!.textContent).toBe(
      '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>\\u{202e}evil',
    );
    expect(document.querySelector('img, script')).toBeNull();
    expect(Reflect.get(window, 'pwned')).toBeUndefined();
    // The filter and the page are the server's: status and offset in the query.
    expect(asked[0]).toMatch(/\/webhook\/policies\/7\/jobs\?offset=10&limit=10&status=Failed$/);
  });
});

describe('a test event from the dialog', () => {
  it('when a stored target’s header values are masked, then the button says it sends without them, and what is sent leaves them out', async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    vi.mocked(fetch).mockImplementation(async (input, init) => {
      sent.push({ url: String(input), body: JSON.parse(String(init?.body)) });
      return Response.json({
        ok: true,
        status_code: 200,
        response_excerpt: '<b>thanks</b>',
        duration_ms: 3,
        delivery_id: '3f9f6a52-8f6b-4c55-9d1e-7c1f1f6f0a01',
      });
    });
    const target = fromWebhook(webhook).targets[0]!;
    render(
      <TestProviders>
        <WebhookTargetFields
          idPrefix="t"
          index={0}
          target={{ ...target, authHeader: 'Authorization:*****;X-Team:blue' }}
          namespace="team"
          problems={{}}
          removeBlocked="A webhook needs a target."
          onChange={() => undefined}
          onTouch={() => undefined}
          onRemove={() => undefined}
        />
      </TestProviders>,
    );
    expect(screen.getByRole('textbox', { name: 'Address' })).toHaveAttribute('readonly');
    expect(screen.getByText(/cannot change/)).toBeInTheDocument();
    expect(screen.getByText(/never shows the values of Authorization/)).toBeInTheDocument();
    await user.click(
      screen.getByRole('button', { name: /^Send a test event without Authorization/ }),
    );
    const result = await screen.findByRole('status', { name: 'Test event of Target 1' });
    expect(await within(result).findByText('HTTP 200')).toBeInTheDocument();
    expect(within(result).getByText('<b>thanks</b>')).toBeInTheDocument();
    expect(sent).toEqual([
      {
        url: '/api/webhook-test',
        body: {
          target: {
            type: 'http',
            address: 'http://10.0.0.8:8080/hook',
            address_type: 'internal',
            auth_header: 'X-Team:blue',
            skip_cert_verify: false,
          },
          namespace: 'team',
        },
      },
    ]);
  });
});
