import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `vite build packages/web` from the root or `vite build` here: paths are relative to this folder.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: {
    port: 5173,
    // The API and its SSE streams; same origin in the browser, so the session cookie just works.
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
