/**
 * Security, in any browser (run by chromium-security.test.ts and firefox-security.test.ts): hostile
 * payloads stay inert in every view of the panel; a page has no way to another tab's frames or to
 * the extension's pages; the extension pages' CSP is the strict Manifest V3 default, and the build
 * has no inline code or code generation to need more. (Forged commands from the page are attacked
 * in suites/actions.ts.)
 */
import type { Page } from 'puppeteer-core';
import { expect, onTestFinished, test } from 'vitest';
import { fill, panelCount, panelRows, waitFor } from '../../helpers/panel';
import type { TestServer } from '../../helpers/servers';
import { HOOK_HANDSHAKE } from '../../../src/protocol/hook';
import { watchErrors } from '../robustness/panel';
import { defineCounterSuite } from './counters';
import { tabPage } from '../robustness/pages';
import {
  artifactReport, HOSTILE_CLOSE_REASON, HOSTILE_ROWS, HOSTILE_TEXT, hostilePage, inspectEveryView, OWN_MESSAGES, probeFromPage,
} from '../robustness/security';

export interface SecurityDriver {
  newPage(): Promise<Page>;
  /** The panel page as a tab inspecting `page`'s tab, rendered, frames or not. */
  openPanel(page: Page): Promise<Page>;
  /** chrome-extension://id or moz-extension://uuid */
  extensionOrigin(): string;
  /** The unpacked extension the browser runs. */
  dist: string;
  /** How the browser reports a page's refused load of an extension URL, as watchErrors words it. */
  refusedLoad: RegExp;
}

