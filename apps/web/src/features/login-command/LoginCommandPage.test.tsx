import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderAt } from '../../testing/render';
import { LoginCommandView } from './LoginCommandPage';

const REGIONS = [
  {
    id: 'cn-north-4',
    projectId: 'p1',
    registry: 'swr.cn-north-4.myhuaweicloud.com',
    api: 'https://swr-api.cn-north-4.myhuaweicloud.com',
    kms: 'https://kms.cn-north-4.myhuaweicloud.com',
  },
  {
    id: 'cn-east-3',
    projectId: 'p2',
    registry: 'swr.cn-east-3.myhuaweicloud.com',
    api: 'https://swr-api.cn-east-3.myhuaweicloud.com',
    kms: 'https://kms.cn-east-3.myhuaweicloud.com',
  },
];

function renderView(method: 'aksk' | 'password', local = false) {
  renderAt('/cn-east-3/login-command', [
    {
      path: '/:region/login-command',
      element: (
        <LoginCommandView
          initialRegion="cn-east-3"
          regions={REGIONS}
          method={method}
          local={local}
        />
      ),
    },
  ]);
}

describe('LoginCommandView', () => {
  it('when opened, then the current region, a temporary login for 6 hours and the button are offered, and nothing is asked for', async () => {
    renderView('aksk');
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Login command' }),
    ).toBeInTheDocument();
    expect(screen.getByText('cn-east-3 (swr.cn-east-3.myhuaweicloud.com)')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Temporary/ })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Valid for' })).toBeInTheDocument();
    expect(screen.getByText('6 hours')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Get login command/ })).toBeEnabled();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('when signed in with a password, then long-term is disabled and the page says why', async () => {
    renderView('password');
    const longTerm = await screen.findByRole('radio', { name: /Long-term/ });
    expect(longTerm).toBeDisabled();
    expect(longTerm).toHaveAccessibleDescription(/You signed in with a password/);
    // Clicked anyway (antd only blocks the pointer): the choice must not move.
    await userEvent.setup({ pointerEventsCheck: 0 }).click(longTerm);
    expect(screen.getByRole('radio', { name: /Temporary/ })).toBeChecked();
  });

  it('when signed in with an access key and long-term is chosen, then there is no duration to pick', async () => {
    renderView('aksk');
    const longTerm = await screen.findByRole('radio', { name: /Long-term/ });
    expect(longTerm).toBeEnabled();
    expect(screen.queryByText(/You signed in with a password/)).not.toBeInTheDocument();
    await userEvent.click(longTerm);
    expect(longTerm).toBeChecked();
    expect(screen.queryByRole('combobox', { name: 'Valid for' })).not.toBeInTheDocument();
  });

  it('when the certificate help is opened in the sandbox, then it names the registry’s paths and says it speaks plain HTTP', async () => {
    renderView('aksk', true);
    const troubleshooting = await screen.findByRole('region', { name: 'Troubleshooting' });
    await userEvent.click(within(troubleshooting).getByText(/Your client does not trust/));
    expect(await screen.findByText('The local sandbox speaks plain HTTP')).toBeInTheDocument();
    expect(
      screen.getByText(/\/etc\/docker\/certs\.d\/swr\.cn-east-3\.myhuaweicloud\.com\/ca\.crt/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /\/etc\/containerd\/certs\.d\/swr\.cn-east-3\.myhuaweicloud\.com\/hosts\.toml/,
      ),
    ).toBeInTheDocument();
  });

  it('when the permission help is opened, then it lists the four causes', async () => {
    renderView('password');
    await userEvent.click(await screen.findByText('The registry refused your push.'));
    expect(
      await screen.findByText(/Another account already owns the organization name/),
    ).toBeInTheDocument();
    expect(screen.getByText(/quota of 5 organizations/)).toBeInTheDocument();
    expect(screen.getByText(/neither the Edit nor the Manage permission/)).toBeInTheDocument();
    expect(screen.getByText(/for another region than the one you push to/)).toBeInTheDocument();
  });
});
