import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from './app.js';

function builtWeb(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'web-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>SWR Console</title>');
  writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  return dir;
}

describe('serving the console', () => {
  const app = createApp({ webDir: builtWeb() });

  it('when a client route is opened, then the HTML shell comes back uncached', async () => {
    const response = await request(app).get('/namespaces/group');
    expect(response.status).toBe(200);
    expect(response.text).toContain('<title>SWR Console</title>');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('when a hashed asset is fetched, then it is cached for a year as immutable', async () => {
    const response = await request(app).get('/assets/index-abc123.js');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('when an asset does not exist, then it is a 404, not the HTML shell', async () => {
    const response = await request(app).get('/assets/missing.js');
    expect(response.status).toBe(404);
  });

  it('when /healthz is asked, then it answers ok', async () => {
    expect((await request(app).get('/healthz')).body).toEqual({ status: 'ok' });
  });

  it('when the SPA is not built, then the shell route explains it', async () => {
    const response = await request(
      createApp({ webDir: mkdtempSync(path.join(tmpdir(), 'empty-')) }),
    ).get('/');
    expect(response.status).toBe(503);
    expect(response.text).toContain('npm run build');
  });
});
