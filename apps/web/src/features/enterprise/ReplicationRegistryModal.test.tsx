import type { Registry } from '@swr-console/swr-api';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TestProviders } from '../../testing/render';
import { ReplicationRegistryModal } from './components/ReplicationRegistryModal';

const ref = { region: 'cn-north-4', projectId: 'p', instance: 'i-1' };
const stored: Registry = {
  id: 3,
  name: 'mirror',
  description: '',
  region_id: '',
  instance_id: '',
  type: 'swr-pro',
  url: 'https://mirror.example.com:5000',
  credential: { type: 'basic', access_key: 'robot', access_secret: '*****' },
  insecure: false,
  status: 'healthy',
  created_at: '2026-05-01T00:00:00Z',
  updated_at: '2026-05-01T00:00:00Z',
};

/** Opens the dialog and waits for it to give its first field the focus, as it does on opening. */
async function open(editing?: Registry, taken: string[] = []) {
  localStorage.setItem('swr-console.locale', 'en-US');
  const onClose = vi.fn();
  render(
    <TestProviders>
      <ReplicationRegistryModal
        target={ref}
        editing={editing}
        taken={new Set(taken)}
        onClose={onClose}
      />
    </TestProviders>,
  );
  await waitFor(() => expect(screen.getByLabelText('Name')).toHaveFocus());
  return onClose;
}

/** Answers each call with `answer`, and records what was sent. */
function answer(response: () => Response) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  vi.mocked(fetch).mockImplementation(async (input, init) => {
    calls.push({
      method: init?.method ?? 'GET',
      path: new URL(String(input), 'http://console').pathname,
      body: JSON.parse(String(init?.body ?? 'null')),
    });
    return response();
  });
  return calls;
}

afterEach(() => vi.mocked(fetch).mockReset());

/** Typing into a large dialog key by key is slow on a busy machine: these tests get longer. */
const TYPING_MS = 15_000;

describe('the registry dialog', () => {
  it(
    'when the address is not a full http(s) address, then its field says so and Save sends nothing',
    async () => {
      const user = userEvent.setup();
      await open(undefined, ['mirror']);
      await user.type(await screen.findByLabelText('Name'), 'mirror');
      expect(await screen.findByText('This name is taken: choose another.')).toBeInTheDocument();
      await user.clear(screen.getByLabelText('Name'));
      await user.type(screen.getByLabelText('Name'), 'backup');
      const address = screen.getByLabelText('Address');
      await user.type(address, 'registry.example.com');
      await user.tab();
      expect(
        await screen.findByText('Enter a full address, e.g. https://host:5000.'),
      ).toBeInTheDocument();
      expect(address).toHaveAttribute('aria-invalid', 'true');

      await user.click(screen.getByRole('button', { name: 'Save' }));
      expect(vi.mocked(fetch)).not.toHaveBeenCalled();

      await user.clear(address);
      // A host and port parses as a scheme of its own: it is not http(s).
      await user.type(address, 'registry.example.com:5000');
      expect(await screen.findByText('Use an http:// or https:// address.')).toBeInTheDocument();
    },
    TYPING_MS,
  );

  it(
    'when a registry is edited without touching its secret, then the field says the stored one is kept and ***** is sent',
    async () => {
      const user = userEvent.setup();
      const calls = answer(() => new Response(null, { status: 200 }));
      const onClose = await open(stored);
      expect(
        await screen.findByText('The stored secret is kept unless you type a new one.'),
      ).toBeInTheDocument();
      expect(screen.getByLabelText('Secret')).toHaveValue('');
      const address = screen.getByLabelText('Address');
      await user.clear(address);
      // Another address: the stored secret is not sent there.
      await user.type(address, 'https://elsewhere.example.com:5443');
      await user.click(screen.getByRole('button', { name: 'Save' }));
      expect(
        await screen.findByText(
          'The address changed: enter the secret again. The stored one is only sent to its own address.',
        ),
      ).toBeInTheDocument();
      expect(calls).toEqual([]);
      // Its own address, written with a path: kept.
      await user.clear(address);
      await user.type(address, 'https://mirror.example.com:5000/v2');
      await user.click(screen.getByRole('button', { name: 'Save' }));

      await waitFor(() => expect(onClose).toHaveBeenCalled());
      expect(calls[0]).toEqual({
        method: 'PUT',
        path: '/api/swr/cn-north-4/v2/p/instances/i-1/registries/3',
        body: {
          name: 'mirror',
          type: 'swr-pro',
          url: 'https://mirror.example.com:5000/v2',
          credential: { type: 'basic', access_key: 'robot', access_secret: '*****' },
          insecure: false,
        },
      });
    },
    TYPING_MS,
  );

  it(
    'when a new secret is typed on an edit, then it is sent instead of *****',
    async () => {
      const user = userEvent.setup();
      const calls = answer(() => new Response(null, { status: 200 }));
      await open(stored);
      await user.type(await screen.findByLabelText('Secret'), 'rotated');
      expect(
        screen.queryByText('The stored secret is kept unless you type a new one.'),
      ).not.toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(calls).toHaveLength(1));
      expect(calls[0]!.body).toMatchObject({
        credential: { access_key: 'robot', access_secret: 'rotated' },
      });
    },
    TYPING_MS,
  );

  it(
    'when SWR answers that the name is taken, then the name field says so',
    async () => {
      const user = userEvent.setup();
      answer(() =>
        Response.json(
          { error_code: 'SWR.409001', error_msg: 'A registry named "mirror" already exists.' },
          { status: 409 },
        ),
      );
      const onClose = await open();
      await user.type(await screen.findByLabelText('Name'), 'mirror');
      await user.type(screen.getByLabelText('Address'), 'http://127.0.0.1:5000');
      await user.click(screen.getByRole('button', { name: 'Save' }));
      expect(await screen.findByText('This name is taken: choose another.')).toBeInTheDocument();
      expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
      expect(onClose).not.toHaveBeenCalled();
    },
    TYPING_MS,
  );
});
