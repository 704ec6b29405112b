import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LtCredential } from '@swr-console/swr-api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TestProviders } from '../../testing/render';
import { CredentialActions } from './components/CredentialActions';

const ref = { region: 'cn-north-4', projectId: 'p', instance: 'i-1' };

const credential = (lastUsedAt: string | undefined): LtCredential => ({
  name: 'ci-bot',
  token_id: 'LT0123456789abcdef0123456789abcdef',
  user_id: 'cn-north-4@LT0123456789abcdef0123456789abcdef',
  instance_id: 'i-1',
  enable: true,
  created_at: '2026-04-01T08:00:00Z',
  expire_date: '',
  user_profile: 'Push, pull and delete in every namespace of the instance',
  ...(lastUsedAt === undefined ? {} : { last_used_at: lastUsedAt }),
});

function show(lastUsedAt: string | undefined) {
  localStorage.setItem('swr-console.locale', 'en-US');
  render(
    <TestProviders>
      <CredentialActions target={ref} credential={credential(lastUsedAt)} onEnableError={vi.fn()} />
    </TestProviders>,
  );
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

afterEach(() => vi.mocked(fetch).mockReset());

describe('CredentialActions', () => {
  it('when a credential used 3 minutes ago is disabled, then the confirmation names it and says prominently that its logins will be refused; confirming disables it', async () => {
    const sent: { method: string; body: unknown }[] = [];
    vi.mocked(fetch).mockImplementation(async (_, init) => {
      sent.push({ method: init?.method ?? 'GET', body: JSON.parse(String(init?.body)) });
      return new Response(null, { status: 200 });
    });
    const user = userEvent.setup();
    show(minutesAgo(3));
    await user.click(screen.getByRole('button', { name: 'Disable ci-bot' }));
    const dialog = await screen.findByRole('dialog', { name: 'Disable credential ci-bot?' });
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'Used 3 minutes ago: registries and CI logging in with it will be refused.',
    );
    expect(vi.mocked(fetch)).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Disable' }));
    await vi.waitFor(() => expect(sent).toEqual([{ method: 'PUT', body: { enable: false } }]));
  });

  it('when a credential used 2 hours ago is deleted, then its confirmation carries the same warning', async () => {
    const user = userEvent.setup();
    show(minutesAgo(120));
    await user.click(screen.getByRole('button', { name: 'Delete ci-bot' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete credential ci-bot?' });
    expect(within(dialog).getByText(/goes for good/)).toBeVisible();
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'Used 2 hours ago: registries and CI logging in with it will be refused.',
    );
  });

  it.each([
    ['never used', undefined],
    ['last used two days ago', minutesAgo(48 * 60)],
  ])('when a credential %s is disabled, then no recent-use warning is shown', async (_, at) => {
    const user = userEvent.setup();
    show(at);
    await user.click(screen.getByRole('button', { name: 'Disable ci-bot' }));
    const dialog = await screen.findByRole('dialog', { name: 'Disable credential ci-bot?' });
    expect(within(dialog).getByText(/will be refused until it is enabled again/)).toBeVisible();
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(dialog).queryByText(/^Used /)).not.toBeInTheDocument();
  });
});
