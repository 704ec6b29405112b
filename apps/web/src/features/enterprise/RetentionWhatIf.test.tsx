import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  evaluateEnterpriseRetention,
  ImmutabilityMatcher,
  type EnterpriseRetentionTag,
} from '@swr-console/swr-api';
import { describe, expect, it } from 'vitest';
import { interpolate, type Translate } from '../../shared/i18n';
import { catalogs } from '../../testing/catalogs';
import { TestProviders } from '../../testing/render';
import { RetentionWhatIf } from './components/RetentionWhatIf';
import { bodyOf, newPolicy, newRule } from './retention-form';
import { reasonText } from './retention-reasons';

const NOW = new Date('2026-05-01T00:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const tag = (repository: string, name: string, days: number): EnterpriseRetentionTag => ({
  repository,
  tag: name,
  digest: `sha256:${name.padEnd(64, '0')}`,
  pushed: daysAgo(days),
});

const TAGS = [
  tag('team/app', 'v4', 1),
  tag('team/app', 'v3', 2),
  tag('team/app', 'v2', 10),
  tag('team/app', 'v1', 45),
  tag('team/app', 'dev', 50),
  tag('tools/ci', 'latest', 400),
];

/** Rule 1 keeps the 2 latest pushed v* tags, rule 2 whatever was pushed in 30 days, in team/**. */
const RULES = bodyOf({
  ...newPolicy(),
  rules: [
    { ...newRule(), count: '2', repository: 'team/**', tag: 'v*' },
    { ...newRule(), template: 'nDaysSinceLastPush', count: '30', repository: 'team/**' },
  ],
}).rules;

/** Immutability rule 7 protects team/app:dev. */
const MATCHER = new ImmutabilityMatcher([
  {
    id: 7,
    scope_selectors: {
      repository: [{ kind: 'doublestar', decoration: 'repoMatches', pattern: 'team/app' }],
    },
    tag_selectors: [{ kind: 'doublestar', decoration: 'matches', pattern: 'dev' }],
  },
]);

const result = () =>
  evaluateEnterpriseRetention(RULES, TAGS, {
    now: NOW,
    isImmutable: (repository, name) => MATCHER.isImmutable(repository, name),
  });

describe('the retention what-if', () => {
  it('when the rules are evaluated, then the totals name what goes, what stays and what is left alone', () => {
    render(
      <TestProviders>
        <RetentionWhatIf result={result()} matcher={MATCHER} />
      </TestProviders>,
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'Would delete 1 of 5 tags, in 1 repository; 4 stay (1 only because immutable).',
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'Repositories left untouched (no enabled rule scopes them): 1.',
    );
    const table = screen.getByRole('table', { name: 'What the rules do to each repository' });
    const untouched = within(table).getByRole('row', { name: /tools\/ci/ });
    expect(untouched).toHaveTextContent('Left untouched: no enabled rule scopes it');
    expect(within(untouched).queryByRole('button', { name: 'Expand row' })).toBeNull();
  });

  it('when a repository is opened, then each tag says why it is kept or deleted, rule by rule', async () => {
    const user = userEvent.setup();
    render(
      <TestProviders>
        <RetentionWhatIf result={result()} matcher={MATCHER} />
      </TestProviders>,
    );
    const repository = screen.getByRole('row', { name: /team\/app/ });
    await user.click(within(repository).getByRole('button', { name: 'Expand row' }));
    const tags = screen.getByRole('table', { name: 'Tags of team/app' });
    // Deletions are shown first.
    expect(within(tags).getAllByRole('row')).toHaveLength(2);
    const v1 = within(tags).getByRole('row', { name: /^v1/ });
    expect(v1).toHaveTextContent('Deleted');
    expect(
      within(v1)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Rule 1 keeps the 2 most recently pushed; this is the 4th',
      '45 days since push; rule 2 keeps 30 days',
    ]);

    await user.click(screen.getByRole('radio', { name: 'All (5)' }));
    const why = (name: string) =>
      within(within(tags).getByRole('row', { name: new RegExp(`^${name}`) }))
        .getAllByRole('listitem')
        .map((item) => item.textContent);
    expect(why('v4')).toEqual([
      'Kept by rule 1: among the 2 most recently pushed (1st)',
      'Kept by rule 2: pushed 1 day ago, within 30 days',
    ]);
    expect(why('v2')).toEqual(['Kept by rule 2: pushed 10 days ago, within 30 days']);
    expect(why('dev')).toEqual([
      'Kept: immutable (rule 7)',
      'Not selected by rule 1’s tag pattern v*',
      '50 days since push; rule 2 keeps 30 days',
    ]);
  });

  it('when a repository has 10,000 tags, then its table draws one page of them, deletions first, with a pager', async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 10_000 }, (_, i) => tag('team/big', `t${i}`, i / 100));
    const big = evaluateEnterpriseRetention(RULES.slice(1), many, { now: NOW });
    render(
      <TestProviders>
        <RetentionWhatIf result={big} matcher={MATCHER} />
      </TestProviders>,
    );
    await user.click(
      within(screen.getByRole('row', { name: /team\/big/ })).getByRole('button', {
        name: 'Expand row',
      }),
    );
    const tags = screen.getByRole('table', { name: 'Tags of team/big' });
    // A header and 20 rows, out of the 6,999 tags pushed more than 30 days ago.
    expect(big.deleted).toHaveLength(6999);
    expect(within(tags).getAllByRole('row')).toHaveLength(21);
    expect(screen.getByRole('radio', { name: 'Deleted (6999)' })).toBeChecked();
  });

  it('when the reasons are read in Chinese, then they are in Chinese, ranks included', () => {
    const zh: Translate = (key, values) => interpolate(catalogs['zh-CN'][key]!, values);
    const v1 = result().deleted[0]!;
    const context = { t: zh, locale: 'zh-CN', matcher: MATCHER, repository: 'team/app', tag: 'v1' };
    expect(v1.reasons.map((reason) => reasonText(reason, context))).toEqual([
      '规则 1 保留最近推送的 2 个；此标签排第 4',
      '推送已 45 天；规则 2 保留 30 天',
    ]);
  });
});
