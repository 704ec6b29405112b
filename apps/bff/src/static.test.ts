import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
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
  // Beside the assets folder: a plain file and a "compressed copy" that must never be sent.
  writeFileSync(path.join(webDir, 'secret.txt'), 'outside');
  writeFileSync(path.join(webDir, 'secret.txt.br'), 'not an asset');
  bff = await startBff({ webDir });
});
afterAll(() => bff?.stop());

/** A GET with the path exactly as given, as a hand-made client could send it. */
function rawGet(url: string): Promise<{ encoding: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(bff.url);
    const request = http.get({ hostname, port, path: url, headers: { 'accept-encoding': 'br' } });
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('latin1');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ encoding: response.headers['content-encoding'], body }));
    });
    request.on('error', reject);
  });
}

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
    // Sent raw: fetch would resolve "..", and a path past the name check would reach secret.txt.br.
    for (const url of [
      '/assets/../secret.txt',
      '/assets/..%2fsecret.txt',
      '/assets/%2e%2e/secret.txt',
    ]) {
      const response = await rawGet(url);
      expect(response.encoding, url).toBeUndefined();
      expect(response.body, url).not.toContain('not an asset');
    }
  });
});

describe('assets, served before any session is read', () => {
  it('when assets are asked for many at once, with and without a cookie, then each is sent whole', async () => {
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        fetch(`${bff.url}/assets/index-abc123.js`, {
          headers: i % 2 ? { cookie: `swr_console_session=${'x'.repeat(43)}` } : {},
        }).then(async (response) => ({ status: response.status, body: await response.text() })),
      ),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toBe(SCRIPT);
    }
  });

  it('when an asset is missing or is sent another method, then the answer is a 4xx problem, not the page', async () => {
    const missing = await fetch(`${bff.url}/assets/nothing-here.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const refused = await fetch(`${bff.url}/assets/index-abc123.js`, { method });
      expect(refused.status, method).toBe(405);
      expect(refused.headers.get('allow'), method).toBe('GET, HEAD');
    }
  });
});
