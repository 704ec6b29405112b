import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderAt } from '../../testing/render';
import { CreateNamespaceModal, namespaceNameProblem } from './components/CreateNamespaceModal';

describe('organization names', () => {
  it.each(['a', 'team-web', 'a__b', 'a.b', 'x'.repeat(64)])(
    'when the name is %s, then it passes',
    (name) => {
      expect(namespaceNameProblem(name)).toBeUndefined();
    },
  );

  it.each([
    ['', 'empty'],
    ['Team', 'rules'],
    ['1team', 'rules'],
    ['team-', 'rules'],
    ['a._b', 'rules'],
    ['x'.repeat(65), 'rules'],
  ])('when the name is "%s", then it fails (%s)', (name, problem) => {
    expect(namespaceNameProblem(name)).toBe(problem);
  });
});

describe('the create organization dialog', () => {
  it('when a bad name is typed, then the rule is shown at the field as you type, and a good one clears it', async () => {
    const user = userEvent.setup();
    renderAt('/cn-north-4/x', [
      {
        path: '/:region/x',
        element: <CreateNamespaceModal region="cn-north-4" open onClose={() => undefined} />,
      },
    ]);
    const input = await screen.findByLabelText('Name');
    await user.type(input, 'Bad_Name');
    expect(
      await screen.findByText(/starts with a letter, ends with a letter or digit/, {
        selector: '.ant-form-item-explain-error',
      }),
    ).toBeVisible();
    await user.clear(input);
    await user.type(input, 'good-name');
    await waitFor(() => expect(document.querySelector('.ant-form-item-explain-error')).toBeNull());
  });

  it('when shown in Chinese, then the labels and rules are Chinese', async () => {
    renderAt(
      '/cn-north-4/x',
      [
        {
          path: '/:region/x',
          element: <CreateNamespaceModal region="cn-north-4" open onClose={() => undefined} />,
        },
      ],
      { locale: 'zh-CN' },
    );
    expect(await screen.findByRole('dialog')).toHaveTextContent('创建组织');
    expect(screen.getByLabelText('名称')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '创建' })).toBeInTheDocument();
  });
});
