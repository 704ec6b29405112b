import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TestProviders } from '../testing/render';
import { useNotices } from './notices';

function Actions() {
  const notices = useNotices();
  return (
    <>
      <button onClick={() => notices.success('Copied the digest.')}>copy</button>
      <button onClick={() => notices.warning('The clipboard is not available.')}>fail</button>
    </>
  );
}

describe('notices', () => {
  it('when notices are asked for, then each is shown once', async () => {
    const user = userEvent.setup();
    render(
      <TestProviders>
        <Actions />
      </TestProviders>,
    );
    await user.click(screen.getByRole('button', { name: 'copy' }));
    await user.click(screen.getByRole('button', { name: 'fail' }));
    expect(await screen.findByText('Copied the digest.')).toBeVisible();
    expect(await screen.findByText('The clipboard is not available.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'copy' }));
    await screen.findAllByText('Copied the digest.').then((all) => expect(all).toHaveLength(2));
    expect(screen.getAllByText('The clipboard is not available.')).toHaveLength(1);
  });
});
