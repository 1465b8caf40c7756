import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = path.join(root, 'dist');
const api = process.env.SETU_API_URL ?? 'http://localhost:3000';

/**
 * Writes `file.br` and `file.gz` beside every text asset, so the server can send them as they are
 * (@fastify/static `preCompressed: true`) instead of compressing on each request.
 */
function precompress(): Plugin {
  return {
    name: 'setu-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string): string[] =>
        fs
          .readdirSync(dir, { withFileTypes: true })
          .flatMap((entry) =>
            entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
          );
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json)$/.test(file)) continue;
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

// The web app: built into web/dist, which the Fastify server serves. `npx vite --config web/vite.config.ts`
// runs it in development with /api proxied to a server started separately (`npm run setu -- serve --demo`).
export default defineConfig({
  root,
  plugins: [react(), precompress()],
  css: { postcss: root },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // Officers on slow mobile connections: keep chunks small and tell us when one is not.
    chunkSizeWarningLimit: 250,
  },
  server: { proxy: { '/api': { target: api, changeOrigin: false } } },
  preview: { proxy: { '/api': { target: api, changeOrigin: false } } },
});
