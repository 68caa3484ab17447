/**
 * Bundles a client entry (clients/<name>.ts) for the browser into one IIFE string, in memory,
 * with Vite 8 (rolldown). The result is inlined into the test page, so the library runs as a
 * real page script after our document_start hook, exactly as on a real site.
 */
import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';

const CLIENTS = resolve(import.meta.dirname, 'clients');
const cache = new Map<string, Promise<string>>();

export function bundleClient(name: string): Promise<string> {
  let code = cache.get(name);
  if (!code) cache.set(name, (code = bundle(resolve(CLIENTS, `${name}.ts`))));
  return code;
}

async function bundle(entry: string): Promise<string> {
  const result = await build({
    configFile: false,
    envDir: false,
    publicDir: false,
    logLevel: 'warn',
    root: CLIENTS,
    define: { 'process.env.NODE_ENV': '"production"' },
    // A client build: Vite's default conditions pick each library's browser build, as an app bundler would.
    build: {
      write: false,
      minify: false,
      modulePreload: false,
      reportCompressedSize: false,
      rollupOptions: { input: entry, output: { format: 'iife' } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o): o is Rolldown.OutputChunk => o.type === 'chunk' && o.isEntry);
  if (!chunk) throw new Error(`no entry chunk bundling ${entry}`);
  return chunk.code;
}

/** A page that runs `code` with `config` as `window.config`; the client reports in `window.result`. */
export function clientPage(code: string, config: object): string {
  // `</script` inside the bundle would end the inline script early; `<\/script` means the same in JS.
  const safe = code.replace(/<\/(script)/gi, '<\\/$1');
  return `<!doctype html><meta charset="utf-8"><body><script>window.config = ${JSON.stringify(config)};</script>
<script>${safe}</script></body>`;
}
