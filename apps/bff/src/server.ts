import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import { createApp } from './app.js';
import type { Deletions } from './deletions/deletions.js';
import { ConfigError, parseConfig, type Config } from './config.js';
import { listen } from './listen.js';
import { createLogger } from './logger.js';
import { loadTopology } from './regions.js';
import {
  RedisSessionStore,
  SqliteSessionStore,
  within,
  type SessionStore,
} from './session/store.js';
import { Vault } from './session/vault.js';

/** In the local profile a key is made once and kept in the data folder (owner-only). */
function credentialsKey(config: Config): Buffer {
  if (config.CREDENTIALS_KEY) return Buffer.from(config.CREDENTIALS_KEY, 'base64');
  const file = path.join(config.DATA_DIR, 'bff', 'credentials.key');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  chmodSync(file, 0o600);
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) console.error(`Invalid setting ${problem}`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.LOG_LEVEL, undefined, config.LOG_FORMAT);
  let topology;
  try {
    topology = loadTopology(config);
  } catch (error) {
    console.error(`Invalid setting ${(error as Error).message}`);
    process.exit(2);
  }
  const store: SessionStore =
    config.SESSION_STORE === 'redis'
      ? await RedisSessionStore.connect(config.REDIS_URL!)
      : new SqliteSessionStore(path.join(config.DATA_DIR, 'bff', 'sessions.db'));

  let draining = false;
  const app = createApp({
    topology,
    store,
    vault: new Vault(credentialsKey(config)),
    log,
    webDir: config.WEB_DIR ?? fileURLToPath(new URL('../../web/dist', import.meta.url)),
    idleSeconds: config.SESSION_IDLE_MINUTES * 60,
    maxSeconds: config.SESSION_MAX_HOURS * 3600,
    upstreamTimeoutMs: config.UPSTREAM_TIMEOUT_MS,
    maxBodyBytes: config.MAX_BODY_BYTES,
    signInAttempts: config.SIGN_IN_ATTEMPTS,
    trustProxy: config.TRUST_PROXY,
    insecureRegistries: config.PROFILE === 'local',
    limits: {
      socketsPerOrigin: config.UPSTREAM_SOCKETS,
      perSession: config.SESSION_CONCURRENCY,
      queueLimit: config.UPSTREAM_QUEUE,
    },
    draining: () => draining,
    undoWindowMs: config.UNDO_WINDOW_SECONDS * 1000,
  });

  let server: Server;
  try {
    server = await listen(app, config.PORT, config.HOST);
  } catch (error) {
    log.fatal({ err: error }, 'cannot listen');
    process.exit(1);
  }
  log.info(
    { url: `http://${config.HOST}:${config.PORT}`, profile: config.PROFILE },
    'SWR Console listening',
  );

  // Stop taking requests, let those in flight finish (up to the grace period), then the store.
  const shutdown = (signal: string) => {
    if (draining) return;
    draining = true;
    // Held deletions stay in the store; the next BFF (or another replica) sends them.
    (app.locals.deletions as Deletions).stop();
    log.info({ signal, graceMs: config.SHUTDOWN_GRACE_MS }, 'shutting down');
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const forced = setTimeout(() => {
      log.warn('requests still open after the grace period; closing them');
      server.closeAllConnections();
    }, config.SHUTDOWN_GRACE_MS);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(forced);
      // A store that does not answer does not hold the exit up.
      void within(store.close())
        .catch(() => undefined)
        .finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

// Last resort: requests end only themselves, so anything reaching here is a bug. A lost promise
// is logged and the process goes on; a thrown exception may have left state half-changed, so the
// process exits and its supervisor starts a fresh one.
process.on('unhandledRejection', (reason) => {
  console.error('unhandled rejection (a bug):', reason);
});
process.on('uncaughtException', (error) => {
  console.error('uncaught exception (a bug); exiting:', error);
  process.exit(1);
});

await main();
