import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TestProviders } from '../../../testing/render';
import { ProgressBar } from '../ProgressBar';
import { Typography } from './Typography';

describe('Typography', () => {
  it('when a title has a level, then it is a heading of that level', () => {
    render(<Typography.Title level={3}>Tags</Typography.Title>);
    expect(screen.getByRole('heading', { level: 3, name: 'Tags' })).toBeVisible();
  });

  it('when text is copyable, then a copy button names what it copies', () => {
    render(
      <TestProviders>
        <Typography.Text code copyable>
          req-42
        </Typography.Text>
        <Typography.Text code copyable={{ text: 'sha256:abc', what: 'the digest' }}>
          sha256:ab…
        </Typography.Text>
      </TestProviders>,
    );
    expect(screen.getByText('req-42').tagName).toBe('CODE');
    expect(screen.getByRole('button', { name: 'Copy req-42' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Copy the digest' })).toBeVisible();
  });
});

describe('ProgressBar', () => {
  it('when the share is out of range, then the bar says 0 to 100', () => {
    render(
      <>
        <ProgressBar percent={140} aria-label="over" />
        <ProgressBar percent={-3} aria-label="under" />
        <ProgressBar percent={33.4} aria-label="third" />
      </>,
    );
    expect(screen.getByRole('progressbar', { name: 'over' })).toHaveAttribute(
      'aria-valuenow',
      '100',
    );
    expect(screen.getByRole('progressbar', { name: 'under' })).toHaveAttribute(
      'aria-valuenow',
      '0',
    );
    expect(screen.getByRole('progressbar', { name: 'third' })).toHaveAttribute(
      'aria-valuenow',
      '33',
    );
  });
});
