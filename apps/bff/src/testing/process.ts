import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSandboxEndpoints, writeSandboxEndpoints } from '@swr-console/contracts/sandbox';
import { inject } from 'vitest';

const server = fileURLToPath(new URL('../server.ts', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface BffProcess {
  url: string;
  pid: number;
  /** Whether the process is still running. */
  alive(): boolean;
  /** Its peak resident memory so far (VmHWM), in bytes. */
  peakMemory(): number;
  /** What it wrote to stderr, for a test that fails to say why. */
  stderr(): string;
  /** Sends a signal and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * The BFF as it runs in production, in a process of its own, so a test can tell that nothing it
 * did ended that process. `regions` points regions of the sandbox elsewhere (a hostile peer), and
 * `iam` its IAM.
 */
export async function startBffProcess(
  options: { regions?: Record<string, string>; iam?: string; env?: Record<string, string> } = {},
): Promise<BffProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bff-process-'));
  const endpoints = readSandboxEndpoints(inject('swrLocalEndpoints'));
  for (const region of endpoints.regions) region.api = options.regions?.[region.id] ?? region.api;
  if (options.iam) endpoints.iam = options.iam;
  const endpointsFile = path.join(dataDir, 'endpoints.json');
  writeSandboxEndpoints(endpointsFile, endpoints);
  const port = await freePort();
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', server], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SWR_LOCAL_ENDPOINTS: endpointsFile,
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the BFF exited at start: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`the BFF did not start: ${stderr}`);
    const up = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid!,
    alive: () => child.exitCode === null && child.signalCode === null,
    peakMemory() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024;
    },
    stderr: () => stderr,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((resolve) =>
        child.once('exit', (code) => resolve(code)),
      );
      child.kill(signal);
      return exited;
    },
  };
}
