import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A replication target as a user would set one up: a plain Distribution registry (Debian's
 * `docker-registry`, no login) on loopback, behind a small pass-through front that can hold the
 * registry's answers to image requests while a test asks it to (a stalled target), so that a run
 * is reliably still under way when it is stopped.
 */
export interface ReplicationTarget {
  /** `http://127.0.0.1:port` of the front: what the console is given. */
  url: string;
  /** `127.0.0.1:port`, for skopeo's `docker://` references. */
  host: string;
  /** While true, requests for images (anything but `/v2/` itself) are held unanswered. */
  holding: boolean;
  /** Requests for images the front has taken, held or not. */
  imageRequests: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function answers(url: string, within: number): Promise<void> {
  const deadline = Date.now() + within;
  for (;;) {
    try {
      const response = await fetch(`${url}/v2/`);
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${within} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startReplicationTarget(): Promise<ReplicationTarget> {
  const dir = mkdtempSync(path.join(tmpdir(), 'e2e-replication-target-'));
  const registryPort = await freePort();
  const config = path.join(dir, 'config.yml');
  // JSON is YAML; the registry reads either.
  writeFileSync(
    config,
    JSON.stringify({
      version: 0.1,
      log: { level: 'warn', accesslog: { disabled: true } },
      storage: {
        filesystem: { rootdirectory: path.join(dir, 'storage') },
        delete: { enabled: true },
      },
      http: { addr: `127.0.0.1:${registryPort}` },
    }),
  );
  const registry: ChildProcess = spawn('/usr/bin/docker-registry', ['serve', config], {
    stdio: 'ignore',
  });
  const upstream = `http://127.0.0.1:${registryPort}`;
  await answers(upstream, 20_000);

  const held = new Set<ServerResponse>();
  const target = {
    url: '',
    host: '',
    holding: false,
    imageRequests: 0,
    stop: async () => undefined,
  } satisfies ReplicationTarget;
  const pass = (request: IncomingMessage, response: ServerResponse) => {
    const forwarded = http.request(
      `${upstream}${request.url}`,
      { method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forwarded.on('error', () => response.destroy());
    request.pipe(forwarded);
  };
  const front = http.createServer((request, response) => {
    const image = request.url !== '/v2/' && request.url !== '/v2';
    if (image) target.imageRequests++;
    if (image && target.holding) {
      held.add(response);
      response.on('close', () => held.delete(response));
      return;
    }
    pass(request, response);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const { port } = front.address() as AddressInfo;
  target.url = `http://127.0.0.1:${port}`;
  target.host = `127.0.0.1:${port}`;
  target.stop = async () => {
    for (const response of held) response.destroy();
    front.closeAllConnections();
    await new Promise((resolve) => front.close(resolve));
    if (registry.exitCode === null && registry.signalCode === null) {
      const exited = new Promise((resolve) => registry.once('exit', resolve));
      registry.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return target;
}
