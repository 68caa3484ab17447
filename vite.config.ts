/**
 * One source, two browsers: `vite build --mode chrome|firefox` writes dist/<browser>/.
 * The manifest is manifest.json with the version from package.json and the few keys
 * each browser needs (see manifest-for.ts).
 */
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { manifestFor, type Browser } from './scripts/manifest-for.ts';

export default defineConfig(({ mode }) => {
  const browser: Browser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [preact(), crx({ manifest: manifestFor(baseManifest, browser, pkg.version) as never, browser })],
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: { input: { panel: resolve(import.meta.dirname, 'src/panel/panel.html') } },
    },
    server: { cors: { origin: [/chrome-extension:\/\//, /moz-extension:\/\//] } },
    legacy: { skipWebSocketTokenCheck: true },
  };
});
