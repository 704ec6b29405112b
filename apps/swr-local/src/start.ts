import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { Options } from './options.js';

export interface RunningSwrLocal {
  endpointsFile: string;
  stop(): Promise<void>;
}

/**
 * Starts one API server per region on consecutive ports and announces them in endpoints.json.
 * (A skeleton: the SWR API, IAM and the registries arrive with the swr-local issue.)
 */
export async function startSwrLocal(options: Options): Promise<RunningSwrLocal> {
  mkdirSync(options.dataDir, { recursive: true });
  const servers = await Promise.all(
    options.regions.map((region, i) => listen(options.port + i, region)),
  );
  const endpoints = {
    regions: options.regions.map((id, i) => ({ id, api: `http://127.0.0.1:${options.port + i}` })),
  };
  const endpointsFile = path.join(options.dataDir, 'endpoints.json');
  writeAtomically(endpointsFile, JSON.stringify(endpoints, null, 2));
  return {
    endpointsFile,
    stop: async () => {
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}

function listen(port: number, region: string): Promise<Server> {
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.method === 'GET' && req.url === '/') {
      res.end(JSON.stringify({ versions: [{ id: 'v2', status: 'CURRENT', region }] }));
      return;
    }
    res.statusCode = 404;
    res.end(
      JSON.stringify({
        error_code: 'APIGW.0101',
        error_msg: 'The API does not exist or has not been published',
      }),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** Written to a temporary file first, so a reader never sees half a file; readable by the owner only. */
export function writeAtomically(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600 });
  renameSync(temporary, file);
}
