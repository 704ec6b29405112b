import { describe, expect, it } from 'vitest';
import type { Deletion } from '../deletions';
import { interpolate, type Translate } from '../i18n';
import { catalogs } from '../../testing/catalogs';
import { describeDeletion } from './HeldMark';

const t: Translate = (key, values) => interpolate(catalogs['en-US'][key] ?? key, values);

const held = (operation: string, params: Record<string, string>): Deletion => ({
  id: 'AAAAAAAAAAAAAAAAAAAAAA',
  region: 'cn-north-4',
  operation,
  params,
  userName: 'swr-demo',
  createdAt: '2026-12-03T10:00:00.000Z',
  executeAt: '2026-12-03T10:00:10.000Z',
  state: 'pending',
});

describe('describeDeletion', () => {
  it('when a sync task is held with its target, then the undo bar names the target', () => {
    expect(
      describeDeletion(
        t,
        held('DeleteImageSyncRepo', {
          namespace: 'team',
          repository: 'web/app',
          remoteRegionId: 'ap-southeast-1',
          remoteNamespace: 'away',
        }),
      ),
    ).toBe('the automatic sync of team/web/app to ap-southeast-1/away');
  });

  it('when a sync task is held without its target, then no placeholder shows', () => {
    const text = describeDeletion(
      t,
      held('DeleteImageSyncRepo', { namespace: 'team', repository: 'web/app' }),
    );
    expect(text).toBe('an automatic sync of team/web/app');
    expect(text).not.toContain('{');
  });
});
