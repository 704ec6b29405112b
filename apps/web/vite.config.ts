import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { antdStyles } from './build/antd-styles';

/**
 * Writes a Brotli and a gzip copy next to each script, stylesheet and SVG of the build, once, so
 * the BFF sends them compressed without compressing on every request.
 */
function precompress(): Plugin {
  return {
    name: 'swr-console-precompress',
    apply: 'build',
    writeBundle(options) {
      const dir = path.join(options.dir!, 'assets');
      for (const name of readdirSync(dir)) {
        if (!/\.(js|css|svg)$/.test(name)) continue;
        const file = path.join(dir, name);
        const data = readFileSync(file);
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [antdStyles(), react(), precompress()],
  resolve: { conditions: ['source'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Which chunks and stylesheets each source module brings, for the page budgets.
    manifest: true,
    rolldownOptions: {
      preserveEntrySignatures: false,
      output: {
        // Fewer, larger files: a page of ~85 files waited on the browser's six connections per
        // host longer than on the bytes (bench/web-tags.ts). React, the router and TanStack Query
        // go together, and shared chunks under 8 KB are copied into the chunks that use them.
        codeSplitting: {
          groups: [
            {
              name: 'framework',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/,
              priority: 2,
            },
          ],
          experimentalInlineCommonChunks: { maxSize: 8 * 1024 },
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
