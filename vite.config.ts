/** Builds the web UI (web/) into dist/web, which `triangulate serve` sends and the npm package ships. */
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

export default defineConfig({
  root: 'web',
  base: '/',
  plugins: [preact()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // No inline script or style may be needed: the server's CSP forbids both.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
  },
});
