import type { RetentionLog } from '@swr-console/swr-api';
import { describe, expect, it } from 'vitest';
import { groupRuns, runsBetween } from './history';

const RULE = '{"template":"tag_rule","params":{"num":"3"},"tag_selectors":[]}';
let id = 0;
const log = (tag: string, created_at: string, rule = RULE, retention_id = 1): RetentionLog => ({
  id: ++id,
  retention_id,
  namespace: 'team',
  repo: 'app',
  tag,
  rule_type: rule,
  created_at,
});

describe('groupRuns', () => {
  it('when tags were deleted within a minute of each other by one rule, then they are one run', () => {
    const runs = groupRuns([
      log('v6', '2026-11-20T10:00:02Z'),
      log('v5', '2026-11-20T10:00:01Z'),
      log('v4', '2026-11-20T10:00:00Z'),
      log('v3', '2026-11-19T08:00:00Z'),
    ]);
    expect(runs).toEqual([
      { at: '2026-11-20T10:00:00Z', rule: RULE, tags: ['v4', 'v5', 'v6'] },
      { at: '2026-11-19T08:00:00Z', rule: RULE, tags: ['v3'] },
    ]);
  });

  it('when SWR lists one run’s tags in any order, then they are shown in natural name order', () => {
    const runs = groupRuns([
      log('t3', '2026-11-20T10:00:00Z'),
      log('t10', '2026-11-20T10:00:00Z'),
      log('t1', '2026-11-20T10:00:00Z'),
      log('t2', '2026-11-20T10:00:00Z'),
      log('T2', '2026-11-20T10:00:00Z'),
    ]);
    expect(runs.map((run) => run.tags)).toEqual([['t1', 't2', 'T2', 't3', 't10']]);
  });

  it('when the rule changed between two deletions, then they are separate runs', () => {
    const other = RULE.replace('"3"', '"5"');
    const runs = groupRuns([
      log('b', '2026-11-20T10:00:10Z', other),
      log('a', '2026-11-20T10:00:00Z'),
    ]);
    expect(runs.map((run) => run.tags)).toEqual([['b'], ['a']]);
  });
});

describe('runsBetween', () => {
  const runs = groupRuns([
    log('c', '2026-11-21T12:00:00'),
    log('b', '2026-11-20T12:00:00'),
    log('a', '2026-11-19T12:00:00'),
  ]);

  it('when both days are given, then runs on either day are included', () => {
    expect(runsBetween(runs, '2026-11-20', '2026-11-21').map((r) => r.tags[0])).toEqual(['c', 'b']);
  });

  it('when only one end is given, then the other is open', () => {
    expect(runsBetween(runs, undefined, '2026-11-19').map((r) => r.tags[0])).toEqual(['a']);
    expect(runsBetween(runs, '2026-11-21').map((r) => r.tags[0])).toEqual(['c']);
    expect(runsBetween(runs)).toHaveLength(3);
  });
});
