import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareLayers,
  compareSettings,
  compareValues,
  configFacts,
  environmentOf,
  type ImageLayer,
} from './image-compare.js';

const layer = (name: string, size = 10): ImageLayer => ({ digest: `sha256:${name}`, size });

describe('two images compared', () => {
  it('when the right image rebuilds the top of the left on the same base, then the base is shared and the top is removed and added, with bytes', () => {
    const result = compareLayers(
      [layer('base', 100), layer('deps', 50), layer('app', 5)],
      [layer('base', 100), layer('deps', 50), layer('app2', 7), layer('extra', 3)],
    );
    expect(result.rows.map((r) => `${r.change} ${r.digest.slice(7)}`)).toEqual([
      'same base',
      'same deps',
      'removed app',
      'added app2',
      'added extra',
    ]);
    expect(result).toMatchObject({ sharedBytes: 150, removedBytes: 5, addedBytes: 10 });
  });

  it('when any two layer lists are compared, then the rows give back each list in order and share as many layers as can be', () => {
    const list = fc.array(
      fc.constantFrom('a', 'b', 'c', 'd').map((n) => layer(n)),
      {
        maxLength: 8,
      },
    );
    fc.assert(
      fc.property(list, list, (left, right) => {
        const { rows } = compareLayers(left, right);
        expect(rows.filter((r) => r.change !== 'added').map((r) => r.digest)).toEqual(
          left.map((l) => l.digest),
        );
        expect(rows.filter((r) => r.change !== 'removed').map((r) => r.digest)).toEqual(
          right.map((l) => l.digest),
        );
        // Never fewer shared than a layer-by-layer match of equal positions finds in order.
        const sameAtPosition = left.filter((l, i) => right[i]?.digest === l.digest).length;
        expect(rows.filter((r) => r.change === 'same').length).toBeGreaterThanOrEqual(
          sameAtPosition,
        );
      }),
    );
  });

  it('when an image config is read, then its run settings, environment, labels, ports and history come out, and junk is left out', () => {
    const { config, history } = configFacts({
      architecture: 'arm64',
      os: 'linux',
      variant: 'v8',
      created: '2025-01-01T00:00:00Z',
      config: {
        User: 'app',
        Env: ['PATH=/bin', 'MODE=prod', 42],
        Entrypoint: ['/app'],
        Cmd: null,
        Labels: { team: 'web', bad: 1 },
        ExposedPorts: { '8080/tcp': {}, '53/udp': {} },
        WorkingDir: '',
      },
      history: [{ created_by: '/bin/sh -c apk add curl' }, { empty_layer: true, comment: 'env' }],
    });
    expect(config).toEqual({
      os: 'linux',
      architecture: 'arm64',
      variant: 'v8',
      created: '2025-01-01T00:00:00Z',
      user: 'app',
      entrypoint: ['/app'],
      env: ['PATH=/bin', 'MODE=prod'],
      labels: { team: 'web' },
      exposedPorts: ['53/udp', '8080/tcp'],
      volumes: [],
    });
    expect(history).toEqual([
      { createdBy: '/bin/sh -c apk add curl', emptyLayer: false },
      { comment: 'env', emptyLayer: true },
    ]);
    expect(configFacts('not a config').config).toMatchObject({ os: '', env: [], labels: {} });
  });

  it('when environments and settings differ, then each key says whether it is the same, changed, removed or added', () => {
    expect(
      compareValues(environmentOf(['A=1', 'B=2', 'C=x=y']), environmentOf(['A=1', 'B=3', 'D'])),
    ).toEqual([
      { key: 'A', change: 'same', left: '1', right: '1' },
      { key: 'B', change: 'changed', left: '2', right: '3' },
      { key: 'C', change: 'removed', left: 'x=y' },
      { key: 'D', change: 'added', right: '' },
    ]);
    const base = configFacts({ os: 'linux', architecture: 'amd64', config: { Cmd: ['a'] } });
    const other = configFacts({ os: 'linux', architecture: 'amd64', config: { Cmd: ['b'] } });
    const rows = compareSettings(base.config, other.config);
    expect(rows.find((r) => r.key === 'cmd')).toEqual({
      key: 'cmd',
      change: 'changed',
      left: '["a"]',
      right: '["b"]',
    });
    expect(rows.find((r) => r.key === 'platform')).toMatchObject({ change: 'same' });
  });
});
