import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  evaluateEnterpriseRetention,
  type EnterpriseRetentionTag,
  type RetentionPolicy,
} from '@swr-console/swr-api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { interpolate, type Translate } from '../../shared/i18n';
import { catalogs } from '../../testing/catalogs';
import { TestProviders } from '../../testing/render';
import { RetentionRunControls, runConfirmText } from './components/RetentionRunControls';
import { bodyOf, newPolicy, newRule } from './retention-form';

const ref = { region: 'cn-north-4', projectId: 'p', instance: 'i-1' };
const NOW = new Date('2026-05-01T00:00:00Z');
const tag = (repository: string, name: string, hours: number): EnterpriseRetentionTag => ({
  repository,
  tag: name,
  digest: `sha256:${name.padEnd(64, '0')}`,
  pushed: new Date(NOW.getTime() - hours * 3_600_000).toISOString(),
});

const body = bodyOf({ ...newPolicy(), name: 'keep-2', rules: [{ ...newRule(), count: '2' }] });
const POLICY: RetentionPolicy = {
  ...body,
  id: 4,
  namespace_id: 2,
  namespace_name: 'team',
  rules: body.rules.map((rule, i) => ({ ...rule, id: i + 1, priority: 0, disabled: false })),
};

/** Keeping 2 of app's 4 tags and web's only one: 2 deleted, in 1 repository. */
const expected = evaluateEnterpriseRetention(
  body.rules,
  [tag('app', 'v1', 4), tag('app', 'v2', 3), tag('app', 'v3', 2), tag('app', 'v4', 1)].concat(
    tag('web', 'main', 1),
  ),
  { now: NOW },
);

/** Answers the runs list (empty) and a run's start as SWR does, and records the starts. */
function answerRuns(): unknown[] {
  const started: unknown[] = [];
  vi.mocked(fetch).mockImplementation(async (_, init) => {
    if (init?.method === 'POST') {
      started.push(JSON.parse(String(init.body)));
      return Response.json({ id: 9 }, { status: 201 });
    }
    return Response.json({ executions: [], total: 0 });
  });
  return started;
}

afterEach(() => vi.mocked(fetch).mockReset());

describe('running a retention policy', () => {
  const t: Translate = (key, values) => interpolate(catalogs['en-US'][key]!, values);

  it('when the what-if has a result, then the confirmation says how many tags go from how many repositories, and that immutable ones stay', () => {
    expect(runConfirmText(expected, 'team', 'en-US', t)).toBe(
      'This deletes tags from team now, and it cannot be undone. The what-if expects 2 tags to go, in 1 repository. Immutable tags stay.',
    );
    const none = evaluateEnterpriseRetention(body.rules, [tag('app', 'v1', 1)], { now: NOW });
    expect(runConfirmText(none, 'team', 'en-US', t)).toBe(
      'The what-if expects no tag of team to go: every tag the rules scope stays. Immutable tags stay.',
    );
    expect(runConfirmText('unknown', 'team', 'en-US', t)).toMatch(
      /cannot say how many go\. Immutable tags stay\.$/,
    );
  });

  it('when Run now is clicked, then nothing is sent until the confirmation naming the counts is accepted', async () => {
    const user = userEvent.setup();
    const started = answerRuns();
    render(
      <TestProviders>
        <RetentionRunControls
          target={ref}
          namespace="team"
          policy={POLICY}
          admin
          dirty={false}
          expected={expected}
        />
      </TestProviders>,
    );
    await user.click(screen.getByRole('button', { name: 'Run now' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Run the retention policy keep-2 now?',
    });
    expect(dialog).toHaveTextContent('The what-if expects 2 tags to go, in 1 repository.');
    expect(dialog).toHaveTextContent('Immutable tags stay.');
    expect(started).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Run now' }));
    await waitFor(() => expect(started).toEqual([{ dry_run: false }]));
  });

  it('when the form has unsaved changes or the user is no administrator, then neither run can start, and the reason is shown', () => {
    answerRuns();
    const { rerender } = render(
      <TestProviders>
        <RetentionRunControls
          target={ref}
          namespace="team"
          policy={POLICY}
          admin
          dirty
          expected={expected}
        />
      </TestProviders>,
    );
    expect(screen.getByRole('button', { name: 'Dry run' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Run now' })).toBeDisabled();
    expect(screen.getByText('Save the changes first: a run uses the saved policy.')).toBeVisible();
    rerender(
      <TestProviders>
        <RetentionRunControls
          target={ref}
          namespace="team"
          policy={POLICY}
          admin={false}
          dirty={false}
          expected={expected}
        />
      </TestProviders>,
    );
    expect(screen.getByRole('button', { name: 'Run now' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Dry run' })).toBeDisabled();
    expect(screen.getByText(catalogs['en-US']['ent.adminOnly']!)).toBeVisible();
  });

  it('when Dry run is clicked, then it starts at once, deleting nothing, without asking', async () => {
    const user = userEvent.setup();
    const started = answerRuns();
    render(
      <TestProviders>
        <RetentionRunControls
          target={ref}
          namespace="team"
          policy={POLICY}
          admin
          dirty={false}
          expected={expected}
        />
      </TestProviders>,
    );
    await user.click(screen.getByRole('button', { name: 'Dry run' }));
    await waitFor(() => expect(started).toEqual([{ dry_run: true }]));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
