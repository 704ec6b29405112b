import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Segmented } from './Segmented';

function Show() {
  const [show, setShow] = useState<'delete' | 'keep' | 'all'>('delete');
  return (
    <>
      <span id="show">Show</span>
      <Segmented
        aria-labelledby="show"
        value={show}
        onChange={setShow}
        options={[
          { value: 'delete', label: 'Deleted (2)' },
          { value: 'keep', label: 'Kept (5)' },
          { value: 'all', label: 'All (7)' },
        ]}
      />
      <output>{show}</output>
    </>
  );
}

describe('Segmented', () => {
  it('when a choice is clicked or reached with the arrows, then it alone is chosen', async () => {
    const user = userEvent.setup();
    render(<Show />);
    expect(screen.getByRole('radiogroup', { name: 'Show' })).toBeVisible();
    await user.click(screen.getByText('All (7)'));
    expect(screen.getByRole('radio', { name: 'All (7)' })).toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent('all');
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('radio', { name: 'Kept (5)' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'All (7)' })).not.toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent('keep');
  });
});
