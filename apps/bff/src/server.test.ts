import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';

const server = fileURLToPath(new URL('./server.ts', import.meta.url));

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', server], {
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, exited, stderr: () => stderr };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe('the BFF process', () => {
  it('when a setting is wrong, then it exits non-zero naming the variable', async () => {
    const bad = start({ PORT: 'http' });
    expect(await bad.exited).toBe(2);
    expect(bad.stderr()).toContain('PORT');
  });

  it('when the sandbox’s endpoints cannot be read, then it exits naming SWR_LOCAL_ENDPOINTS', async () => {
    const bad = start({
      SWR_LOCAL_ENDPOINTS: '/nonexistent/endpoints.json',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bff-')),
    });
    expect(await bad.exited).toBe(2);
    expect(bad.stderr()).toContain('SWR_LOCAL_ENDPOINTS');
  });

  it('when SIGTERM arrives during a request, then the request finishes and the process exits 0', async () => {
    const port = await freePort();
    const running = start({
      PORT: String(port),
      SWR_LOCAL_ENDPOINTS: inject('swrLocalEndpoints'),
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bff-')),
    });
    const deadline = Date.now() + 20_000;
    for (;;) {
      const up = await fetch(`http://127.0.0.1:${port}/healthz`)
        .then((r) => r.ok)
        .catch(() => false);
      if (up) break;
      if (Date.now() > deadline) throw new Error(`BFF did not start: ${running.stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    // A request still being sent when the signal comes: its answer must arrive.
    const answer = new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/session',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': '2' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write('{');
      setTimeout(() => {
        running.child.kill('SIGTERM');
        setTimeout(() => req.end('}'), 200);
      }, 200);
    });
    expect(await answer).toBe(403);
    expect(await running.exited).toBe(0);
  });
});
