import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';

export interface RegistryProcessOptions {
  region: string;
  /** Where the registry keeps its blobs and manifests. */
  dataDir: string;
  /** The URL clients reach it through (the region's registry front), for Location headers. */
  publicUrl: string;
  /** Where the registry reports pushes and deletions. */
  notificationUrl: string;
  notificationToken: string;
  binary?: string;
  log: Logger;
}

export interface RegistryProcess {
  /** `http://127.0.0.1:port`, without authentication: only swr-local talks to it directly. */
  url: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function config(options: RegistryProcessOptions, port: number): string {
  // JSON is YAML; the registry reads either.
  return JSON.stringify(
    {
      version: 0.1,
      log: { level: 'warn', formatter: 'text', accesslog: { disabled: true } },
      storage: {
        filesystem: { rootdirectory: path.join(options.dataDir, 'storage') },
        delete: { enabled: true },
        cache: { blobdescriptor: 'inmemory' },
        maintenance: { uploadpurging: { enabled: false } },
      },
      http: {
        addr: `127.0.0.1:${port}`,
        host: options.publicUrl,
        headers: { 'X-Content-Type-Options': ['nosniff'] },
      },
      notifications: {
        endpoints: [
          {
            name: 'swr-local',
            url: options.notificationUrl,
            headers: { Authorization: [`Bearer ${options.notificationToken}`] },
            timeout: '2s',
            threshold: 10,
            backoff: '1s',
            ignoredmediatypes: ['application/octet-stream'],
          },
        ],
      },
    },
    null,
    2,
  );
}

/**
 * Starts a CNCF Distribution registry (Debian's `docker-registry`) for a region and waits until it
 * answers. Deletion is enabled; notifications go back to swr-local.
 */
export async function startRegistry(options: RegistryProcessOptions): Promise<RegistryProcess> {
  mkdirSync(options.dataDir, { recursive: true });
  const port = await freePort();
  const configFile = path.join(options.dataDir, 'config.yml');
  writeFileSync(configFile, config(options, port), { mode: 0o600 });

  const child: ChildProcess = spawn(options.binary ?? 'docker-registry', ['serve', configFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  child.once('error', (error) =>
    options.log.error({ err: error, region: options.region }, 'registry did not start'),
  );

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(
        `The registry of ${options.region} exited (${child.exitCode}): ${output.trim()}`,
      );
    }
    try {
      const response = await fetch(`${url}/v2/`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(
        `The registry of ${options.region} did not answer within 20 s: ${output.trim()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  options.log.info({ region: options.region, url }, 'registry ready');

  child.on('exit', (code, signal) => {
    if (!stopping)
      options.log.error(
        { region: options.region, code, signal, output },
        'registry stopped unexpectedly',
      );
  });
  let stopping = false;
  return {
    url,
    async stop() {
      stopping = true;
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
