import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBff, type RunningBff } from './testing/harness.js';

const SCRIPT = `console.log(${JSON.stringify('x'.repeat(2000))});`;
let bff: RunningBff;

beforeAll(async () => {
  const webDir = mkdtempSync(path.join(tmpdir(), 'web-'));
  mkdirSync(path.join(webDir, 'assets'));
  writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>SWR Console</title>');
  const asset = path.join(webDir, 'assets', 'index-abc123.js');
  writeFileSync(asset, SCRIPT);
  writeFileSync(`${asset}.br`, brotliCompressSync(SCRIPT));
  writeFileSync(`${asset}.gz`, gzipSync(SCRIPT));
  writeFileSync(path.join(webDir, 'assets', 'plain-def456.css'), 'body{}');
  writeFileSync(path.join(webDir, 'secret.txt.br'), 'not an asset');
  bff = await startBff({ webDir });
});
afterAll(() => bff?.stop());

const get = (url: string, encoding: string) =>
  fetch(`${bff.url}${url}`, { headers: { 'accept-encoding': encoding } });

describe('precompressed assets', () => {
  it('when the browser takes Brotli, then the Brotli copy is sent with the script’s own type', async () => {
    const response = await get('/assets/index-abc123.js', 'gzip, deflate, br');
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-type')).toMatch(
      /^text\/javascript|^application\/javascript/,
    );
    expect(response.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(response.headers.get('cache-control')).toContain('immutable');
    // The security headers every answer carries.
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    // fetch decodes the body: what arrives is the script.
    expect(await response.text()).toBe(SCRIPT);
  });

  it('when the browser takes only gzip, then the gzip copy is sent', async () => {
    const response = await get('/assets/index-abc123.js', 'gzip');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(await response.text()).toBe(SCRIPT);
  });

  it('when the browser takes no compression, or there is no copy, then the plain file is sent', async () => {
    const plain = await get('/assets/index-abc123.js', 'identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(SCRIPT);
    const css = await get('/assets/plain-def456.css', 'br');
    expect(css.headers.get('content-encoding')).toBeNull();
    expect(await css.text()).toBe('body{}');
  });

  it('when a path tries to leave the assets folder, then no compressed copy of anything is sent', async () => {
    for (const url of [
      '/assets/..%2fsecret.txt',
      '/assets/%2e%2e/secret.txt',
      '/assets/../secret.txt',
    ]) {
      const response = await get(url, 'br');
      expect(response.headers.get('content-encoding')).toBeNull();
      expect(await response.text()).not.toContain('not an asset');
    }
  });
});
