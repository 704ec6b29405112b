import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { TestProviders } from '../../testing/render';
import { RetagModal, tagNameProblem } from './components/RetagModal';

describe('tagNameProblem', () => {
  it('when names follow or break the tag grammar, then only the good ones pass', () => {
    for (const good of ['v1.2.3', '_build', 'Latest', '1.2.3-rc.1', 'a'.repeat(128)])
      expect(tagNameProblem(good), good).toBeUndefined();
    expect(tagNameProblem('')).toBe('empty');
    expect(tagNameProblem('a'.repeat(129))).toBe('tooLong');
    for (const bad of ['.hidden', '-dash', 'has space', 'a/b', 'a:b', 'ä'])
      expect(tagNameProblem(bad), bad).toBe('invalid');
  });
});

describe('RetagModal', () => {
  function open() {
    localStorage.setItem('swr-console.locale', 'en-US');
    render(
      <TestProviders>
        <RetagModal
          region="cn-north-4"
          namespace="team"
          repository="web/app"
          source="v1.0.0"
          onClose={() => {}}
        />
      </TestProviders>,
    );
  }

  it('when a new tag is typed, then bad names are refused as typed and a good one is accepted, without a call to SWR', async () => {
    const user = userEvent.setup();
    open();
    expect(await screen.findByLabelText('Source tag')).toHaveValue('v1.0.0');
    const input = screen.getByLabelText('New tag');

    await user.type(input, '-latest');
    expect(await screen.findByText('Not a valid tag name.')).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');

    await user.clear(input);
    expect(await screen.findByText('Enter a tag name.')).toBeInTheDocument();

    await user.type(input, 'v1.0.0');
    expect(
      await screen.findByText('The new tag must differ from the source tag.'),
    ).toBeInTheDocument();

    await user.clear(input);
    await user.type(input, 'v1.0.1-rc.1');
    await waitFor(() => expect(input).not.toHaveAttribute('aria-invalid', 'true'));
    expect(screen.queryByText('Not a valid tag name.')).not.toBeInTheDocument();
    expect(
      screen.queryByText('The new tag must differ from the source tag.'),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create tag' })).toBeEnabled();

    expect(vi.mocked(fetch)).not.toHaveBeenCalled();
  });

  it('when a name longer than 128 characters is pasted, then it is refused for its length', async () => {
    const user = userEvent.setup();
    open();
    const input = await screen.findByLabelText('New tag');
    await user.click(input);
    await user.paste('a'.repeat(129));
    expect(await screen.findByText('A tag has at most 128 characters.')).toBeInTheDocument();
  });
});
