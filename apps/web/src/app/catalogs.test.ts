import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../testing/catalogs';

const src = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(entry) &&
      !/\.test\.tsx?$/.test(entry) &&
      !entry.endsWith('messages.ts')
      ? [full]
      : [];
  });
}

/**
 * Every t('key') in the code, every quoted string (a key chosen by a condition, say), and the
 * prefixes of keys built at run time (t(`prefix.${x}`)).
 */
function usedKeys() {
  const exact = new Set<string>();
  const quoted = new Set<string>();
  const prefixes = new Set<string>();
  for (const file of sources(src)) {
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/\bt\(\s*'([^']+)'/g)) exact.add(match[1]!);
    for (const match of code.matchAll(/'([a-zA-Z]+(?:\.[\w-]+)+)'/g)) quoted.add(match[1]!);
    for (const match of code.matchAll(/\bt\(\s*`([^`$]*)\$\{/g)) prefixes.add(match[1]!);
  }
  return { exact, quoted, prefixes };
}

describe('messages', () => {
  const en = Object.keys(catalogs['en-US']).sort();
  const zh = Object.keys(catalogs['zh-CN']).sort();

  it('when both languages are compared, then each has every key of the other', () => {
    expect(zh).toEqual(en);
  });

  it('when a message is used in the code, then it exists', () => {
    const missing = [...usedKeys().exact].filter((key) => !(key in catalogs['en-US']));
    expect(missing).toEqual([]);
  });

  it('when a message exists, then the code uses it', () => {
    const { quoted, prefixes } = usedKeys();
    const unused = en.filter(
      (key) => !quoted.has(key) && ![...prefixes].some((prefix) => key.startsWith(prefix)),
    );
    expect(unused).toEqual([]);
  });

  it('when a message has placeholders, then the translation has the same ones', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const mismatched = en.filter(
      (key) =>
        JSON.stringify(names(catalogs['en-US'][key]!)) !==
        JSON.stringify(names(catalogs['zh-CN'][key]!)),
    );
    expect(mismatched).toEqual([]);
  });

  it('when a translation is checked, then it is not left empty', () => {
    expect(zh.filter((key) => catalogs['zh-CN'][key]!.trim() === '')).toEqual([]);
  });
});
