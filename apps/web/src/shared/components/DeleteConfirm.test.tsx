import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { TestProviders } from '../../testing/render';
import { useDeleteConfirm } from './DeleteConfirm';

function Row({ run }: { run: () => Promise<unknown> }) {
  const [confirm, holder] = useDeleteConfirm();
  return (
    <>
      {holder}
      <button
        type="button"
        onClick={() =>
          confirm({
            title: 'Stop sharing library/nginx with acme?',
            text: 'acme can no longer pull it.',
            okText: 'Stop sharing',
            run,
          })
        }
      >
        remove acme
      </button>
    </>
  );
}

describe('a delete confirmation asked for from code', () => {
  it('when the delete fails, then the dialog stays with the error; when it goes, then it closes', async () => {
    const user = userEvent.setup();
    const run = vi
      .fn<() => Promise<unknown>>()
      .mockRejectedValueOnce(new Error('SWR said no'))
      .mockResolvedValueOnce(undefined);
    render(
      <TestProviders>
        <Row run={run} />
      </TestProviders>,
    );
    await user.click(screen.getByRole('button', { name: 'remove acme' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Stop sharing library/nginx with acme?',
    });
    expect(dialog).toHaveTextContent('acme can no longer pull it.');
    await user.click(screen.getByRole('button', { name: 'Stop sharing' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This did not work');
    expect(screen.getByRole('dialog')).toBeVisible();
    expect(run).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Stop sharing' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(run).toHaveBeenCalledTimes(2);
  });
});
