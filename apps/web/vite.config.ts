import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.TRIALFLOW_API_URL ?? 'http://localhost:3000';

/**
 * The web app is static files served by the API under `/` (apps/api/src/web). `npm run build` writes them to
 * dist/web; `vite --config apps/web/vite.config.ts` serves them with live reload, proxying the API paths to
 * a running `npm start` (or TRIALFLOW_API_URL).
 */
export default defineConfig({
  root,
  publicDir: 'public',
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    assetsDir: 'assets',
  },
  server: {
    proxy: Object.fromEntries(['/v1', '/docs', '/health', '/.well-known'].map((path) => [path, { target: api, changeOrigin: false }])),
  },
});
