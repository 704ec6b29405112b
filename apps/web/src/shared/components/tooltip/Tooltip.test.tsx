import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Tooltip } from './Tooltip';

describe('Tooltip', () => {
  it('when the element is pointed at or focused, then the tip shows and describes it; Escape hides it', async () => {
    const user = userEvent.setup();
    render(
      <Tooltip title="Only administrators create organizations">
        <button type="button">Create</button>
      </Tooltip>,
    );
    const button = screen.getByRole('button', { name: 'Create' });
    expect(screen.queryByRole('tooltip')).toBeNull();
    await user.hover(button);
    expect(screen.getByRole('tooltip')).toHaveTextContent('Only administrators');
    await user.unhover(button);
    expect(screen.queryByRole('tooltip')).toBeNull();
    await user.tab();
    expect(button).toHaveAccessibleDescription('Only administrators create organizations');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('tooltip')).toBeNull();
    expect(button).not.toHaveAttribute('aria-describedby');
  });

  it('when there is no title, then nothing shows', async () => {
    const user = userEvent.setup();
    render(
      <Tooltip title={undefined}>
        <button type="button">Create</button>
      </Tooltip>,
    );
    await user.hover(screen.getByRole('button'));
    expect(screen.queryByRole('tooltip')).toBeNull();
  });
});
