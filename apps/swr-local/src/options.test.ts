import { describe, expect, it } from 'vitest';
import { parseOptions } from './options.js';

describe('swr-local command line', () => {
  it('when only the data folder is given, then two regions with demo data on port 9100 follow', () => {
    expect(parseOptions(['--data-dir', '/tmp/x'])).toEqual({
      options: {
        dataDir: '/tmp/x',
        port: 9100,
        regions: ['cn-north-4', 'ap-southeast-1'],
        seed: 'demo',
      },
    });
  });

  it('when regions are listed, then each is kept in order', () => {
    const parsed = parseOptions([
      '--data-dir',
      'd',
      '--port',
      '9200',
      '--regions',
      'cn-east-3, cn-south-1',
      '--seed',
      'none',
    ]);
    expect(parsed).toEqual({
      options: { dataDir: 'd', port: 9200, regions: ['cn-east-3', 'cn-south-1'], seed: 'none' },
    });
  });

  it.each([
    [[], '--data-dir'],
    [['--data-dir', 'd', '--port', '80'], '--port'],
    [['--data-dir', 'd', '--regions', 'moon'], '--regions'],
    [['--data-dir', 'd', '--regions', 'cn-east-3,cn-east-3'], 'twice'],
    [['--data-dir', 'd', '--seed', 'lots'], '--seed'],
    [['--data-dir', 'd', '--bogus'], 'bogus'],
  ])('when the arguments are %j, then the error names %s', (argv, flag) => {
    const parsed = parseOptions(argv);
    expect('errors' in parsed && parsed.errors.join(' ')).toContain(flag);
  });
});
