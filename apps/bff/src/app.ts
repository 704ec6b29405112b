import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';

export interface AppDeps {
  /** The built SPA (apps/web/dist). */
  webDir: string;
}

/** Builds the BFF; `server.ts` alone listens. */
export function createApp({ webDir }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // Hashed assets never change under the same name; the HTML must always be fresh.
  app.use(
    '/assets',
    express.static(path.join(webDir, 'assets'), {
      immutable: true,
      maxAge: '1y',
      fallthrough: false,
    }),
  );
  app.use(express.static(webDir, { index: false, maxAge: '1h' }));

  const indexHtml = path.join(webDir, 'index.html');
  app.get(/^\/(?!api\/).*/, (_req, res) => {
    if (!existsSync(indexHtml)) {
      res.status(503).type('text/plain').send('The console is not built yet: run npm run build.');
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(indexHtml);
  });

  return app;
}
