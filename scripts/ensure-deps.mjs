#!/usr/bin/env node
// Makes a fresh Debian machine ready: the Debian packages the tests and the sandbox use, then the npm
// dependencies. Each step runs only when something is missing, so it is cheap to call every time.
//   node scripts/ensure-deps.mjs            both
//   node scripts/ensure-deps.mjs --system   Debian packages only
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Debian packages and why the project needs them. */
const debianPackages = {
  'docker-registry': 'the CNCF Distribution registries behind swr-local',
  skopeo: 'pushing and pulling images in tests, as a user would',
  chromium: 'the browser of the end-to-end tests',
  'redis-server': 'the shared session store of several BFF replicas',
};

function installed(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    console.error(`${command} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

const missing = Object.keys(debianPackages).filter((name) => !installed(name));
if (missing.length > 0) {
  if (spawnSync('apt-get', ['--version']).status !== 0) {
    console.error('These Debian packages are missing and apt-get is not available:');
    for (const name of missing) console.error(`  ${name}: ${debianPackages[name]}`);
    process.exit(1);
  }
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
  const [command, ...prefix] = [...asRoot, 'apt-get'];
  run(command, [...prefix, 'update', '-qq']);
  run(command, [...prefix, 'install', '-y', '-qq', '--no-install-recommends', ...missing]);
}

if (
  !process.argv.includes('--system') &&
  !existsSync(path.join(root, 'node_modules', '.package-lock.json'))
) {
  run('npm', ['ci']);
}
