import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ThemeProvider, useTheme } from './theme';

/** A matchMedia whose answers the test sets, and whose listeners it can call. */
function fakeMedia(initial: Record<string, boolean>) {
  const state = { ...initial };
  const listeners = new Map<string, (event: { matches: boolean }) => void>();
  vi.spyOn(window, 'matchMedia').mockImplementation(
    (query: string) =>
      ({
        matches: state[query] ?? false,
        media: query,
        addEventListener: (_: string, listener: (event: { matches: boolean }) => void) =>
          listeners.set(query, listener),
        removeEventListener: () => listeners.delete(query),
      }) as unknown as MediaQueryList,
  );
  return {
    set(query: string, matches: boolean) {
      state[query] = matches;
      act(() => listeners.get(query)?.({ matches }));
    },
  };
}

function Probe() {
  const theme = useTheme();
  return (
    <>
      <output aria-label="state">
        {`${theme.mode} dark=${theme.dark} reducedMotion=${theme.reducedMotion}`}
      </output>
      <button onClick={() => theme.setMode('dark')}>dark</button>
    </>
  );
}

const DARK = '(prefers-color-scheme: dark)';
const REDUCED = '(prefers-reduced-motion: reduce)';

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

describe('theme', () => {
  it('when the system prefers dark and less motion, then the theme follows, also when that changes', () => {
    const media = fakeMedia({ [DARK]: true, [REDUCED]: true });
    render(
      <ThemeProvider>
        <Probe />
      </ThemeProvider>,
    );
    const state = screen.getByRole('status', { name: 'state' });
    expect(state).toHaveTextContent('system dark=true reducedMotion=true');
    expect(document.documentElement.dataset.theme).toBe('dark');

    media.set(DARK, false);
    media.set(REDUCED, false);
    expect(state).toHaveTextContent('system dark=false reducedMotion=false');
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('when the user picks dark, then it wins over the system and is remembered', async () => {
    fakeMedia({ [DARK]: false });
    const first = render(
      <ThemeProvider>
        <Probe />
      </ThemeProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'dark' }));
    expect(screen.getByRole('status', { name: 'state' })).toHaveTextContent('dark dark=true');
    first.unmount();

    render(
      <ThemeProvider>
        <Probe />
      </ThemeProvider>,
    );
    expect(screen.getByRole('status', { name: 'state' })).toHaveTextContent('dark dark=true');
  });
});
