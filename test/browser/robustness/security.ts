/**
 * The security suites' pages, probes and checks, shared by Chromium and Firefox
 * (chromium-security.test.ts, firefox-security.test.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'puppeteer-core';
import { HOOK_HANDSHAKE } from '../../../src/protocol/hook';
import type { TestServer } from '../../helpers/servers';

/** Each payload tries to run `top.pwned = …` and to change the title if it is ever treated as markup or a URL. */
export const HOSTILE_TEXT = [
  '<script>top.pwned = "script"; document.title = "pwned"</script>',
  '<img src=x onerror="top.pwned = \'img\'; document.title = \'pwned\'">',
  'javascript:top.pwned = "url"; document.title = "pwned"',
  '<svg onload="top.pwned = \'svg\'"><script>top.pwned = "svg script"</script></svg>',
  '<iframe srcdoc="<script>parent.pwned = \'srcdoc\'</script>"></iframe>',
  '<a href="javascript:top.pwned = \'link\'">click</a><object data="javascript:top.pwned = \'object\'"></object><embed src="javascript:top.pwned = \'embed\'">',
  '<meta http-equiv="refresh" content="0;url=javascript:top.pwned = \'meta\'"><base href="javascript:/"><style>@import "javascript:top.pwned = \'css\'";</style>',
  JSON.stringify({
    html: '<img src=x onerror="top.pwned = \'json img\'">',
    link: 'javascript:top.pwned = "json url"',
    svg: '<svg onload="top.pwned = \'json svg\'"/>',
    '<iframe srcdoc="<script>parent.pwned = 1</script>">': { deeper: { deepest: '<script>top.pwned = "json deep"</script>' } },
  }),
];
/** Sent as binary too, for the hex, base64 and UTF-8 views. */
export const HOSTILE_BINARY = '<svg onload="top.pwned = \'binary\'"><script>top.pwned = "binary"</script></svg>';
export const HOSTILE_CLOSE_REASON = '<img src=x onerror="top.pwned = \'reason\'">';

/** A page whose socket sends (and gets back) every hostile payload, and one the server closes with a hostile reason. */
export function hostilePage(server: TestServer): string {
  // As script literals, with '<' escaped so that no '</script>' in a payload ends the page's own script.
  const literal = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');
  server.page('/hostile', `<!doctype html><script>
    const ws = new WebSocket('${server.wsUrl}/echo?<svg onload=top.pwned=1>');
    ws.onopen = () => {
      for (const p of ${literal(HOSTILE_TEXT)}) ws.send(p);
      ws.send(new TextEncoder().encode(${literal(HOSTILE_BINARY)}));
    };
    new WebSocket(${literal(`${server.wsUrl}/close/4000/${encodeURIComponent(HOSTILE_CLOSE_REASON)}`)});
  </script>`);
  return `${server.url}/hostile`;
}

/** Rows of the hostile page: every payload sent and echoed, and the server's text before it closes. */
export const HOSTILE_ROWS = 2 * (HOSTILE_TEXT.length + 1) + 1;

/**
 * Runs in the panel page: opens every row and every details tab (expanding every JSON tree node)
 * and after each step looks for anything that could run code: elements that load or execute,
 * event-handler attributes, `javascript:` values, a changed title or a `pwned` global.
 */
export async function inspectEveryView(): Promise<{ views: number; tabs: string[]; issues: string[] }> {
  const KINDS = ['script', 'iframe', 'frame', 'object', 'embed', 'img', 'svg', 'math', 'meta', 'base', 'link', 'style', 'form', 'video', 'audio'];
  const issues: string[] = [];
  const tabs = new Set<string>();
  const tick = () => new Promise((r) => setTimeout(r, 30));
  const check = (where: string) => {
    for (const e of document.querySelectorAll(KINDS.map((k) => `#app ${k}`).join(', '))) issues.push(`${where}: <${e.tagName.toLowerCase()}>`);
    for (const e of document.querySelectorAll('#app *')) {
      for (const a of e.attributes) {
        if (/^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)) issues.push(`${where}: ${e.tagName.toLowerCase()}[${a.name}=${a.value}]`);
      }
    }
    if ((window as any).pwned !== undefined) issues.push(`${where}: pwned = ${(window as any).pwned}`);
    if (document.title !== 'WebSockets') issues.push(`${where}: title ${document.title}`);
  };
  const rows = () => [...document.querySelectorAll<HTMLElement>('[data-testid="frame-row"]')].sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
  check('table');
  let views = 0;
  for (let i = 0; i < rows().length; i++) {
    rows()[i].click();
    await tick();
    for (const tab of document.querySelectorAll<HTMLElement>('[data-testid="details"] [data-testid^="tab-"]')) {
      tabs.add(tab.dataset.testid!);
      tab.click();
      await tick();
      for (let round = 0; round < 5; round++) {
        const closed = document.querySelectorAll<HTMLElement>('[data-testid="details"] [aria-expanded="false"]');
        if (!closed.length) break;
        closed.forEach((t) => t.click());
        await tick();
      }
      check(`row ${i} ${tab.textContent}`);
      views++;
    }
  }
  return { views, tabs: [...tabs], issues };
}