export function defineSecuritySuite(b: SecurityDriver, server: () => TestServer): void {
  async function open(url: string, errors: string[]): Promise<Page> {
    const page = await b.newPage();
    onTestFinished(() => page.close().catch(() => {}));
    watchErrors(page, 'page', errors);
    await page.goto(url);
    return page;
  }

  async function panelFor(page: Page, errors: string[]): Promise<Page> {
    const panel = await b.openPanel(page);
    onTestFinished(() => panel.close().catch(() => {}));
    watchErrors(panel, 'panel', errors);
    return panel;
  }

  test('HTML, script, javascript: URLs, SVG and iframe srcdoc payloads stay text in every view', async () => {
    const errors: string[] = [];
    const page = await open(hostilePage(server()), errors);
    const panel = await panelFor(page, errors);
    await waitFor(async () => (await panelCount(panel)) === `${HOSTILE_ROWS} frames`, 'every hostile frame');
    const previews = (await panelRows(panel)).map((r) => r.preview);
    for (const payload of HOSTILE_TEXT.slice(0, 7)) expect(previews).toContain(payload);
    const states = await panel.$$eval('[data-testid="connection"]', (els) => els.map((e) => e.textContent));
    expect(states.some((s) => s!.includes(`closed 4000 "${HOSTILE_CLOSE_REASON}"`))).toBe(true);

    const { views, tabs, issues } = await panel.evaluate(inspectEveryView);
    expect(issues).toEqual([]);
    expect(tabs).toEqual(expect.arrayContaining(['tab-tree', 'tab-text', 'tab-hex', 'tab-base64', 'tab-utf8']));
    expect(views).toBeGreaterThanOrEqual(HOSTILE_ROWS * 5);
    // The JSON tree shows the HTML inside JSON strings and keys as text.
    await fill(panel, 'filter', 'json deep');
    await waitFor(async () => (await panelCount(panel)) === `shown 2 of ${HOSTILE_ROWS} frames`, 'the JSON frames');
    await waitFor(async () => {
      await panel.$eval('[data-testid="frame-row"]', (e) => (e as HTMLElement).click());
      return panel.$('[data-testid="tab-tree"]');
    }, 'the details of the JSON frame');
    await panel.$eval('[data-testid="tab-tree"]', (e) => (e as HTMLElement).click());
    const tree = await waitFor(() => panel.$eval('[data-testid="json-tree"]', (e) => e.textContent), 'the JSON tree');
    expect(tree).toContain('"<img src=x onerror=\\"top.pwned = \'json img\'\\">"');
    expect(await panel.evaluate(() => [typeof (window as any).pwned, document.title])).toEqual(['undefined', 'WebSockets']);
    expect(errors).toEqual([]); // a CSP violation (code that tried to run) would be a console error
  });

  test('the panel\'s CSP refuses inline script, inline handlers and eval even when markup gets in', async () => {
    server().page('/csp-target', '<!doctype html><title>csp</title>');
    const panel = await panelFor(await open(`${server().url}/csp-target`, []), []);
    const outcome = await panel.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true';
      document.body.append(s);
      const div = document.createElement('div');
      div.innerHTML = '<img src="data:," onerror="window.handlerRan = true">';
      document.body.append(div);
      setTimeout('window.timerStringRan = true', 0);
      await new Promise((r) => setTimeout(r, 300));
      return { inline: (window as any).inlineRan ?? false, handler: (window as any).handlerRan ?? false, timerString: (window as any).timerStringRan ?? false, violations };
    });
    expect(outcome.inline).toBe(false);
    expect(outcome.handler).toBe(false);
    expect(outcome.timerString).toBe(false);
    // One report for each refusal: the inline <script>, the onerror attribute, the string passed to setTimeout.
    expect([...new Set(outcome.violations)].sort()).toEqual(['script-src', 'script-src-attr', 'script-src-elem']);
  });

  test('a page in another tab gets nothing: no extension API, its probes go unanswered, extension pages unreachable', async () => {
    const errors: string[] = [];
    const victim = await open(tabPage(server(), 'victim', 50), errors);
    const victimPanel = await panelFor(victim, errors);
    await waitFor(async () => (await panelCount(victimPanel)) === '100 frames', 'the victim tab\'s frames');
    server().page('/attacker', '<!doctype html><title>attacker</title>');
    const attacker = await open(`${server().url}/attacker`, errors);
    const base = b.extensionOrigin();
    const found = await attacker.evaluate(probeFromPage, HOOK_HANDSHAKE, [`${base}/src/panel/panel.html`, `${base}/manifest.json`, `${base}/src/hook/index.iife.js`]);
    expect(found.chromeRuntime).toBe('undefined');
    expect(found.browserGlobal).toBe('undefined');
    expect(found.heard).toEqual(OWN_MESSAGES);
    expect(found.fetches).toEqual([`${base}/src/panel/panel.html: TypeError`, `${base}/manifest.json: TypeError`, `${base}/src/hook/index.iife.js: TypeError`]);
    expect(found.scriptLoad).toBe('error');
    // The victim's panel saw nothing of the attacker, and the attacker's own panel nothing of the victim.
    expect(await panelCount(victimPanel)).toBe('100 frames');
    const attackerPanel = await panelFor(attacker, errors);
    await new Promise((r) => setTimeout(r, 500));
    expect(await attackerPanel.$$('[data-testid="frame-row"]')).toHaveLength(0);
    expect(await attackerPanel.$$('[data-testid="connection"]')).toHaveLength(0);
    // The browser logs each refused extension load as an error of the attacker page.
    expect(errors.filter((e) => !b.refusedLoad.test(e))).toEqual([]);
  });

  test('build artifacts: strict default CSP, nothing web-accessible, no inline script, no code generation', () => {
    const { manifest, html, codegen } = artifactReport(b.dist);
    expect(manifest.content_security_policy).toBeUndefined(); // the strict MV3 default
    expect(JSON.stringify(manifest)).not.toMatch(/unsafe-|wasm-unsafe|https?:\/\//);
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    expect(html.map((h) => h.file).sort()).toEqual(['src/devtools/devtools.html', 'src/panel/panel.html']);
    for (const page of html) {
      expect(page.inlineScripts, page.file).toBe(0);
      expect(page.handlers, page.file).toEqual([]);
      expect(page.javascriptUrls, page.file).toBe(false);
      for (const src of page.scriptSources) expect(src, page.file).toMatch(/^\/assets\/[\w.-]+\.js$/);
    }
    // protobufjs (loaded only when a .proto is loaded) ships a code generator; src/decode/csp.test.ts
    // shows decoding never calls it. Nothing else may contain eval or Function.
    expect(codegen.filter((c) => !/^assets\/protobuf-schema-[\w-]+\.js: Function\($/.test(c))).toEqual([]);
  });

  defineCounterSuite(b, server);
}
