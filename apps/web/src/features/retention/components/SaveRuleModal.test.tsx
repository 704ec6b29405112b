import { screen, within } from '@testing-library/react';
import type { RetentionPlan } from '@swr-console/swr-api';
import { describe, expect, it, vi } from 'vitest';
import { renderAt } from '../../../testing/render';
import { SaveRuleModal } from './SaveRuleModal';

const at = (plan: RetentionPlan | undefined) =>
  renderAt('/', [
    {
      path: '/',
      element: (
        <SaveRuleModal
          open
          repository="team/app"
          plan={plan}
          pending={false}
          error={undefined}
          request={{ region: 'cn-north-4', calls: () => [] }}
          onSave={vi.fn()}
          onCancel={vi.fn()}
        />
      ),
    },
  ]);

describe('SaveRuleModal', () => {
  it('when the plan deletes tags, then each is named and the button says how many go', async () => {
    at({ entries: [], deleted: ['v1', 'v2'], kept: ['v3'], bytesFreed: 2048 });
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['v1', 'v2']);
    expect(within(dialog).getByRole('button', { name: 'Save and delete 2 tags' })).toBeVisible();
  });

  it('when there is no plan (too many tags), then it never claims that nothing is deleted', async () => {
    at(undefined);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/cannot show which tags it deletes/)).toBeVisible();
    expect(within(dialog).queryByText(/No tag is deleted now/)).toBeNull();
  });
});
