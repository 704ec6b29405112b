import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../shared/session';
import { renderAt } from '../testing/render';
import { Shell } from './Shell';

const region = (id: string) => ({
  id,
  projectId: `project-of-${id}`,
  registry: `swr.${id}.example`,
  api: `https://swr-api.${id}.example`,
  kms: `https://kms.${id}.example`,
});

const SESSION: Session = {
  signedIn: true,
  method: 'aksk',
  account: { id: 'a-1', name: 'acme' },
  user: { id: 'u-1', name: 'alice', admin: true },
  regions: [region('cn-north-4'), region('cn-east-3')],
  csrfToken: 'token',
};

function renderShell(path = '/cn-north-4/repositories/team/web') {
  return renderAt(path, [{ path: '/:region/*', element: <Shell session={SESSION} /> }]);
}

afterEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});

describe('Shell', () => {
  it('when a page is shown, then the navigation marks its section and the page is the one main landmark', () => {
    renderShell();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Overview',
      'Organizations',
      'Repositories',
      'Shared with me',
      'Regions side by side',
      'Retention what-if',
      'Storage',
      'Enterprise edition',
      'Login command',
      'Help',
    ]);
    const current = within(nav).getByRole('link', { name: 'Repositories' });
    expect(current).toHaveAttribute('aria-current', 'page');
    expect(current).toHaveAttribute('href', '/cn-north-4/repositories');
    expect(within(nav).getByRole('link', { name: 'Organizations' })).not.toHaveAttribute(
      'aria-current',
    );
    expect(screen.getAllByRole('main')).toHaveLength(1);
    expect(screen.getByRole('banner')).toHaveClass('console-header');

    const toggle = screen.getByRole('button', { name: 'Navigation menu' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(document.getElementById(toggle.getAttribute('aria-controls')!)).toContainElement(nav);
  });

  it('when the navigation is folded away (a small screen), then its button opens it at the current section and Escape folds it', async () => {
    const user = userEvent.setup();
    renderShell();
    const toggle = screen.getByRole('button', { name: 'Navigation menu' });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('link', { name: 'Repositories' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveFocus();

    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('link', { name: 'Overview' }));
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  it('when another region is chosen, then the same section opens in it', async () => {
    const user = userEvent.setup();
    const { router } = renderShell();
    const regions = screen.getByRole('combobox', { name: 'Region' });
    expect(regions).toHaveTextContent('cn-north-4');
    await user.click(regions);
    await user.click(screen.getByRole('option', { name: 'cn-east-3' }));
    expect(router.state.location.pathname).toBe('/cn-east-3/repositories');
  });

  it('when Chinese is chosen, then the shell speaks Chinese', async () => {
    const user = userEvent.setup();
    renderShell();
    const language = screen.getByRole('combobox', { name: 'Language' });
    expect(language).toHaveTextContent('English');
    language.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(await screen.findByRole('link', { name: '组织' })).toBeVisible();
    expect(screen.getByRole('combobox', { name: '语言' })).toHaveTextContent('简体中文');
  });

  it('when a theme is chosen from its menu, then the page takes it and the button says so', async () => {
    const user = userEvent.setup();
    renderShell();
    await user.click(screen.getByRole('button', { name: 'Theme: Follow system' }));
    await user.click(screen.getByRole('menuitemradio', { name: 'Dark' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    const button = screen.getByRole('button', { name: 'Theme: Dark' });
    expect(button).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('menuitemradio', { name: 'Dark' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
  });

  it('when the account button is pressed, then its panel lists the account with copy buttons and signing out', async () => {
    const user = userEvent.setup();
    renderShell();
    const button = screen.getByRole('button', { name: 'Account menu' });
    expect(button).toHaveTextContent('alice');
    await user.click(button);
    const panel = screen.getByRole('dialog', { name: 'Account details' });
    expect(
      within(panel)
        .getAllByRole('term')
        .map((term) => term.textContent),
    ).toEqual(['Account', 'User', 'User ID', 'Project ID (cn-north-4)']);
    expect(within(panel).getAllByRole('definition')).toHaveLength(4);
    expect(within(panel).getByText('project-of-cn-north-4')).toBeVisible();
    expect(within(panel).getByRole('button', { name: 'Copy User ID' })).toBeVisible();
    expect(within(panel).getByText('Administrator')).toBeVisible();
    expect(within(panel).getByRole('button', { name: 'Sign out' })).toBeVisible();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(button).toHaveFocus();
  });
});
