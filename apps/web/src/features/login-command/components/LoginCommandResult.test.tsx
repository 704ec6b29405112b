import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { loginCommands } from '@swr-console/swr-api';
import { describe, expect, it } from 'vitest';
import { renderAt } from '../../../testing/render';
import type { LoginCommand } from '../api';
import { MASK } from '../command';
import { LoginCommandResult } from './LoginCommandResult';

const PASSWORD = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const LOGIN: LoginCommand = {
  region: 'cn-north-4',
  registry: 'swr.cn-north-4.myhuaweicloud.com',
  kind: 'temporary',
  username: 'cn-north-4@ABCDEFGHIJ',
  password: PASSWORD,
  expiresAt: '2030-01-02T03:04:05.000Z',
  commands: loginCommands({
    registry: 'swr.cn-north-4.myhuaweicloud.com',
    username: 'cn-north-4@ABCDEFGHIJ',
    password: PASSWORD,
  }),
};

function renderResult(login: LoginCommand = LOGIN) {
  renderAt('/', [{ path: '/', element: <LoginCommandResult login={login} /> }]);
}

describe('LoginCommandResult', () => {
  it('when shown, then it warns about the secret and masks the password in every command', async () => {
    renderResult();
    expect(await screen.findByText('These commands contain a secret')).toBeInTheDocument();
    expect(
      screen.getByText(
        `docker login -u cn-north-4@ABCDEFGHIJ -p ${MASK} swr.cn-north-4.myhuaweicloud.com`,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/^nerdctl login/)).toHaveTextContent(MASK);
    expect(screen.getByText(/^ctr images pull/)).toHaveTextContent(MASK);
    expect(document.body).not.toHaveTextContent(PASSWORD);
    expect(screen.getByText('swr.cn-north-4.myhuaweicloud.com')).toBeInTheDocument();
    expect(screen.getByText('cn-north-4@ABCDEFGHIJ')).toBeInTheDocument();
    expect(screen.getByText(/2030/)).toBeInTheDocument();
  });

  it('when revealed, then the password shows, and hiding masks it again', async () => {
    renderResult();
    const toggle = await screen.findByRole('button', { name: /Show password/ });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(toggle);
    expect(screen.getByText(LOGIN.commands.docker)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /Hide password/ }));
    expect(document.body).not.toHaveTextContent(PASSWORD);
  });

  it('when a command is copied while masked, then the clipboard gets the real command', async () => {
    const user = userEvent.setup();
    renderResult();
    await user.click(await screen.findByRole('button', { name: 'Copy the docker command' }));
    expect(await navigator.clipboard.readText()).toBe(LOGIN.commands.docker);
  });

  it('when the login is long-term, then it says it never expires', async () => {
    renderResult({ ...LOGIN, kind: 'long-term', expiresAt: undefined });
    expect(await screen.findByText(/^Never/)).toBeInTheDocument();
  });
});
