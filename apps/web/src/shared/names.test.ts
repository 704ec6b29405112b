import { describe, expect, it } from 'vitest';
import { englishCatalog } from '../app/catalogs';
import { interpolate } from './i18n';
import { lengthCount, lengthRule } from './names';

const t = (key: string, values?: Record<string, string | number>) =>
  interpolate(englishCatalog[key]!, values);
const check = (value: string) =>
  (lengthRule(64, t) as { validator: (rule: unknown, value: string) => Promise<void> }).validator(
    {},
    value,
  );

describe('length limits at a field', () => {
  it('when a text is longer than the limit, then the error says how long it is and the limit', async () => {
    await expect(check('a'.repeat(64))).resolves.toBeUndefined();
    await expect(check('a'.repeat(65))).rejects.toThrow(
      'This is 65 characters long; at most 64 are allowed.',
    );
  });

  it('when characters are outside the basic plane, then each counts once', async () => {
    await expect(check('😀'.repeat(64))).resolves.toBeUndefined();
  });

  it('when the counter is asked, then it shows from 80% of the limit and counts what was typed', () => {
    const count = lengthCount(100)!;
    const show = count.show as (args: { count: number; value: string }) => unknown;
    expect(show({ count: 79, value: '' })).toBeNull();
    expect(show({ count: 80, value: '' })).toBe('80 / 100');
    expect(count.strategy!('😀😀')).toBe(2);
    expect(count.max).toBe(100);
  });
});
