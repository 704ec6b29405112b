import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { cronProblem } from '@swr-console/swr-api';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { useT } from '../../shared/i18n';
import { TestProviders } from '../../testing/render';
import { RetentionPolicyForm } from './components/RetentionPolicyForm';
import { isValid, newPolicy, policyErrors, type PolicyDraft } from './retention-form';

/** The form as the tab holds it, with whether it could be sent. */
function Harness({ initial = newPolicy() }: { initial?: PolicyDraft }) {
  const t = useT();
  const [draft, setDraft] = useState(initial);
  const errors = policyErrors(draft, t, cronProblem);
  return (
    <>
      <RetentionPolicyForm draft={draft} errors={errors} disabled={false} onChange={setDraft} />
      <output aria-label="sendable">{String(isValid(errors))}</output>
    </>
  );
}

const open = (initial?: PolicyDraft) =>
  render(
    <TestProviders>
      <Harness initial={initial} />
    </TestProviders>,
  );

const sendable = () => screen.getByRole('status', { name: 'sendable' }).textContent;

describe('the retention policy form', () => {
  it('when a rule’s number is out of range, then its field says so and is marked, and the form cannot be sent', async () => {
    const user = userEvent.setup();
    open();
    const rule = screen.getByRole('group', { name: 'Rule 1' });
    const count = within(rule).getByRole('textbox', { name: 'How many tags' });
    await user.clear(count);
    await user.type(count, '0');
    expect(count).toHaveAttribute('aria-invalid', 'true');
    expect(count).toHaveAccessibleDescription('Keep 1 to 1000 tags.');
    expect(sendable()).toBe('false');
    await user.clear(count);
    await user.type(count, '2');
    expect(count).not.toHaveAttribute('aria-invalid');
    expect(count).toHaveAccessibleDescription('1 to 1000 tags in each repository.');
    expect(sendable()).toBe('true');
  });

  it('when the template becomes a days one, then the number is asked in days, with the days’ limits', async () => {
    const user = userEvent.setup();
    open();
    const rule = screen.getByRole('group', { name: 'Rule 1' });
    await user.click(within(rule).getByRole('combobox', { name: 'Rule 1 Keep' }));
    await user.click(screen.getByRole('option', { name: 'Those pushed within some days' }));
    const days = within(rule).getByRole('textbox', { name: 'How many days' });
    await user.clear(days);
    await user.type(days, '4000');
    expect(days).toHaveAccessibleDescription('Give 1 to 3650 days.');
  });

  it('when a pattern is not a glob, then only its field says why', async () => {
    const user = userEvent.setup();
    open();
    const rule = screen.getByRole('group', { name: 'Rule 1' });
    const tags = within(rule).getByRole('textbox', { name: 'Tags' });
    await user.clear(tags);
    await user.type(tags, 'v[[1');
    expect(tags).toHaveAttribute('aria-invalid', 'true');
    expect(tags.getAttribute('aria-describedby')).toBeTruthy();
    expect(within(rule).getByRole('textbox', { name: 'Repositories' })).not.toHaveAttribute(
      'aria-invalid',
    );
    expect(sendable()).toBe('false');
  });

  it('when a schedule is chosen, then a bad cron is refused at its field, and a good one shows its next runs in UTC and local time', async () => {
    const user = userEvent.setup();
    open();
    await user.click(screen.getByRole('radio', { name: 'On a schedule' }));
    const cron = screen.getByRole('textbox', { name: 'Schedule (cron, UTC)' });
    await user.clear(cron);
    await user.type(cron, '0 0 25 * * *');
    expect(cron).toHaveAttribute('aria-invalid', 'true');
    expect(sendable()).toBe('false');
    await user.clear(cron);
    await user.type(cron, '0 30 3 * * *');
    expect(await screen.findByText('Every day at 03:30 UTC.')).toBeVisible();
    const runs = screen.getAllByRole('listitem');
    expect(runs).toHaveLength(3);
    for (const run of runs) expect(run).toHaveTextContent(/UTC — .* your time$/);
    expect(sendable()).toBe('true');
  });

  it('when 15 rules are there, then no more can be added, and the form says why; the last rule cannot be removed', async () => {
    const user = userEvent.setup();
    open();
    expect(screen.queryByRole('button', { name: 'Remove rule 1' })).toBeNull();
    for (let n = 2; n <= 15; n++)
      await user.click(screen.getByRole('button', { name: 'Add rule' }));
    expect(screen.getAllByRole('group', { name: /^Rule \d+$/ })).toHaveLength(15);
    expect(screen.getByRole('button', { name: 'Add rule' })).toBeDisabled();
    expect(screen.getByText('A policy has at most 15 rules.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Remove rule 3' }));
    expect(screen.getAllByRole('group', { name: /^Rule \d+$/ })).toHaveLength(14);
    expect(screen.getByRole('button', { name: 'Add rule' })).toBeEnabled();
  });
});
