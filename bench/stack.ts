/**
 * The built apps as benchmarks run them (npm run build first): swr-local with demo data and BFFs in
 * processes of their own, stopped when the benchmark exits, and browser sessions signed in to them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { readSandboxEndpoints } from '@swr-console/contracts/sandbox';
import { chromiumLaunchOptions } from '../e2e/chromium.js';

const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((child) => child.kill('SIGTERM')));

function startProcess(
  args: string[],
  env: Record<string, string> = {},
  nodeOptions: string[] = [],
): ChildProcess {
  const child = spawn(process.execPath, [...nodeOptions, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** swr-local with demo data on `port` and the ports after it, in a new data folder. */
export async function startSandbox(port: number) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-'));
  const endpointsFile = path.join(dataDir, 'swr-local', 'endpoints.json');
  const child = startProcess([
    'apps/swr-local/dist/cli.js',
    '--data-dir',
    path.join(dataDir, 'swr-local'),
    '--port',
    String(port),
    '--seed',
    'demo',
  ]);
  await until(() => existsSync(endpointsFile));
  const endpoints = readSandboxEndpoints(endpointsFile);
  return { child, dataDir, endpointsFile, endpoints };
}

/** A BFF on `port` in front of the sandbox, answering once it is healthy. */
export async function startBff(
  sandbox: { dataDir: string; endpointsFile: string },
  port: number,
  env: Record<string, string> = {},
  nodeOptions: string[] = [],
) {
  const base = `http://127.0.0.1:${port}`;
  const child = startProcess(
    ['apps/bff/dist/server.js'],
    {
      PORT: String(port),
      DATA_DIR: path.join(sandbox.dataDir, `bff-${port}`),
      SWR_LOCAL_ENDPOINTS: sandbox.endpointsFile,
      ...env,
    },
    nodeOptions,
  );
  await until(() =>
    fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    ),
  );
  return { base, child };
}

/** Signs a new browser session in, as the sign-in page does; its cookie and CSRF token. */
export async function signIn(
  base: string,
  body: Record<string, unknown>,
): Promise<{ cookie: string; csrf: string }> {
  const csrf = await fetch(`${base}/api/csrf`);
  const anonymous = csrf.headers.getSetCookie()[0]!.split(';')[0]!;
  const answer = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: {
      cookie: anonymous,
      origin: base,
      'x-csrf-token': ((await csrf.json()) as { csrfToken: string }).csrfToken,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  if (answer.status !== 201) throw new Error(`sign-in answered ${answer.status}`);
  return {
    cookie: answer.headers.getSetCookie()[0]!.split(';')[0]!,
    csrf: ((await answer.json()) as { csrfToken: string }).csrfToken,
  };
}

/** CPU seconds a process has used (user + system), from /proc; clock ticks are 1/100 s. */
export function cpuSeconds(child: ChildProcess): number {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * The built BFF in front of an in-process sandbox (its endpoints file), and Chromium with a
 * session signed in through the sign-in page as `user`: new contexts made with `signedIn` start
 * signed in. The console's CSP forbids evaluating strings, which is how benchmarks probe the
 * page: `signedIn` lets them through (the console's own scripts load as they do for a user).
 */
export async function consoleInChromium(
  endpointsFile: string,
  port: number,
  user: { access_key: string; secret_key: string },
) {
  const base = `http://127.0.0.1:${port}`;
  const bff = startProcess(['apps/bff/dist/server.js'], {
    PORT: String(port),
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bench-console-')),
    SWR_LOCAL_ENDPOINTS: endpointsFile,
  });
  await until(() =>
    fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    ),
  );
  const browser = await chromium.launch(chromiumLaunchOptions);
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Access key ID (AK)').fill(user.access_key);
  await page.getByLabel('Secret access key (SK)').fill(user.secret_key);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/namespaces/);
  const storageState = await context.storageState();
  await context.close();
  return {
    base,
    browser,
    signedIn: { storageState, locale: 'en-US', bypassCSP: true },
    stop: async () => {
      await browser.close();
      bff.kill('SIGTERM');
    },
  };
}
