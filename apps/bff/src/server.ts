import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { ConfigError, parseConfig, type Config } from './config.js';
import { createLogger } from './logger.js';
import { loadTopology } from './regions.js';
import { RedisSessionStore, SqliteSessionStore, type SessionStore } from './session/store.js';
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
  const log = createLogger(config.LOG_LEVEL);
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
  });

  const server = app.listen(config.PORT, config.HOST, () => {
    log.info(
      { url: `http://${config.HOST}:${config.PORT}`, profile: config.PROFILE },
      'SWR Console listening',
    );
  });
  // In-flight requests finish; idle keep-alive connections close; then the store.
  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down');
    server.close(() => {
      void store.close().finally(() => process.exit(0));
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

await main();
