/**
 * One source, two browsers: `vite build --mode chrome|firefox` writes dist/<browser>/.
 * The manifest is manifest.json with the version from package.json and the few keys
 * each browser needs (see manifest-for.ts).
 */
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { manifestFor, type Browser } from './scripts/manifest-for.ts';

/** protobufjs's code generator (its `util/codegen`) is swapped for a stub: see src/decode/support/no-codegen.ts. */
const noProtobufCodegen: Plugin = {
  name: 'wsinspect:no-protobuf-codegen',
  enforce: 'pre',
  resolveId(source, importer) {
    if (/(^|\/)util\/codegen(\.js)?$/.test(source) && importer?.includes('/protobufjs/')) {
      return resolve(import.meta.dirname, 'src/decode/support/no-codegen.ts');
    }
    return null;
  },
};

/**
 * crxjs may list scripts as web-accessible, which would let any page fetch (and so detect)
 * them; nothing of ours needs such an entry. Removed from the manifest.
 */
const noWebAccessibleScripts: Plugin = {
  name: 'wsinspect:no-web-accessible-scripts',
  enforce: 'post',
  writeBundle(options) {
    const file = resolve(options.dir ?? '', 'manifest.json');
    if (!existsSync(file)) return;
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    delete manifest.web_accessible_resources;
    writeFileSync(file, JSON.stringify(manifest, null, 2));
  },
};

export default defineConfig(({ mode }) => {
  const browser: Browser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    // The Firefox-only parts of the page hook (src/hook/gecko-*.ts) are left out of the Chrome build.
    define: { __WSINSPECT_FIREFOX__: JSON.stringify(browser === 'firefox') },
    plugins: [noProtobufCodegen, preact(), crx({ manifest: manifestFor(baseManifest, browser, pkg.version) as never, browser }), noWebAccessibleScripts],
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
