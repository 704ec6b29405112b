import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { TestProviders } from '../../../testing/render';
import { TagsInput } from './TagsInput';

function Exemptions({ initial = [] }: { initial?: string[] }) {
  const [value, setValue] = useState(initial);
  return (
    <TestProviders>
      <label htmlFor="tags">Tags never deleted</label>
      <TagsInput id="tags" value={value} onChange={setValue} suggestions={['latest', 'v1']} />
      <output>{value.join('|')}</output>
    </TestProviders>
  );
}

describe('TagsInput', () => {
  it('when values are typed, then Enter, a comma or a space adds each once, and a paste is split', async () => {
    const user = userEvent.setup();
    render(<Exemptions />);
    const box = screen.getByLabelText('Tags never deleted');
    await user.type(box, 'latest{Enter}v1,v2 v2 ');
    expect(screen.getByRole('status')).toHaveTextContent('latest|v1|v2');
    await user.click(box);
    await user.paste('stable, lts ,,edge');
    await user.keyboard('{Enter}');
    expect(screen.getByRole('status')).toHaveTextContent('latest|v1|v2|stable|lts|edge');
    expect(box).toHaveValue('');
  });

  it('when a value is removed by its button or by Backspace, then only it goes', async () => {
    const user = userEvent.setup();
    render(<Exemptions initial={['latest', 'v1', 'v2']} />);
    await user.click(screen.getByRole('button', { name: 'Remove v1' }));
    expect(screen.getByRole('status')).toHaveTextContent('latest|v2');
    await user.click(screen.getByLabelText('Tags never deleted'));
    await user.keyboard('{Backspace}');
    expect(screen.getByRole('status')).toHaveTextContent(/^latest$/);
  });

  it('when the box is left with text in it, then the text is kept as a value', async () => {
    const user = userEvent.setup();
    render(<Exemptions />);
    await user.type(screen.getByLabelText('Tags never deleted'), 'release-*');
    await user.tab();
    expect(screen.getByRole('status')).toHaveTextContent('release-*');
  });
});
