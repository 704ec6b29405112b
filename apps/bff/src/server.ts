import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { loadConfig } from './config.js';

const config = loadConfig(process.env);
const app = createApp({
  webDir: config.WEB_DIR ?? fileURLToPath(new URL('../../web/dist', import.meta.url)),
});

const server = app.listen(config.PORT, config.HOST, () => {
  console.warn(`SWR Console listening on http://${config.HOST}:${config.PORT}`);
});

function shutdown(signal: string) {
  console.warn(`${signal}: finishing open requests`);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
