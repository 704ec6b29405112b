import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../app/App';
import { TestProviders } from '../../testing/render';
import { CreateCredentialModal } from './components/CreateCredentialModal';

const ref = { region: 'cn-north-4', projectId: 'p', instance: 'i-1' };
const REGISTRY = '127.0.0.1:9400';
const SECRET = '5f0c1e7a9d3b4c2e8f6a1b0d9c8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e';
const USER = 'cn-north-4@LT0123456789abcdef0123456789abcdef';

/** The dialog as the page shows it: mounted while open, gone (with its state) once closed. */
function Page({ queryClient }: { queryClient: ReturnType<typeof createQueryClient> }) {
  const [open, setOpen] = useState(true);
  return (
    <TestProviders queryClient={queryClient}>
      {open ? (
        <CreateCredentialModal target={ref} registry={REGISTRY} onClose={() => setOpen(false)} />
      ) : (
        <p>closed</p>
      )}
    </TestProviders>
  );
}

function open() {
  localStorage.setItem('swr-console.locale', 'en-US');
  const queryClient = createQueryClient();
  render(<Page queryClient={queryClient} />);
  return queryClient;
}

/** Answers the creation as SWR does, and records what was sent. */
function answerCreation(): { method: string; body: unknown }[] {
  const calls: { method: string; body: unknown }[] = [];
  vi.mocked(fetch).mockImplementation(async (_, init) => {
    calls.push({ method: init?.method ?? 'GET', body: JSON.parse(String(init?.body ?? 'null')) });
    return Response.json(
      {
        auth_token: SECRET,
        user_id: USER,
        token_id: 'LT0123456789abcdef0123456789abcdef',
        created_at: '2026-05-01T12:00:00Z',
        expire_date: '',
      },
      { status: 201 },
    );
  });
  return calls;
}

afterEach(() => vi.mocked(fetch).mockReset());

describe('CreateCredentialModal', () => {
  it('when a name breaks the contract’s rule, then the field says why as it is typed, and Create sends nothing', async () => {
    const user = userEvent.setup();
    open();
    const input = await screen.findByLabelText('Name');

    await user.type(input, 'CI');
    expect(
      await screen.findByText('Capital letters are not allowed: use lower-case letters.'),
    ).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');

    await user.clear(input);
    await user.type(input, 'ci--bot');
    expect(
      await screen.findByText(
        '“--” is not allowed: put a single . _ or - between letters and digits.',
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await user.keyboard('{Enter}');
    expect(vi.mocked(fetch)).not.toHaveBeenCalled();

    await user.clear(input);
    await user.type(input, 'ci-bot');
    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'false'));
    expect(
      screen.getByText(
        '1–64 lower-case letters and digits, with single ".", "_" or "-" between them.',
      ),
    ).toBeInTheDocument();
  });

  it('when SWR answers that the name is taken, then the field says so until the name changes', async () => {
    vi.mocked(fetch).mockResolvedValue(
      Response.json(
        { error_code: 'SWR.409001', error_msg: 'Long-term credential "ci" already exists.' },
        { status: 409 },
      ),
    );
    const user = userEvent.setup();
    open();
    const input = await screen.findByLabelText('Name');
    await user.type(input, 'ci{Enter}');
    expect(await screen.findByText('You have a credential named ci already.')).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.type(input, '-2');
    expect(screen.queryByText('You have a credential named ci already.')).not.toBeInTheDocument();
  });

  it('when it is created, then the secret is shown once with a whole docker login, and nothing keeps it after the dialog closes', async () => {
    const calls = answerCreation();
    const user = userEvent.setup();
    const queryClient = open();
    await user.type(await screen.findByLabelText('Name'), 'ci-bot');
    await user.click(screen.getByRole('button', { name: 'Create' }));

    const dialog = await screen.findByRole('dialog', { name: 'Credential ci-bot created' });
    expect(calls).toEqual([{ method: 'POST', body: { name: 'ci-bot' } }]);
    expect(within(dialog).getByText(/cannot be shown again/)).toBeVisible();
    expect(within(dialog).getByText(USER)).toBeVisible();
    expect(within(dialog).getByText(SECRET)).toBeVisible();
    expect(
      within(dialog).getByText(`docker login -u ${USER} -p ${SECRET} ${REGISTRY}`),
    ).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Copy the secret' }));
    expect(await navigator.clipboard.readText()).toBe(SECRET);

    // The footer's Close (the title bar has one too).
    await user.click(within(dialog).getAllByRole('button', { name: 'Close' }).at(-1)!);
    expect(await screen.findByText('closed')).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(SECRET);
    const held = () =>
      JSON.stringify([
        queryClient
          .getQueryCache()
          .getAll()
          .map((query) => query.state),
        queryClient
          .getMutationCache()
          .getAll()
          .map((mutation) => mutation.state),
      ]);
    await waitFor(() => expect(held()).not.toContain(SECRET));
    expect(queryClient.getMutationCache().getAll()).toEqual([]);
    const stored = [localStorage, sessionStorage].flatMap((storage) =>
      Object.keys(storage).map((key) => storage.getItem(key)),
    );
    expect(stored.join('\n')).not.toContain(SECRET);
    expect(window.location.href).not.toContain(SECRET);
  });
});
