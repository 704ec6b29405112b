import type { ReplicationSubtask, ReplicationTask } from '@swr-console/swr-api';
import { describe, expect, it } from 'vitest';
import {
  destinationOf,
  filtersValid,
  lastRunByTag,
  outlookOf,
  selectTags,
  targetFactOf,
  targetPath,
} from './replication-preview';

const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;
const C = `sha256:${'c'.repeat(64)}`;

const tags = [
  { repository: 'team/app', tag: 'v2', digest: B },
  { repository: 'team/app', tag: 'v1', digest: A },
  { repository: 'team/app', tag: 'dev', digest: C },
  { repository: 'team/app', tag: `sha256-${'a'.repeat(64)}.sig`, digest: C },
  { repository: 'team/tools/lint', tag: 'v1', digest: C },
  { repository: 'other/app', tag: 'v1', digest: A },
];

describe('what a run would copy', () => {
  it('when the destination namespace is given, then it replaces the first component of the path; else the path stays', () => {
    expect(destinationOf('team/app', 'mirror')).toBe('mirror/app');
    expect(destinationOf('team/tools/lint', 'mirror')).toBe('mirror/tools/lint');
    expect(destinationOf('team/app', '')).toBe('team/app');
    expect(destinationOf('alpine', 'library')).toBe('library/alpine');
    expect(destinationOf('alpine', '')).toBeUndefined();
  });

  it('when filters are set, then only matching tags are taken, sorted, signatures never, each with where it lands', () => {
    expect(
      selectTags({ nameFilter: 'team/*', tagFilter: 'v*' }, 'mirror', tags).map((row) => [
        `${row.repository}:${row.tag}`,
        row.destination,
      ]),
    ).toEqual([
      ['team/app:v1', 'mirror/app'],
      ['team/app:v2', 'mirror/app'],
    ]);
    // `**` crosses path components; empty filters take everything but signatures.
    expect(selectTags({ nameFilter: 'team/**', tagFilter: '' }, '', tags)).toHaveLength(4);
    expect(selectTags({ nameFilter: '', tagFilter: '' }, '', tags)).toHaveLength(5);
  });

  it('when a pattern is malformed, then the filters are not valid (and nothing is matched)', () => {
    expect(filtersValid({ nameFilter: 'team/{a', tagFilter: '' })).toBe(false);
    expect(filtersValid({ nameFilter: '', tagFilter: '' })).toBe(true);
  });

  it('when the target is named as tasks name it, then it is host/path', () => {
    expect(targetPath('http://127.0.0.1:5000', 'mirror/app')).toBe('127.0.0.1:5000/mirror/app');
  });
});

const subtask = (tag: string, status: ReplicationSubtask['status'], text: string, digest = '') =>
  ({
    id: tag.length,
    job_id: '1',
    namespace: 'team',
    repository: 'app',
    tag,
    digest,
    status,
    status_text: text,
    start_time: '',
    end_time: '',
  }) satisfies ReplicationSubtask;

const task = {
  id: 1,
  execution_id: 9,
  resource_type: 'image',
  src_resource: 'team/app',
  dst_resource: '127.0.0.1:5000/mirror/app',
  operation: 'copy',
  job_id: '1',
  status: 'Succeed',
  StatusRevision: 2,
  start_time: '',
  end_time: '',
} satisfies ReplicationTask;

describe('what the last run found at the target', () => {
  it('when sub-tasks are read, then swr-local’s words become facts about the target', () => {
    expect(targetFactOf(subtask('v1', 'Succeed', '', A))).toEqual({ kind: 'copied', digest: A });
    expect(
      targetFactOf(subtask('v1', 'Succeed', 'Already at the target with the same digest', A)),
    ).toEqual({ kind: 'same', digest: A });
    expect(
      targetFactOf(
        subtask(
          'v1',
          'Succeed',
          `The target has this tag with another image (${B}); override is off: left alone`,
          A,
        ),
      ),
    ).toEqual({ kind: 'other', digest: B });
    expect(targetFactOf(subtask('v1', 'Failed', 'unreachable'))).toEqual({
      kind: 'failed',
      text: 'unreachable',
    });
    expect(targetFactOf(subtask('v1', 'Stopped', 'Not started: the run was stopped'))).toEqual({
      kind: 'stopped',
      text: 'Not started: the run was stopped',
    });
    expect(targetFactOf(subtask('v1', 'InProgress', ''))).toEqual({ kind: 'running' });
  });

  it('when the source has moved on since the last run, then the outlook follows override; the same image stays', () => {
    const last = lastRunByTag([
      {
        task,
        subtasks: [
          subtask('v1', 'Succeed', '', A),
          subtask(
            'v2',
            'Succeed',
            `The target has this tag with another image (${C}); override is off: left alone`,
            B,
          ),
          subtask('dev', 'Failed', 'timeout'),
        ],
      },
    ]);
    const at = '127.0.0.1:5000/mirror/app';
    expect(outlookOf(A, at, last.get('team/app:v1'), false)).toBe('there');
    expect(outlookOf(B, at, last.get('team/app:v1'), false)).toBe('kept');
    expect(outlookOf(B, at, last.get('team/app:v1'), true)).toBe('replace');
    expect(outlookOf(B, at, last.get('team/app:v2'), false)).toBe('kept');
    expect(outlookOf(C, at, last.get('team/app:v2'), false)).toBe('there');
    expect(outlookOf(C, at, last.get('team/app:dev'), false)).toBe('retry');
    expect(outlookOf(A, at, last.get('team/app:v9'), false)).toBe('unknown');
    // The last run wrote elsewhere (the destination namespace changed since): nothing is known.
    expect(outlookOf(A, '127.0.0.1:5000/other/app', last.get('team/app:v1'), false)).toBe(
      'unknown',
    );
  });
});
