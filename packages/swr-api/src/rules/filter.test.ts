import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FilterSyntaxError, formatFilter, parseFilter } from './filter.js';
import { formatContentRange, parseContentRange } from '../wire/paging.js';

describe('filter=key::value|key::value', () => {
  it('when values are formatted, then undefined ones are left out and order is kept', () => {
    expect(formatFilter({ namespace: 'group', name: undefined, limit: 10, offset: 0 })).toBe(
      'namespace::group|limit::10|offset::0',
    );
  });

  it('when a filter is formatted and parsed, then the same values come back', () => {
    const key = fc.stringMatching(/^[a-z_]{1,12}$/);
    const value = fc.string({ maxLength: 12 }).filter((v) => !v.includes('|') && !v.includes(':'));
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1 }), (values) => {
        expect(parseFilter(formatFilter(values))).toEqual(values);
      }),
    );
  });

  it('when a value holds the separator, then formatting refuses it', () => {
    expect(() => formatFilter({ name: 'a|b' })).toThrow(FilterSyntaxError);
  });

  it.each(['namespace', 'namespace::a|limit', '::a', 'a::1|a::2', 'na-me::x'])(
    'when the filter is "%s", then parsing names the problem',
    (filter) => expect(() => parseFilter(filter)).toThrow(FilterSyntaxError),
  );

  it('when a key is "__proto__", then it is an ordinary key and pollutes nothing', () => {
    const parsed = parseFilter('__proto__::x|limit::1');
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(['__proto__', 'limit']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('when a value holds "::", then only the first one separates', () => {
    expect(parseFilter('name::a::b')).toEqual({ name: 'a::b' });
  });
});

describe('Content-Range: offset-count/total', () => {
  it('when parsed, then each number is read', () => {
    expect(parseContentRange('20-10/137')).toEqual({ offset: 20, count: 10, total: 137 });
  });

  it.each([null, undefined, '', 'items 0-9/10', '0-9', 'a-b/c'])(
    'when it is %j, then there is no range',
    (value) => expect(parseContentRange(value)).toBeUndefined(),
  );

  it('when formatted, then it parses back', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), (offset, count, total) => {
        expect(parseContentRange(formatContentRange({ offset, count, total }))).toEqual({
          offset,
          count,
          total,
        });
      }),
    );
  });
});
