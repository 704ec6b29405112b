import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { UserAuth } from '@swr-console/swr-api';
import { describe, expect, it, vi } from 'vitest';
import { renderAt } from '../../../testing/render';
import { GrantForm, grantableUsers, toGrants, typedUserIdProblem } from './GrantForm';

const SELF = 'a0000000000000000000000000000001';
const HELD = new Set(['b0000000000000000000000000000002']);

function renderForm(users?: { id: string; name: string }[]) {
  const onSubmit = vi.fn<(grants: UserAuth[]) => void>();
  const onCancel = vi.fn();
  renderAt('/', [
    {
      path: '/',
      element: (
        <GrantForm
          users={users}
          selfId={SELF}
          held={HELD}
          pending={false}
          onSubmit={onSubmit}
          onCancel={onCancel}
        />
      ),
    },
  ]);
  return { onSubmit, onCancel };
}

describe('typedUserIdProblem', () => {
  it('when the id is empty or blank, then it is required', () => {
    expect(typedUserIdProblem('', SELF, HELD)).toBe('empty');
    expect(typedUserIdProblem('   ', SELF, HELD)).toBe('empty');
  });

  it('when the id holds a space, then it is refused', () => {
    expect(typedUserIdProblem('dev ops', SELF, HELD)).toBe('spaces');
  });

  it('when the id is yours or a holder’s, then it is refused', () => {
    expect(typedUserIdProblem(SELF, SELF, HELD)).toBe('self');
    expect(typedUserIdProblem('b0000000000000000000000000000002', SELF, HELD)).toBe('held');
  });

  it('when the id is someone else’s, then it passes', () => {
    expect(typedUserIdProblem('c0000000000000000000000000000003', SELF, HELD)).toBeUndefined();
  });
});

describe('grantableUsers', () => {
  it('when listing whom to grant, then you and holders are left out, the rest sorted by name', () => {
    const users = [
      { id: 'c3', name: 'zoe' },
      { id: SELF, name: 'me' },
      { id: 'b0000000000000000000000000000002', name: 'holder' },
      { id: 'd4', name: 'anna' },
    ];
    expect(grantableUsers(users, SELF, HELD).map((u) => u.name)).toEqual(['anna', 'zoe']);
  });
});

describe('toGrants', () => {
  it('when users were picked, then each goes with its name and the level', () => {
    const users = [
      { id: 'u1', name: 'anna' },
      { id: 'u2', name: 'zoe' },
    ];
    expect(toGrants({ userIds: ['u2', 'u1'], auth: 3 }, users)).toEqual([
      { user_id: 'u2', user_name: 'zoe', auth: 3 },
      { user_id: 'u1', user_name: 'anna', auth: 3 },
    ]);
  });

  it('when a user was typed in, then the id and name are trimmed', () => {
    expect(toGrants({ userId: ' u9 ', userName: ' ops ', auth: 7 }, undefined)).toEqual([
      { user_id: 'u9', user_name: 'ops', auth: 7 },
    ]);
  });
});

describe('GrantForm, typing a user in', () => {
  it('when submitted empty, then it asks for the id and the name and sends nothing', async () => {
    const { onSubmit } = renderForm();
    await userEvent.click(await screen.findByRole('button', { name: 'Grant' }));
    expect(await screen.findByText('Type the user ID.')).toBeInTheDocument();
    expect(screen.getByText('Type the user name.')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('when your own id is typed, then it says nobody can change their own permission', async () => {
    const { onSubmit } = renderForm();
    await userEvent.type(await screen.findByLabelText('User ID'), SELF);
    await userEvent.type(screen.getByLabelText('User name'), 'me');
    await userEvent.click(screen.getByRole('button', { name: 'Grant' }));
    expect(await screen.findByText(/That is you/)).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('when a holder’s id is typed, then it points to the table instead', async () => {
    const { onSubmit } = renderForm();
    await userEvent.type(
      await screen.findByLabelText('User ID'),
      'b0000000000000000000000000000002',
    );
    await userEvent.type(screen.getByLabelText('User name'), 'holder');
    await userEvent.click(screen.getByRole('button', { name: 'Grant' }));
    expect(await screen.findByText(/already has a permission here/)).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('when an id and a name are typed and Edit is chosen, then the grant carries them', async () => {
    const { onSubmit } = renderForm();
    await userEvent.type(
      await screen.findByLabelText('User ID'),
      'c0000000000000000000000000000003',
    );
    await userEvent.type(screen.getByLabelText('User name'), 'dev');
    await userEvent.click(screen.getByRole('radio', { name: /Edit/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Grant' }));
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith([
        { user_id: 'c0000000000000000000000000000003', user_name: 'dev', auth: 3 },
      ]),
    );
  });

  it('when the form opens, then Read is the level chosen and each level says what it allows', async () => {
    renderForm();
    expect(await screen.findByRole('radio', { name: /Read/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: /Edit — Pull and push images/ })).not.toBeChecked();
    expect(
      screen.getByRole('radio', { name: /Manage — .*grant permissions and share/ }),
    ).not.toBeChecked();
  });
});

describe('GrantForm, picking users', () => {
  it('when nobody is picked, then it asks to pick at least one', async () => {
    const { onSubmit } = renderForm([{ id: 'u1', name: 'anna' }]);
    expect(await screen.findByRole('combobox', { name: 'Users' })).toBeInTheDocument();
    expect(screen.queryByLabelText('User ID')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Grant' }));
    expect(await screen.findByText('Pick at least one user.')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
