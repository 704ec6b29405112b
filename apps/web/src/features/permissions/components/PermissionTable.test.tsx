import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderAt } from '../../../testing/render';
import type { Holders } from '../api';
import { holderRows, PermissionTable } from './PermissionTable';

const HOLDERS: Holders = {
  self_auth: { user_id: 'id-me', user_name: 'me', auth: 7 },
  others_auths: [
    { user_id: 'id-zoe', user_name: 'zoe', auth: 1 },
    { user_id: 'id-bob', user_name: 'bob', auth: 3 },
  ],
};
const TARGET = { region: 'cn-north-4', namespace: 'team' };

function renderTable(
  canManage: boolean,
  target: { region: string; namespace: string; repository?: string } = TARGET,
) {
  renderAt('/', [
    {
      path: '/',
      element: <PermissionTable target={target} holders={HOLDERS} canManage={canManage} />,
    },
  ]);
}

describe('holderRows', () => {
  it('when listing holders, then you come first and the others by name', () => {
    expect(holderRows(HOLDERS).map((row) => [row.user_name, row.self])).toEqual([
      ['me', true],
      ['bob', false],
      ['zoe', false],
    ]);
  });
});

describe('PermissionTable', () => {
  it('when the user may not manage, then levels are shown with what they allow and nothing can be changed', async () => {
    renderTable(false);
    const rows = await screen.findAllByRole('row');
    expect(within(rows[1]!).getByText('me')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('You')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Manage')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('id-bob')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('Pull and push images.')).toBeInTheDocument();
    expect(within(rows[3]!).getByText('Read')).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Revoke/ })).not.toBeInTheDocument();
  });

  it('when the user manages, then others’ levels can be changed and revoked, their own cannot', async () => {
    renderTable(true);
    expect(await screen.findByRole('combobox', { name: 'Permission of bob' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Permission of zoe' })).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Permission of me' })).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Revoke the permission of bob' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Revoke the permission of me' }),
    ).not.toBeInTheDocument();
  });

  it('when revoking, then the confirmation names the user and what they lose, and cancelling sends nothing', async () => {
    renderTable(true);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Revoke the permission of bob' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Revoke the permission of bob?')).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        'bob (id-bob) loses the Edit permission on organization team and can no longer pull or push images there.',
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(/single repositories of this organization stay/),
    ).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    // Only reads: the list of held deletions, which marks a row being revoked.
    const sent = vi.mocked(fetch).mock.calls.filter(([, init]) => init?.method !== 'GET');
    expect(sent).toEqual([]);
  });

  it('when revoking on a repository, then it says an organization permission still applies', async () => {
    renderTable(true, { ...TARGET, repository: 'base/alpine' });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Revoke the permission of zoe' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        /on repository team\/base\/alpine and can no longer pull images there/,
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByText(/organization team still applies/)).toBeInTheDocument();
  });
});