/**
 * Runs in a page of another tab (or the same one): everything a page can try to get at captured
 * data. It has no extension API, a forged handshake reaches no relay, and nothing answers.
 */
export async function probeFromPage(handshake: string, extensionPages: string[]): Promise<Record<string, unknown>> {
  const w = window as any;
  const heard: string[] = [];
  const note = (what: string) => (e: Event) => heard.push(`${what}: ${JSON.stringify((e as MessageEvent).data ?? (e as CustomEvent).detail ?? null)}`);
  addEventListener('message', note('window message'), true);
  document.addEventListener(handshake, note('document event'), true);
  addEventListener(handshake, note('window event'), true);
  const channel = new MessageChannel();
  channel.port1.onmessage = note('forged port');
  postMessage(handshake, '*', [channel.port2]);
  channel.port1.postMessage({ id: 1, op: 'send', data: 'forged' });
  postMessage({ v: 1, type: 'sync', since: {} }, '*');
  postMessage({ v: 1, type: 'backlog', docId: 'x', events: [] }, '*');
  dispatchEvent(new CustomEvent(handshake, { detail: { type: 'sync' } }));
  document.dispatchEvent(new CustomEvent(handshake, { detail: { type: 'backlog' } }));
  const fetches: string[] = [];
  for (const url of extensionPages) {
    fetches.push(await fetch(url).then((r) => `${url}: ${r.status}`, (e) => `${url}: ${e.name}`));
  }
  const scriptLoad = await new Promise<string>((resolve) => {
    const s = document.createElement('script');
    s.src = extensionPages[0];
    s.onload = () => resolve('loaded');
    s.onerror = () => resolve('error');
    document.head.append(s);
  });
  await new Promise((r) => setTimeout(r, 1000));
  return {
    chromeRuntime: typeof w.chrome?.runtime,
    browserGlobal: typeof w.browser,
    heard,
    fetches,
    scriptLoad,
  };
}

/** What probeFromPage hears: only its own window messages, never an answer. */
export const OWN_MESSAGES = [
  'window event: {"type":"sync"}',
  'window event: {"type":"backlog"}', // the document's event, seen by the window's capturing listener
  'document event: {"type":"backlog"}',
  `window message: ${JSON.stringify(HOOK_HANDSHAKE)}`,
  'window message: {"v":1,"type":"sync","since":{}}',
  'window message: {"v":1,"type":"backlog","docId":"x","events":[]}',
];

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Build-artifact checks of dist/<browser>: manifest keys, HTML without inline code, bundles without code generation. */
export function artifactReport(dist: string) {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const files = filesUnder(dist).map((f) => relative(dist, f));
  const html = files.filter((f) => f.endsWith('.html')).map((f) => {
    const text = readFileSync(join(dist, f), 'utf8');
    const scripts = [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    return {
      file: f,
      inlineScripts: scripts.filter(([, , body]) => body.trim() !== '').length,
      scriptSources: scripts.map(([, attrs]) => /\bsrc="([^"]*)"/.exec(attrs)?.[1] ?? '(none)'),
      handlers: [...text.matchAll(/\s(on[a-z]+)=/gi)].map((m) => m[1]),
      javascriptUrls: /javascript:/i.test(text),
    };
  });
  const codegen = files.filter((f) => f.endsWith('.js')).flatMap((f) => {
    const text = readFileSync(join(dist, f), 'utf8');
    return [...text.matchAll(/(?<![\w$.])eval\(|new Function\(|(?<![\w$.])Function\(/g)].map((m) => `${f}: ${m[0]}`);
  });
  return { manifest, files, html, codegen };
}

export const bodyText = (page: Page) => page.evaluate(() => document.body.innerText);
