import type { RepositoryPlan } from '@swr-console/contracts/bff';
import { describe, expect, it } from 'vitest';
import { plansAsCsv } from './csv';

const plan = (name: string, tags: string[], bytesFreed: number): RepositoryPlan => ({
  namespace: 'team',
  name,
  tags: tags.length + 1,
  state: 'typed',
  deleted: tags.map((tag, i) => ({
    tag,
    digest: `sha256:${i}`,
    reason: { kind: 'beyond-newest', num: 1, rank: i + 2 },
  })),
  kept: 1,
  bytesFreed,
  unread: 0,
});

describe('the plan as CSV', () => {
  it('when plans are exported, then each deleted tag is a line with its repository bytes, and a name with a comma or quote stays one field', () => {
    const csv = plansAsCsv('cn-north-4', [
      plan('web,"app"', ['v1', 'v2'], 300),
      plan('idle', [], 0),
    ]);
    expect(csv.split('\r\n')).toEqual([
      'region,organization,repository,rule,tag,digest,reason,repository_bytes_freed',
      'cn-north-4,team,"web,""app""",typed,v1,sha256:0,"number 2 by update time, beyond the newest 1",300',
      'cn-north-4,team,"web,""app""",typed,v2,sha256:1,"number 3 by update time, beyond the newest 1",300',
      '',
    ]);
  });
});
